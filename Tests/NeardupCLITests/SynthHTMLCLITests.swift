import Foundation
import Testing

@Suite("neardup synth --html", .serialized)
struct SynthHTMLCLITests {
    /// The package source tree.
    private static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    private static let base = root.appendingPathComponent("Data/reuters/reuters-sample.jsonl").path

    private func synth(_ extra: [String], documents: Int = 160, seed: Int = 4) throws -> NeardupTool.Run {
        try NeardupTool.run(["synth", "--html", "--documents", "\(documents)", "--seed", "\(seed)", "--base", Self.base] + extra)
    }

    private func lines(_ path: String) throws -> [[String: Any]] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map { try NeardupTool.jsonObject(String($0)) }
    }

    @Test func writesPagesLabelsAndALogOfWhatEachPageIs() throws {
        let directory = try NeardupTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let run = try synth(["--output", directory + "/web.jsonl", "--labels", directory + "/web.labels.json", "--log", directory + "/web.log.jsonl"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("160 pages written ("), "\(run.stderr)")
        #expect(run.stderr.contains(" galleries, ") || run.stderr.contains(" gallery, "), "\(run.stderr)")
        #expect(run.stderr.contains(" live blog"), "\(run.stderr)")
        #expect(run.stderr.contains(" section front"), "\(run.stderr)")

        let corpus = try lines(directory + "/web.jsonl")
        #expect(corpus.count == 160)
        for record in corpus {
            #expect(Set(record.keys) == ["id", "source", "date", "url", "text"])
            let text = try #require(record["text"] as? String)
            #expect(text.hasPrefix("<!DOCTYPE html>") && text.hasSuffix("</html>\n"))
        }
        let log = try lines(directory + "/web.log.jsonl")
        #expect(log.map { $0["id"] as? String } == corpus.map { $0["id"] as? String }, "the log follows the corpus line for line")
        let kinds = Set(log.compactMap { $0["kind"] as? String })
        #expect(kinds.isSuperset(of: ["original", "reprint", "gallery", "live-blog", "listing", "digest"]), "\(kinds)")

        // Labels by the log: live-blog snapshots together, galleries and section fronts alone.
        let labels = try NeardupTool.jsonObject(try String(contentsOfFile: directory + "/web.labels.json", encoding: .utf8))
        let clusters = try #require(labels["clusters"] as? [[String]])
        let kindOf = Dictionary(uniqueKeysWithValues: log.map { ($0["id"] as! String, $0["kind"] as! String) })
        let storyOf = Dictionary(uniqueKeysWithValues: log.map { ($0["id"] as! String, $0["story"] as? String ?? "") })
        let labelled = Set(clusters.joined())
        for (id, kind) in kindOf where kind == "gallery" || kind == "listing" || kind == "digest" { #expect(!labelled.contains(id)) }
        let blogClusters = clusters.filter { $0.contains { kindOf[$0] == "live-blog" } }
        #expect(!blogClusters.isEmpty)
        for cluster in clusters { #expect(Set(cluster.map { storyOf[$0] ?? "" }).count == 1) }

        // The corpus goes through cluster and eval.
        let assignments = directory + "/assignments.jsonl"
        let cluster = try NeardupTool.run(["cluster", "--output", assignments, directory + "/web.jsonl"])
        #expect(cluster.status == 0, "\(cluster.stderr)")
        let eval = try NeardupTool.run(["eval", "--labels", directory + "/web.labels.json", "--format", "json", assignments])
        #expect(eval.status == 0, "\(eval.stderr)")
        let scores = try NeardupTool.jsonObject(eval.stdout)
        #expect((scores["documents"] as? NSNumber)?.intValue == 160)
        #expect((scores["labelled_ids_missing"] as? NSNumber)?.intValue == 0)
    }

    @Test func sameArgumentsGiveByteIdenticalPages() throws {
        let directory = try NeardupTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        for (name, seed) in [("a", 4), ("b", 4), ("c", 5)] {
            let run = try synth(["--output", "\(directory)/\(name).jsonl", "--labels", "\(directory)/\(name).json", "--log", "\(directory)/\(name).log"],
                                documents: 80, seed: seed)
            #expect(run.status == 0, "\(run.stderr)")
        }
        for suffix in ["jsonl", "json", "log"] {
            let a = FileManager.default.contents(atPath: "\(directory)/a.\(suffix)")
            #expect(a != nil && a == FileManager.default.contents(atPath: "\(directory)/b.\(suffix)"), "\(suffix)")
            #expect(a != FileManager.default.contents(atPath: "\(directory)/c.\(suffix)"), "\(suffix) changes with the seed")
        }
    }

    @Test func pagesDirectoryHoldsOneFilePerPageNamedAsScanNamesIt() throws {
        let directory = try NeardupTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let pages = directory + "/pages"
        let run = try synth(["--pages-dir", pages, "--labels", directory + "/labels.json", "--log", directory + "/log.jsonl"], documents: 60)
        #expect(run.status == 0, "\(run.stderr)")
        let enumerator = try #require(FileManager.default.enumerator(atPath: pages))
        let files = enumerator.compactMap { $0 as? String }.filter { $0.hasSuffix(".html") }
        #expect(files.count == 60)
        let sites = Set(files.map { $0.split(separator: "/")[0] })
        #expect(sites.count >= 3, "pages in per-site folders: \(sites)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).sorted() == ["labels.json", "log.jsonl", "pages"],
                "no temporary folder is left")

        let assignments = directory + "/assignments.jsonl"
        let cluster = try NeardupTool.run(["cluster", "--output", assignments, pages])
        #expect(cluster.status == 0, "\(cluster.stderr)")
        let ids = try lines(assignments).compactMap { $0["id"] as? String }
        #expect(Set(ids) == Set(files))
        let log = try lines(directory + "/log.jsonl").compactMap { $0["id"] as? String }
        #expect(Set(log) == Set(files), "the log names the files")
        let eval = try NeardupTool.run(["eval", "--labels", directory + "/labels.json", "--format", "json", assignments])
        let scores = try NeardupTool.jsonObject(eval.stdout)
        #expect((scores["labelled_ids_missing"] as? NSNumber)?.intValue == 0, "labels name the pages as a scan does")
    }

    @Test func aPagesDirectoryThatHoldsFilesIsNeverWrittenInto() throws {
        let directory = try NeardupTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let pages = directory + "/pages"
        try FileManager.default.createDirectory(atPath: pages, withIntermediateDirectories: false)
        #expect(FileManager.default.createFile(atPath: pages + "/keep.txt", contents: Data("mine\n".utf8)))
        let run = try synth(["--pages-dir", pages, "--labels", directory + "/labels.json"], documents: 20)
        #expect(run.status == 73, "\(run.stderr)")
        #expect(run.stderr.contains("not empty"), "\(run.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: pages) == ["keep.txt"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["pages"])
    }

    @Test(arguments: [
        (["--labels", "L"], "give --output"),
        (["--pages-dir", "P", "--labels", "L", "--no-html"], "add --html"),
        (["--output", "C", "--labels", "L", "--agencies", "6"], "agencyCount must be between 1 and 5"),
        (["--output", "C", "--labels", "L", "--pages-dir", "C"], "name the same file"),
    ])
    func badOptionsExit64(_ options: [String], message: String) throws {
        let directory = try NeardupTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var arguments = ["synth", "--documents", "10", "--base", Self.base] + options.map { ["C", "L", "P"].contains($0) ? "\(directory)/\($0)" : $0 }
        if options.contains("--no-html") {
            arguments.removeAll { $0 == "--no-html" }
        } else {
            arguments.insert("--html", at: 1)
        }
        let run = try NeardupTool.run(arguments)
        #expect(run.status == 64, "\(run.stderr)")
        #expect(run.stderr.contains(message), "\(run.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty)
    }

    /// The bundled example is what the command in its README writes, byte for byte.
    @Test func bundledWebExampleIsRegeneratedByItsCommand() throws {
        let directory = try NeardupTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let example = Self.root.appendingPathComponent("Data/web").path
        let data = Self.root.appendingPathComponent("Data").path
        let readme = try String(contentsOfFile: data + "/web.md", encoding: .utf8)
        let command = try #require(readme.split(separator: "\n").first { $0.hasPrefix(".build/release/neardup synth --html") })
        var arguments = command.split(separator: " ").map(String.init)
        arguments = Array(arguments.drop { !$0.hasSuffix("neardup") }.dropFirst())
        for (index, argument) in arguments.enumerated() {
            if ["web", "web.labels.json", "web.log.jsonl"].contains(argument) {
                arguments[index] = directory + "/" + argument
            } else if argument.hasPrefix("Data/") {
                arguments[index] = Self.root.appendingPathComponent(argument).path
            }
        }
        let run = try NeardupTool.run(arguments)
        #expect(run.status == 0, "\(arguments) \(run.stderr)")
        for name in ["web.labels.json", "web.log.jsonl"] {
            #expect(FileManager.default.contents(atPath: "\(directory)/\(name)") == FileManager.default.contents(atPath: "\(data)/\(name)"), "\(name)")
        }
        let written = try #require(FileManager.default.enumerator(atPath: directory + "/web")).compactMap { $0 as? String }.filter { $0.hasSuffix(".html") }
        let bundled = try #require(FileManager.default.enumerator(atPath: example)).compactMap { $0 as? String }.filter { $0.hasSuffix(".html") }
        #expect(Set(written) == Set(bundled))
        for path in written {
            #expect(FileManager.default.contents(atPath: "\(directory)/web/\(path)") == FileManager.default.contents(atPath: "\(example)/\(path)"), "\(path)")
        }
        #expect((30...60).contains(written.count))
    }
}
