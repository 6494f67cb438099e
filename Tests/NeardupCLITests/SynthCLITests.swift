import Foundation
import Testing

@Suite("neardup synth", .serialized)
struct SynthCLITests {
    /// `Data/reuters/reuters-sample.jsonl` in the package source tree.
    private static let base: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Data/reuters/reuters-sample.jsonl").path

    private func synth(_ directory: String, seed: Int = 4, documents: Int = 150, log: Bool = true, prefix: String = "") throws -> NeardupTool.Run {
        var arguments = ["synth", "--documents", "\(documents)", "--seed", "\(seed)", "--base", Self.base,
                         "--output", "\(directory)/\(prefix)corpus.jsonl", "--labels", "\(directory)/\(prefix)labels.json"]
        if log { arguments += ["--log", "\(directory)/\(prefix)edits.jsonl"] }
        return try NeardupTool.run(arguments)
    }

    @Test func writesCorpusLabelsAndLog() throws {
        let directory = try NeardupTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let run = try synth(directory)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("150 documents written"), "\(run.stderr)")
        #expect(run.stderr.contains("documents/s") && run.stderr.contains("MB/s"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).sorted() == ["corpus.jsonl", "edits.jsonl", "labels.json"],
                "no temporary file is left")

        let corpusLines = try String(contentsOfFile: directory + "/corpus.jsonl", encoding: .utf8).split(separator: "\n")
        #expect(corpusLines.count == 150)
        var ids: [String] = []
        for line in corpusLines {
            let record = try NeardupTool.jsonObject(String(line))
            #expect(Set(record.keys) == ["id", "source", "date", "text"])
            ids.append(try #require(record["id"] as? String))
        }
        #expect(Set(ids).count == 150)

        let labels = try NeardupTool.jsonObject(try String(contentsOfFile: directory + "/labels.json", encoding: .utf8))
        let clusters = try #require(labels["clusters"] as? [[String]])
        #expect(!clusters.isEmpty)
        #expect(Set(clusters.joined()).isSubset(of: Set(ids)))
        #expect(clusters.joined().count == Set(clusters.joined()).count, "clusters are disjoint")
        let generator = try #require(labels["generator"] as? [String: Any])
        #expect((generator["seed"] as? NSNumber)?.intValue == 4)
        #expect(generator["base"] as? String == "reuters-sample.jsonl")

        let logLines = try String(contentsOfFile: directory + "/edits.jsonl", encoding: .utf8).split(separator: "\n")
        #expect(logLines.count == 150)
        var logIDs: [String] = []
        for line in logLines {
            let record = try NeardupTool.jsonObject(String(line))
            logIDs.append(try #require(record["id"] as? String))
            #expect(record["edits"] is [String])
            #expect(record["kind"] is String)
        }
        #expect(logIDs == ids, "the log follows the corpus line for line")

        // The labelled corpus is scored by the rest of the tool.
        let assignments = directory + "/assignments.jsonl"
        let cluster = try NeardupTool.run(["cluster", "--output", assignments, directory + "/corpus.jsonl"])
        #expect(cluster.status == 0, "\(cluster.stderr)")
        let eval = try NeardupTool.run(["eval", "--labels", directory + "/labels.json", "--format", "json", assignments])
        #expect(eval.status == 0, "\(eval.stderr)")
        let scores = try NeardupTool.jsonObject(eval.stdout)
        #expect((scores["documents"] as? NSNumber)?.intValue == 150)
        #expect((scores["labelled_ids_missing"] as? NSNumber)?.intValue == 0)
    }

    @Test func sameArgumentsGiveByteIdenticalFiles() throws {
        let directory = try NeardupTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(try synth(directory, prefix: "a-").status == 0)
        #expect(try synth(directory, prefix: "b-").status == 0)
        #expect(try synth(directory, seed: 5, prefix: "c-").status == 0)
        for name in ["corpus.jsonl", "labels.json", "edits.jsonl"] {
            let a = FileManager.default.contents(atPath: "\(directory)/a-\(name)")
            let b = FileManager.default.contents(atPath: "\(directory)/b-\(name)")
            let c = FileManager.default.contents(atPath: "\(directory)/c-\(name)")
            #expect(a != nil && a == b, "\(name)")
            #expect(a != c, "\(name) changes with the seed")
        }
    }

    /// A generated corpus big enough that every stage splits its work into many chunks:
    /// `cluster` and `scan --format json` give the same bytes at any thread count.
    @Test func outputsAreByteIdenticalWhateverTheThreadCount() throws {
        let directory = try NeardupTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(try synth(directory, documents: 600, log: false).status == 0)
        let corpus = "\(directory)/corpus.jsonl"
        var clusterOutputs: [Data?] = []
        var scanOutputs: [String] = []
        for threads in [1, 2, 3] {
            let output = "\(directory)/clusters-\(threads).jsonl"
            let cluster = try NeardupTool.run(["cluster", corpus, "--threads", "\(threads)", "--output", output])
            #expect(cluster.status == 0, "\(cluster.stderr)")
            clusterOutputs.append(FileManager.default.contents(atPath: output))
            let scan = try NeardupTool.run(["scan", corpus, "--threads", "\(threads)", "--format", "json"])
            #expect(scan.status == 0, "\(scan.stderr)")
            scanOutputs.append(scan.stdout)
        }
        #expect(clusterOutputs[0] != nil && clusterOutputs.allSatisfy { $0 == clusterOutputs[0] })
        #expect(scanOutputs.allSatisfy { $0 == scanOutputs[0] })
        #expect(scanOutputs[0].contains("\"clusters\""))
    }

    @Test func missingBaseExits66WithAHint() throws {
        let directory = try NeardupTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let run = try NeardupTool.run(["synth", "--documents", "10", "--base", directory + "/nothing.jsonl",
                                       "--output", directory + "/c.jsonl", "--labels", directory + "/l.json"])
        #expect(run.status == 66)
        #expect(run.stderr.contains("nothing.jsonl") && run.stderr.contains("--base"), "\(run.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty)
    }

    @Test(arguments: [
        ["--documents", "0"],
        ["--documents", "10", "--outlets", "0"],
        ["--documents", "10", "--max-copies", "-1"],
    ])
    func badOptionsExit64(_ options: [String]) throws {
        let directory = try NeardupTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let run = try NeardupTool.run(["synth"] + options + ["--base", Self.base, "--output", directory + "/c.jsonl", "--labels", directory + "/l.json"])
        #expect(run.status == 64, "\(run.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty)
    }

    @Test func unwritableOutputExits73() throws {
        let directory = try NeardupTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let run = try NeardupTool.run(["synth", "--documents", "10", "--base", Self.base,
                                       "--output", directory + "/missing/c.jsonl", "--labels", directory + "/l.json"])
        #expect(run.status == 73, "\(run.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty)
    }
}
