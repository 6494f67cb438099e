import Foundation
import NearDup
import NearDupIO
import Testing

/// Files for the dedup and hostile-input tests of the built tool.
enum DedupFiles {
    /// The package root, from this file's place in it.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var reutersSample: String { packageRoot.appendingPathComponent("Data/reuters/reuters-sample.jsonl").path }

    static func hostile(_ name: String) -> String { NeardupTool.fixture("hostile/\(name)") }

    static func bytes(_ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// The lines of `bytes`, each with its line end (LF or CRLF), a leading byte-order mark dropped.
    static func lines(_ bytes: [UInt8]) -> [[UInt8]] {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        var lines: [[UInt8]] = []
        var start = body.startIndex
        for index in body.indices where body[index] == 0x0A {
            lines.append(Array(body[start...index]))
            start = index + 1
        }
        if start < body.endIndex { lines.append(Array(body[start...])) }
        return lines
    }

    /// A line without its line end.
    static func content(_ line: [UInt8]) -> [UInt8] {
        var line = line[...]
        if line.last == 0x0A { line = line.dropLast() }
        if line.last == 0x0D { line = line.dropLast() }
        return Array(line)
    }

    /// A gzipped copy of `path`, made with gzip(1), as `name` in `directory`.
    static func gzippedCopy(of path: String, named name: String, in directory: String) throws -> String {
        let target = directory + "/" + name
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "gzip -n -c \"$0\" > \"$1\"", path, target]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return target
    }

    /// The last line of standard error: dedup's "N read, K kept, R removed, S skipped".
    static func summary(_ run: NeardupTool.Run) -> String {
        run.stderr.split(separator: "\n").last.map(String.init) ?? ""
    }
}

@Suite("neardup dedup", .serialized)
struct DedupCLITests {
    /// Checks a JSONL dedup: every kept line is an input line byte for byte; every removed
    /// line is an input line with `"duplicate_of": ID` added before its closing brace, ID
    /// naming a kept record; kept and removed together are every input record once.
    private func checkJSONL(inputs: [String], kept keptPath: String, removed removedPath: String,
                            sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> (kept: Int, removed: Int) {
        let inputLines = try inputs.flatMap { try DedupFiles.lines(DedupFiles.bytes($0)) }
            .filter { !DedupFiles.content($0).allSatisfy { $0 == 0x20 || $0 == 0x09 } }
        let inputContents = Set(inputLines.map(DedupFiles.content))
        let keptLines = DedupFiles.lines(try DedupFiles.bytes(keptPath))
        let removedLines = DedupFiles.lines(try DedupFiles.bytes(removedPath))
        #expect(keptLines.allSatisfy { $0.last == 0x0A }, "every output line is terminated", sourceLocation: sourceLocation)
        #expect(keptLines.allSatisfy { inputContents.contains(DedupFiles.content($0)) }, "kept lines are input lines byte for byte", sourceLocation: sourceLocation)
        // Line ends are kept too: every kept line that is not the input's last appears with its own.
        let inputWithEnds = Set(inputLines)
        #expect(keptLines.filter { !inputWithEnds.contains($0) }.count <= inputs.count, sourceLocation: sourceLocation)

        let keptIDs = try keptLines.map { line -> String in
            let id = try NeardupTool.jsonObject(String(decoding: line, as: UTF8.self))["id"]
            return (id as? String) ?? "\(id ?? "")"
        }
        #expect(Set(keptIDs).count == keptIDs.count, sourceLocation: sourceLocation)
        let marker = Array(#", "duplicate_of": "#.utf8)
        for line in removedLines {
            let object = try NeardupTool.jsonObject(String(decoding: line, as: UTF8.self))
            let duplicateOf = try #require(object["duplicate_of"] as? String, sourceLocation: sourceLocation)
            #expect(keptIDs.contains(duplicateOf), "\(duplicateOf) is kept", sourceLocation: sourceLocation)
            // Taking the added member out gives back the input line.
            let content = DedupFiles.content(line)
            let at = try #require(content.indices.last { content[$0...].starts(with: marker) }, sourceLocation: sourceLocation)
            let brace = try #require(content.lastIndex(of: UInt8(ascii: "}")), sourceLocation: sourceLocation)
            let original = Array(content[..<at]) + Array(content[brace...])
            #expect(inputContents.contains(original), "removed lines are input lines plus duplicate_of", sourceLocation: sourceLocation)
        }
        #expect(keptLines.count + removedLines.count == inputLines.count, "kept + removed = read", sourceLocation: sourceLocation)
        return (keptLines.count, removedLines.count)
    }

    @Test func jsonlFixtureKeepsEveryByteOfEachLine() throws {
        let directory = try NeardupTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let input = DedupFiles.hostile("dedup-archive.jsonl")
        let run = try NeardupTool.run(["dedup", input, "--output", directory + "/kept.jsonl", "--removed", directory + "/removed.jsonl"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.isEmpty)
        #expect(DedupFiles.summary(run) == "24 read, 18 kept, 6 removed, 0 skipped")
        let counts = try checkJSONL(inputs: [input], kept: directory + "/kept.jsonl", removed: directory + "/removed.jsonl")
        #expect(counts.kept == 18 && counts.removed == 6)

        let removed = try DedupFiles.lines(DedupFiles.bytes(directory + "/removed.jsonl")).map {
            try NeardupTool.jsonObject(String(decoding: $0, as: UTF8.self))
        }
        let pairs = Dictionary(uniqueKeysWithValues: removed.map { ($0["id"] as! String, $0["duplicate_of"] as! String) })
        let wire = "reuters-wire-putin-invites-trump.txt", census = "dailymail.co.uk-9990.txt"
        #expect(pairs == [
            "cbsnews.com-8200.txt": census, "syracuse.com-8818.txt": census,
            "fernbrook-ledger-truncated-putin-invites-trump.txt": wire,
            "kestrel-bay-gazette-ocr-putin-invites-trump.txt": wire,
            "marlow-ridge-observer-byline-footer-putin-invites-trump.txt": wire,
            "moscowtimes-2018-07-28-putin-invites-trump.txt": wire,
        ])
        // CRLF lines stay CRLF; the input's last line had no line end and gets one.
        let keptBytes = try DedupFiles.bytes(directory + "/kept.jsonl")
        #expect(DedupFiles.lines(keptBytes).contains { $0.suffix(2) == [0x0D, 0x0A] })
        #expect(!keptBytes.starts(with: [0xEF, 0xBB, 0xBF]))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        #expect(leftovers == ["kept.jsonl", "removed.jsonl"], "no temporary files left")
    }

    @Test func reutersSampleAndItsGzippedCopy() throws {
        let directory = try NeardupTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let plain = DedupFiles.reutersSample
        let gzipped = try DedupFiles.gzippedCopy(of: plain, named: "reuters-sample.jsonl.gz", in: directory)

        let run = try NeardupTool.run(["dedup", plain, "--output", directory + "/kept.jsonl", "--removed", directory + "/removed.jsonl"])
        #expect(run.status == 0, "\(run.stderr)")
        let counts = try checkJSONL(inputs: [plain], kept: directory + "/kept.jsonl", removed: directory + "/removed.jsonl")
        #expect(counts.kept + counts.removed == 2000)
        #expect(counts.removed > 0)
        #expect(DedupFiles.summary(run) == "2000 read, \(counts.kept) kept, \(counts.removed) removed, 0 skipped")

        let fromGzip = try NeardupTool.run(["dedup", gzipped, "--output", directory + "/kept-gz.jsonl", "--removed", directory + "/removed-gz.jsonl"])
        #expect(fromGzip.status == 0, "\(fromGzip.stderr)")
        #expect(DedupFiles.summary(fromGzip) == DedupFiles.summary(run))
        #expect(try DedupFiles.bytes(directory + "/kept-gz.jsonl") == DedupFiles.bytes(directory + "/kept.jsonl"))
        #expect(try DedupFiles.bytes(directory + "/removed-gz.jsonl") == DedupFiles.bytes(directory + "/removed.jsonl"))
    }

    @Test func severalJSONLInputsPlainAndGzipped() throws {
        let directory = try NeardupTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let first = DedupFiles.hostile("dedup-archive.jsonl")
        let second = try DedupFiles.gzippedCopy(of: NeardupTool.fixture("corpus/sample.jsonl"), named: "sample.jsonl.gz", in: directory)
        let run = try NeardupTool.run(["dedup", first, second, "--output", directory + "/kept.ndjson", "--removed", directory + "/removed.jsonl"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(DedupFiles.summary(run) == "28 read, 22 kept, 6 removed, 0 skipped")
        let unpacked = directory + "/sample.jsonl"
        try Data(DedupFiles.bytes(NeardupTool.fixture("corpus/sample.jsonl"))).write(to: URL(fileURLWithPath: unpacked))
        _ = try checkJSONL(inputs: [first, unpacked], kept: directory + "/kept.ndjson", removed: directory + "/removed.jsonl")
    }

    @Test func csvKeepsTheHeaderOnceAndEachRecordsBytes() throws {
        let directory = try NeardupTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let input = DedupFiles.hostile("dedup-archive.csv")
        let keptPath = directory + "/kept.csv", removedPath = directory + "/removed.csv"
        let run = try NeardupTool.run(["dedup", input, "--output", keptPath, "--removed", removedPath])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(DedupFiles.summary(run) == "24 read, 18 kept, 6 removed, 0 skipped")

        let inputBytes = try DedupFiles.bytes(input)
        let inputDocuments = try CorpusReader().readDocuments(from: [input])
        let recordOf = Dictionary(uniqueKeysWithValues: inputDocuments.map { ($0.id, Array(inputBytes[$0.recordRange!])) })
        let header = Array("id,publisher,text\r\n".utf8)

        let kept = try CorpusReader().readDocuments(from: [keptPath])
        #expect(kept.count == 18)
        #expect(try DedupFiles.bytes(keptPath) == header + kept.flatMap { recordOf[$0.id]! }, "header once, then the input's records byte for byte")

        var removedFields = FieldSelection()
        removedFields.source = "duplicate_of"
        let removed = try CorpusReader(fields: removedFields).readDocuments(from: [removedPath])
        #expect(removed.count == 6)
        let keptIDs = Set(kept.map(\.id))
        #expect(removed.allSatisfy { keptIDs.contains($0.source ?? "") }, "duplicate_of names a kept record")
        let expectedRemoved = Array("id,publisher,text,duplicate_of\r\n".utf8) + removed.flatMap { document in
            Array(recordOf[document.id]!.dropLast(2)) + Array(",\(document.source!)\r\n".utf8)
        }
        #expect(try DedupFiles.bytes(removedPath) == expectedRemoved)
        #expect(Set(kept.map(\.id) + removed.map(\.id)) == Set(inputDocuments.map(\.id)))
    }

    @Test func directoryInputsGiveADirectoryOfCopiedFiles() throws {
        let directory = try NeardupTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let archive = NeardupTool.archive
        let keptPath = directory + "/kept", removedPath = directory + "/removed"
        let run = try NeardupTool.run(["dedup", archive, "--output", keptPath, "--removed", removedPath])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(DedupFiles.summary(run) == "24 read, 18 kept, 6 removed, 0 skipped")
        let kept = try FileManager.default.contentsOfDirectory(atPath: keptPath)
        let removed = try FileManager.default.contentsOfDirectory(atPath: removedPath)
        #expect(kept.count == 18)
        #expect(removed.count == 6 + 1)
        for name in kept {
            #expect(try DedupFiles.bytes(keptPath + "/" + name) == DedupFiles.bytes(archive + "/" + name), "\(name)")
        }
        #expect(kept.contains("reuters-wire-putin-invites-trump.txt") && !kept.contains("moscowtimes-2018-07-28-putin-invites-trump.txt"))
        let list = try String(contentsOfFile: removedPath + "/duplicate_of.csv", encoding: .utf8)
        #expect(list.hasPrefix("id,duplicate_of\n"))
        #expect(list.contains("moscowtimes-2018-07-28-putin-invites-trump.txt,reuters-wire-putin-invites-trump.txt\n"))
        #expect(Set(kept).isDisjoint(with: removed))
    }

    @Test func nestedDirectoriesKeepTheirShape() throws {
        let directory = try NeardupTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let story = (0..<120).map { "word\($0)" }.joined(separator: " ")
        try NeardupTool.write("\(story)\n", to: directory + "/in/wire/original.txt")
        try NeardupTool.write("Reprinted: \(story) Copyright.\n", to: directory + "/in/outlets/deep/copy.md")
        try NeardupTool.write("Something else entirely.", to: directory + "/in/other.html")
        try NeardupTool.write("hidden", to: directory + "/in/.hidden/skip.txt")
        let run = try NeardupTool.run(["dedup", directory + "/in", "--output", directory + "/out", "--removed", directory + "/gone"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(DedupFiles.summary(run) == "3 read, 2 kept, 1 removed, 0 skipped")
        #expect(FileManager.default.fileExists(atPath: directory + "/out/other.html"))
        let original = FileManager.default.fileExists(atPath: directory + "/out/wire/original.txt")
        let copy = FileManager.default.fileExists(atPath: directory + "/out/outlets/deep/copy.md")
        #expect(original != copy, "one of the two copies is kept, under its relative path")
        #expect(!FileManager.default.fileExists(atPath: directory + "/out/.hidden"))
    }

    @Test func withoutRemovedOnlyTheKeptFileIsWritten() throws {
        let directory = try NeardupTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try NeardupTool.write("old content\n", to: directory + "/kept.jsonl")
        let run = try NeardupTool.run(["dedup", DedupFiles.hostile("dedup-archive.jsonl"), "--output", directory + "/kept.jsonl"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(DedupFiles.summary(run) == "24 read, 18 kept, 6 removed, 0 skipped")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["kept.jsonl"])
        #expect(DedupFiles.lines(try DedupFiles.bytes(directory + "/kept.jsonl")).count == 18, "the old file is replaced")
    }

    @Test func skippedRecordsAreCountedInTheSummary() throws {
        let directory = try NeardupTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let input = DedupFiles.hostile("broken-json.jsonl")
        let stopped = try NeardupTool.run(["dedup", input, "--output", directory + "/kept.jsonl"])
        #expect(stopped.status == 65)
        #expect(stopped.stderr.contains("\(input):2: invalid JSON"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty, "nothing written")

        let run = try NeardupTool.run(["dedup", "--skip-invalid", input, "--output", directory + "/kept.jsonl", "--removed", directory + "/removed.jsonl"])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stderr.split(separator: "\n").map(String.init)
        #expect(lines.first == "skipped 20 invalid records (the first 5 follow)")
        #expect(lines[1...5].map { String($0.prefix(input.count + 3)) } == (2...6).map { "\(input):\($0):" })
        #expect(lines.last == "23 read, 3 kept, 0 removed, 20 skipped")
        #expect(DedupFiles.lines(try DedupFiles.bytes(directory + "/kept.jsonl")).map { DedupFiles.content($0) } == [
            Array(#"{"id": "ok-1", "text": "first good record"}"#.utf8),
            Array(#"{"id": "ok-2", "text": "second good record"}"#.utf8),
            Array(#"{"id": "ok-3", "text": "third good record"}"#.utf8),
        ])
        #expect(try DedupFiles.bytes(directory + "/removed.jsonl").isEmpty)
    }

    @Test func duplicateIDsStopOrAreSkipped() throws {
        let directory = try NeardupTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let a = directory + "/a.jsonl", b = directory + "/b.jsonl"
        try NeardupTool.write("{\"id\": \"x\", \"text\": \"one\"}\n{\"id\": \"y\", \"text\": \"two\"}\n", to: a)
        try NeardupTool.write("{\"id\": \"z\", \"text\": \"three\"}\n{\"id\": \"x\", \"text\": \"again\"}\n", to: b)
        let stopped = try NeardupTool.run(["dedup", a, b, "--output", directory + "/kept.jsonl"])
        #expect(stopped.status == 65)
        #expect(stopped.stderr.contains("\(b):2: duplicate id \"x\" (first at \(a):1)"), "\(stopped.stderr)")
        let run = try NeardupTool.run(["dedup", "--dedupe-ids", a, b, "--output", directory + "/kept.jsonl"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("skipped 1 duplicate-id record\n\(b):2: duplicate id \"x\" (first at \(a):1)\n"), "\(run.stderr)")
        #expect(DedupFiles.summary(run) == "4 read, 3 kept, 0 removed, 1 skipped")
    }

    // MARK: Usage and output errors

    @Test func inputsOfDifferentFormatsAreAUsageError() throws {
        let run = try NeardupTool.run(["dedup", DedupFiles.hostile("dedup-archive.jsonl"), DedupFiles.hostile("dedup-archive.csv"), "--output", "/tmp/never-written.jsonl"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("all inputs must have one"), "\(run.stderr)")
        #expect(run.stderr.contains("is JSONL") && run.stderr.contains("is CSV"))
        #expect(!FileManager.default.fileExists(atPath: "/tmp/never-written.jsonl"))
        let mixedWithTree = try NeardupTool.run(["dedup", NeardupTool.archive, DedupFiles.hostile("dedup-archive.csv"), "--output", "/tmp/never-written"])
        #expect(mixedWithTree.status == 64)
    }

    @Test(arguments: [
        (["-", "-", "--output", "OUT/kept.jsonl"], "standard input (-) can be given once"),
        (["IN", "--output", "OUT/kept.csv"], "give it a name that says so"),
        (["IN", "--output", "OUT/same.jsonl", "--removed", "OUT/same.jsonl"], "name the same file"),
        (["IN", "--output", "IN"], "is the input"),
        (["IN", "--output", "-", "--removed", "/dev/stdout"], "cannot both be standard output"),
        (["IN"], "Missing expected argument '--output <kept>'"),
    ])
    func dedupUsageErrors(arguments: [String], message: String) throws {
        let directory = try NeardupTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let input = directory + "/in.jsonl"
        try NeardupTool.write(DedupFiles.bytes(DedupFiles.hostile("dedup-archive.jsonl")), to: input)
        let resolved = arguments.map { $0 == "IN" ? input : $0.replacingOccurrences(of: "OUT", with: directory) }
        let run = try NeardupTool.run(["dedup"] + resolved, stdin: "{\"id\": 1, \"text\": \"x\"}\n")
        #expect(run.status == 64, "\(run.stderr)")
        #expect(run.stderr.contains(message), "\(run.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["in.jsonl"])
    }

    @Test func csvInputsWithDifferentColumnsAreAUsageError() throws {
        let directory = try NeardupTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try NeardupTool.write("id,text\n1,one\n", to: directory + "/a.csv")
        try NeardupTool.write("id,source,text\n2,x,two\n", to: directory + "/b.csv")
        let run = try NeardupTool.run(["dedup", directory + "/a.csv", directory + "/b.csv", "--output", directory + "/kept.csv"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("must have the same columns"), "\(run.stderr)")
        try NeardupTool.write("id,text\r\n3,three\r\n", to: directory + "/c.csv")
        let same = try NeardupTool.run(["dedup", directory + "/a.csv", directory + "/c.csv", "--output", directory + "/kept.csv"])
        #expect(same.status == 0, "\(same.stderr)")
        #expect(try String(contentsOfFile: directory + "/kept.csv", encoding: .utf8) == "id,text\n1,one\n3,three\r\n")
    }

    @Test func outputsThatCannotBeWrittenExit73AndLeaveNothing() throws {
        let directory = try NeardupTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let missingParent = try NeardupTool.run(["dedup", DedupFiles.hostile("dedup-archive.jsonl"), "--output", directory + "/no/such/dir/kept.jsonl"])
        #expect(missingParent.status == 73)
        #expect(missingParent.stderr.contains(directory + "/no/such/dir/kept.jsonl"))

        try NeardupTool.write("precious", to: directory + "/full/keep-me.txt")
        let full = try NeardupTool.run(["dedup", NeardupTool.archive, "--output", directory + "/full"])
        #expect(full.status == 73)
        #expect(full.stderr.contains("not empty"), "\(full.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory + "/full") == ["keep-me.txt"])

        // A removed-records path that fails leaves the kept output unwritten too.
        let removedFails = try NeardupTool.run(["dedup", DedupFiles.hostile("dedup-archive.jsonl"), "--output", directory + "/kept.jsonl",
                                                "--removed", directory + "/missing/removed.jsonl"])
        #expect(removedFails.status == 73)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).sorted() == ["full"])
    }

    @Test func helpListsTheExitCodes() throws {
        let run = try NeardupTool.run(["--help"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("70 internal error"), "\(run.stdout)")
        #expect(run.stdout.contains("dedup"))
        let dedup = try NeardupTool.run(["dedup", "--help"])
        #expect(dedup.status == 0)
        #expect(dedup.stdout.contains("--removed") && dedup.stdout.contains("--skip-invalid") && dedup.stdout.contains("--dedupe-ids"))
    }
}
