import Foundation
import Testing
import TestScratch

/// Runs the built `neardup` tool as a separate process.
enum NeardupTool {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String

        var stdoutLines: [String] { stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
    }

    enum LocateError: Error, CustomStringConvertible {
        case notFound([String])
        var description: String {
            switch self {
            case .notFound(let places): return "no neardup executable found above: \(places.joined(separator: ", "))"
            }
        }
    }

    /// The executable beside this test bundle: the first directory, walking up from the bundle
    /// (and from the test process's own executable), that holds an executable file `neardup`.
    static let executable: Result<URL, LocateError> = {
        var starts = [Bundle.main.bundleURL]
        if let url = Bundle.main.executableURL { starts.append(url.deletingLastPathComponent()) }
        starts.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent())
        for start in starts {
            var directory = start.standardizedFileURL
            while directory.path != "/" {
                let candidate = directory.appendingPathComponent("neardup")
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                   FileManager.default.isExecutableFile(atPath: candidate.path) {
                    return .success(candidate)
                }
                directory = directory.deletingLastPathComponent()
            }
        }
        return .failure(.notFound(starts.map(\.path)))
    }()

    /// `Tests/NearDupTests/Fixtures` in the package source tree.
    static let fixtures: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("NearDupTests")
        .appendingPathComponent("Fixtures")

    static func fixture(_ relativePath: String) -> String {
        fixtures.appendingPathComponent(relativePath).path
    }

    static var archive: String { fixture("archive") }

    /// `environment` adds to (or overrides) this process's environment for the run.
    static func run(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:],
                    in workingDirectory: String? = nil, executable: URL? = nil) throws -> Run {
        let executable = try executable ?? Self.executable.get()
        let scratch = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let outPath = scratch + "/stdout"
        let errPath = scratch + "/stderr"
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        let err = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))

        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let workingDirectory { process.currentDirectoryURL = URL(fileURLWithPath: workingDirectory) }
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        process.standardOutput = out
        process.standardError = err
        if let stdin {
            let inPath = scratch + "/stdin"
            _ = FileManager.default.createFile(atPath: inPath, contents: Data(stdin.utf8))
            process.standardInput = FileHandle(forReadingAtPath: inPath)
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        let stdout = String(decoding: FileManager.default.contents(atPath: outPath) ?? Data(), as: UTF8.self)
        let stderr = String(decoding: FileManager.default.contents(atPath: errPath) ?? Data(), as: UTF8.self)
        return Run(status: process.terminationStatus, stdout: stdout, stderr: stderr)
    }

    static func temporaryDirectory() throws -> String {
        try TestScratch.directory("cli")
    }

    static func write(_ bytes: [UInt8], to path: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    static func write(_ text: String, to path: String) throws {
        try write(Array(text.utf8), to: path)
    }

    static func jsonObject(_ text: String) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return try #require(object as? [String: Any])
    }
}

private let wireFile = "reuters-wire-putin-invites-trump.txt"
private let putinFiles: Set<String> = [
    wireFile,
    "moscowtimes-2018-07-28-putin-invites-trump.txt",
    "fernbrook-ledger-truncated-putin-invites-trump.txt",
    "kestrel-bay-gazette-ocr-putin-invites-trump.txt",
    "marlow-ridge-observer-byline-footer-putin-invites-trump.txt",
]
private let censusFiles: Set<String> = ["cbsnews.com-8200.txt", "syracuse.com-8818.txt", "dailymail.co.uk-9990.txt"]

@Suite("neardup command line", .serialized)
struct CLITests {
    // MARK: scan

    @Test func scanPrintsClustersWithTheOriginalFirst() throws {
        let run = try NeardupTool.run(["scan", NeardupTool.archive])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdoutLines
        let header = try #require(lines.firstIndex { $0.hasPrefix("Cluster ") && $0.hasSuffix(": 5 documents") }, "\(run.stdout)")
        let marked = lines[header + 1]
        #expect(marked.hasPrefix("  * \(wireFile)"), "\(marked)")
        let members = lines[(header + 1)...(header + 5)].map { line in
            String(line.dropFirst(4).prefix { $0 != " " })
        }
        #expect(Set(members) == putinFiles)
        #expect(lines[(header + 2)...(header + 5)].allSatisfy { $0.hasPrefix("    ") }, "only the original is marked")
        #expect(lines[header + 6].isEmpty)

        let census = try #require(lines.firstIndex { $0.hasPrefix("Cluster ") && $0.hasSuffix(": 3 documents") })
        let censusMembers = lines[(census + 1)...(census + 3)].map { String($0.dropFirst(4).prefix { $0 != " " }) }
        #expect(Set(censusMembers) == censusFiles)
        #expect(lines.filter { $0.hasPrefix("Cluster ") }.count == 2)
        #expect(run.stderr == "24 documents read, 2 clusters, 6 documents are copies (* = likely original)\n", "\(run.stderr)")
    }

    @Test func scanJSONParses() throws {
        let run = try NeardupTool.run(["scan", "--format", "json", NeardupTool.archive])
        #expect(run.status == 0, "\(run.stderr)")
        let object = try NeardupTool.jsonObject(run.stdout)
        let clusters = try #require(object["clusters"] as? [[String: Any]])
        let summary = try #require(object["summary"] as? [String: Any])
        #expect(clusters.count == 2)
        #expect((summary["documents"] as? NSNumber)?.intValue == 24)
        #expect((summary["clusters"] as? NSNumber)?.intValue == 2)
        #expect((summary["copies"] as? NSNumber)?.intValue == 6)
        let putin = try #require(clusters.first { ($0["representative"] as? String) == wireFile })
        #expect((putin["size"] as? NSNumber)?.intValue == 5)
        let members = try #require(putin["members"] as? [[String: Any]])
        #expect(Set(members.compactMap { $0["id"] as? String }) == putinFiles)
        #expect(members.first?["id"] as? String == wireFile)
        #expect(members.allSatisfy { $0["similarity"] is NSNumber && $0["first_words"] is String })
    }

    @Test func scanOutputIsTheSameWhateverTheThreadCount() throws {
        let one = try NeardupTool.run(["scan", "--threads", "1", NeardupTool.fixture("news-dev/census_articles.csv")])
        let two = try NeardupTool.run(["scan", "--threads", "2", NeardupTool.fixture("news-dev/census_articles.csv")])
        #expect(one.status == 0 && two.status == 0, "\(one.stderr)\(two.stderr)")
        #expect(one.stdout == two.stdout)
        #expect(one.stderr.contains("32 documents read") && one.stderr == two.stderr)
    }

    @Test func scanReadsJSONLinesFromStandardInput() throws {
        let story = (0..<80).map { "word\($0)" }.joined(separator: " ")
        let input = """
            {"id": "a", "text": "\(story)"}
            {"id": "b", "text": "something else entirely, nothing like the others"}
            {"id": "c", "text": "\(story) and a tail"}

            """
        let run = try NeardupTool.run(["scan", "--format", "json", "-"], stdin: input)
        #expect(run.status == 0, "\(run.stderr)")
        let object = try NeardupTool.jsonObject(run.stdout)
        let summary = try #require(object["summary"] as? [String: Any])
        #expect((summary["documents"] as? NSNumber)?.intValue == 3)
        #expect((summary["copies"] as? NSNumber)?.intValue == 1)
        let clusters = try #require(object["clusters"] as? [[String: Any]])
        #expect(clusters.count == 1)
        #expect(clusters.first?["representative"] as? String == "c", "the copy that holds the other represents it")
    }

    // MARK: cluster

    @Test func clusterWritesOneJSONLinePerDocument() throws {
        let run = try NeardupTool.run(["cluster", NeardupTool.archive])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 24)
        let files = try FileManager.default.contentsOfDirectory(atPath: NeardupTool.archive).filter { $0.hasSuffix(".txt") }
        var ids: [String] = []
        var clusters: [Int] = []
        var representatives: [String: String] = [:]
        for line in lines {
            let object = try NeardupTool.jsonObject(line)
            let id = try #require(object["id"] as? String)
            let cluster = try #require((object["cluster"] as? NSNumber)?.intValue)
            let representative = try #require(object["representative"] as? String)
            let similarity = try #require((object["similarity"] as? NSNumber)?.doubleValue)
            #expect((0...1).contains(similarity))
            ids.append(id)
            clusters.append(cluster)
            representatives[id] = representative
        }
        #expect(Set(ids) == Set(files))
        #expect(ids.count == Set(ids).count)
        // Cluster numbers appear in order: each new number is one more than the largest so far.
        var next = 0
        for cluster in clusters {
            #expect(cluster <= next)
            if cluster == next { next += 1 }
        }
        #expect(next == 24 - 6)
        for id in putinFiles { #expect(representatives[id] == wireFile) }
        let putinCluster = clusters[ids.firstIndex(of: wireFile)!]
        #expect(Set(zip(ids, clusters).filter { $0.1 == putinCluster }.map(\.0)) == putinFiles)
        let singleton = "npr.org-10144.txt"
        #expect(representatives[singleton] == singleton)
    }

    /// Dates pick each cluster's representative and leave its members as they are; many
    /// pages of the census set share a day, so ties among the earliest are common.
    @Test func dateFieldChoosesRepresentativesNotMembers() throws {
        let census = NeardupTool.fixture("news-dev/census_articles.csv")
        let undated = try NeardupTool.run(["cluster", "--format", "csv", census])
        let dated = try NeardupTool.run(["cluster", "--format", "csv", "--date-field", "scrape_time", census])
        #expect(undated.status == 0 && dated.status == 0, "\(dated.stderr)")
        func clusters(_ output: String) -> [[String]] {
            let rows = output.split(separator: "\n").dropFirst().map { $0.split(separator: ",").map(String.init) }
            return Dictionary(grouping: rows, by: { $0[1] }).values.map { $0.map { $0[0] }.sorted() }.sorted { $0[0] < $1[0] }
        }
        #expect(clusters(dated.stdout) == clusters(undated.stdout))
    }

    @Test func timingsNameEachStageAndThePeakMemory() throws {
        let run = try NeardupTool.run(["cluster", "--timings", NeardupTool.archive])
        #expect(run.status == 0)
        let line = try #require(run.stderr.split(separator: "\n").first { $0.hasPrefix("timings: ") })
        for stage in ["reading and sketching", "finding candidate pairs", "verifying", "clustering", "total", "peak memory", "scratch file"] {
            #expect(line.contains(stage), "\(line)")
        }
    }

    @Test func clusterCSVHasAHeader() throws {
        let run = try NeardupTool.run(["cluster", "--format", "csv", NeardupTool.archive])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "id,cluster,representative,similarity")
        #expect(lines.count == 25)
        #expect(lines.dropFirst().allSatisfy { $0.split(separator: ",").count == 4 })
        #expect(lines.contains { $0.hasPrefix("\(wireFile),") && $0.hasSuffix(",\(wireFile),1.0000") })
    }

    @Test func clusterOutputFileIsWritten() throws {
        let directory = try NeardupTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/assignments.jsonl"
        let run = try NeardupTool.run(["cluster", "--output", path, NeardupTool.archive])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("24 documents read, 2 clusters, 6 documents are copies"))
        let written = try String(contentsOfFile: path, encoding: .utf8)
        #expect(written.split(separator: "\n").count == 24)
        let direct = try NeardupTool.run(["cluster", NeardupTool.archive])
        #expect(written == direct.stdout, "the file holds what standard output would")
        // No temporary file is left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["assignments.jsonl"])
    }

    // MARK: eval

    @Test func evalScoresAClusteringAgainstLabels() throws {
        let directory = try NeardupTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let assignments = directory + "/archive.jsonl"
        let labels = NeardupTool.fixture("archive.labels.json")
        #expect(try NeardupTool.run(["cluster", "--output", assignments, NeardupTool.archive]).status == 0)

        let text = try NeardupTool.run(["eval", "--labels", labels, assignments])
        #expect(text.status == 0, "\(text.stderr)")
        let rows = text.stdoutLines
        #expect(rows.contains { $0.hasPrefix("documents") && $0.hasSuffix(" 24") })
        #expect(rows.contains { $0.hasPrefix("adjusted Rand index") && $0.hasSuffix("1.0000") }, "\(text.stdout)")
        for name in ["pair precision", "pair recall", "pair F1", "B-cubed precision", "B-cubed recall", "B-cubed F1"] {
            #expect(rows.contains { $0.hasPrefix(name) }, "\(name)")
        }

        let json = try NeardupTool.run(["eval", "--labels", labels, "--format", "json", assignments])
        #expect(json.status == 0, "\(json.stderr)")
        let object = try NeardupTool.jsonObject(json.stdout)
        #expect((object["documents"] as? NSNumber)?.intValue == 24)
        #expect((object["adjusted_rand_index"] as? NSNumber)?.doubleValue == 1)
        #expect((object["pair_f1"] as? NSNumber)?.doubleValue == 1)
        #expect((object["labelled_ids_missing"] as? NSNumber)?.intValue == 0)
    }

    @Test func evalReadsCSVAssignmentsAndScoresAWrongClustering() throws {
        let directory = try NeardupTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let labels = directory + "/labels.json"
        try NeardupTool.write(#"{"clusters": [["a", "b"], ["c", "d"]]}"#, to: labels)
        let assignments = directory + "/assignments.csv"
        try NeardupTool.write("id,cluster,representative,similarity\na,0,a,1\nb,1,b,1\nc,2,c,1\nd,2,c,0.9\n", to: assignments)
        let run = try NeardupTool.run(["eval", "--labels", labels, "--format", "json", assignments])
        #expect(run.status == 0, "\(run.stderr)")
        let object = try NeardupTool.jsonObject(run.stdout)
        #expect((object["pair_precision"] as? NSNumber)?.doubleValue == 1)
        #expect((object["pair_recall"] as? NSNumber)?.doubleValue == 0.5)
    }

    // MARK: compare

    @Test func compareReportsSimilarityAndVerdict() throws {
        let wire = NeardupTool.fixture("archive/\(wireFile)")
        let copy = NeardupTool.fixture("archive/marlow-ridge-observer-byline-footer-putin-invites-trump.txt")
        let run = try NeardupTool.run(["compare", wire, copy])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdoutLines
        #expect(lines.contains { $0.hasPrefix("Jaccard") })
        #expect(lines.contains { $0.hasPrefix("containment of A in B") })
        #expect(lines.contains { $0.hasPrefix("containment of B in A") })
        let verdict = try #require(lines.first { $0.hasPrefix("verdict") })
        #expect(verdict.contains(" copies") && !verdict.contains("not copies"), "\(verdict)")
        #expect(lines.contains { $0.hasSuffix("shared passages (normalised text):") })

        let unrelated = try NeardupTool.run(["compare", wire, NeardupTool.fixture("archive/npr.org-10144.txt")])
        #expect(unrelated.status == 0)
        #expect(unrelated.stdoutLines.contains { $0.hasPrefix("verdict") && $0.contains("not copies") })
    }

    @Test func compareJSONParses() throws {
        let wire = NeardupTool.fixture("archive/\(wireFile)")
        let truncated = NeardupTool.fixture("archive/fernbrook-ledger-truncated-putin-invites-trump.txt")
        let run = try NeardupTool.run(["compare", "--format", "json", truncated, wire])
        #expect(run.status == 0, "\(run.stderr)")
        let object = try NeardupTool.jsonObject(run.stdout)
        #expect(object["copies"] as? Bool == true)
        let jaccard = try #require((object["jaccard"] as? NSNumber)?.doubleValue)
        let contained = try #require((object["containment_first_in_second"] as? NSNumber)?.doubleValue)
        #expect(contained > jaccard, "a truncated copy is mostly contained in the wire story")
        #expect((object["shared_passages"] as? [String])?.isEmpty == false)
    }

    @Test func compareLooksUpIdsInAnArchive() throws {
        let run = try NeardupTool.run(["compare", "--input", NeardupTool.archive, wireFile, "cbsnews.com-8200.txt"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("A: \(wireFile)"))
        #expect(run.stdout.contains("not copies"))
        let missing = try NeardupTool.run(["compare", "--input", NeardupTool.archive, wireFile, "no-such-id"])
        #expect(missing.status == 65)
        #expect(missing.stderr.contains("no-such-id"))
    }

    // MARK: Errors

    @Test func missingInputExits66NamingIt() throws {
        let path = NeardupTool.fixture("no-such-archive")
        let run = try NeardupTool.run(["scan", path])
        #expect(run.status == 66)
        #expect(run.stderr.contains(path))
        #expect(run.stdout.isEmpty)
    }

    @Test func brokenJSONLineExits65NamingFileAndLine() throws {
        let directory = try NeardupTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/broken.jsonl"
        try NeardupTool.write("{\"id\": 0, \"text\": \"fine\"}\n{\"id\": 1, \"text\": \"a\" \n{\"id\": 2, \"text\": \"b\"}\n", to: path)
        let run = try NeardupTool.run(["scan", path])
        #expect(run.status == 65)
        #expect(run.stderr.contains("\(path):2:"), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
    }

    @Test func unclosedCSVQuoteExits65NamingTheLine() throws {
        let directory = try NeardupTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/unclosed.csv"
        try NeardupTool.write("id,text\n1,\"fine \"\"quoted\"\" text\"\n2,\"opens here\nand runs on\nto the end\n", to: path)
        let run = try NeardupTool.run(["cluster", path])
        #expect(run.status == 65)
        #expect(run.stderr.contains("\(path):3:"), "\(run.stderr)")
        #expect(run.stderr.contains("quote"))
    }

    @Test func missingTextFieldExits65() throws {
        let directory = try NeardupTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/fields.jsonl"
        try NeardupTool.write("{\"id\": \"a\", \"text\": \"fine\"}\n{\"id\": \"b\", \"body\": \"wrong name\"}\n", to: path)
        let run = try NeardupTool.run(["scan", path])
        #expect(run.status == 65)
        #expect(run.stderr.contains("missing field \"text\""), "\(run.stderr)")
        #expect(run.stderr.contains("\(path):2:"), "\(run.stderr)")
        // Naming the field that holds the text reads the same file.
        let renamed = try NeardupTool.run(["scan", "--text-field", "body", path])
        #expect(renamed.status == 65)
        #expect(renamed.stderr.contains("missing field \"body\""), "\(renamed.stderr)")
        #expect(renamed.stderr.contains("\(path):1:"), "\(renamed.stderr)")
    }

    @Test func nonUTF8FileInADirectoryExits65NamingIt() throws {
        let directory = try NeardupTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try NeardupTool.write("A plain UTF-8 story about nothing much.\n", to: directory + "/good.txt")
        try NeardupTool.write(Array("Caf".utf8) + [0xE9] + Array(" au lait, in Latin-1.\n".utf8), to: directory + "/latin1.txt")
        let run = try NeardupTool.run(["scan", directory])
        #expect(run.status == 65)
        #expect(run.stderr.contains("latin1.txt"), "\(run.stderr)")
        #expect(run.stderr.contains("UTF-8"))
    }

    @Test(arguments: [
        ["scan", "--threshold", "2"],
        ["scan", "--threshold", "0"],
        ["scan", "--num-perm", "0"],
        ["scan", "--bands", "4"],
        ["scan", "--bands", "100", "--rows", "2"],
        ["scan", "--shingle", "lines:3"],
        ["cluster", "--format", "xml"],
        ["scan", "--no-such-option"],
    ])
    func badOptionsExit64(arguments: [String]) throws {
        let run = try NeardupTool.run(arguments + [NeardupTool.archive])
        #expect(run.status == 64, "\(arguments): \(run.stderr)")
        #expect(!run.stderr.isEmpty)
        #expect(run.stdout.isEmpty)
    }

    @Test func missingArgumentsExit64() throws {
        #expect(try NeardupTool.run(["scan"]).status == 64)
        #expect(try NeardupTool.run(["compare", NeardupTool.archive]).status == 64)
        #expect(try NeardupTool.run(["eval", "whatever.jsonl"]).status == 64)
    }

    /// Shingles wait in a scratch file under TMPDIR; a folder that cannot take it stops the
    /// run with a message naming it, before any reading.
    @Test func unusableScratchFolderExits73() throws {
        let run = try NeardupTool.run(["cluster", NeardupTool.archive], environment: ["TMPDIR": "/nonexistent-scratch"])
        #expect(run.status == 73)
        #expect(run.stderr.contains("scratch file in /nonexistent-scratch"), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
    }

    @Test func unwritableOutputExits73() throws {
        let run = try NeardupTool.run(["cluster", "--output", "/nonexistent-dir/sub/out.jsonl", NeardupTool.archive])
        #expect(run.status == 73)
        #expect(run.stderr.contains("/nonexistent-dir/sub/out.jsonl"))
    }
}
