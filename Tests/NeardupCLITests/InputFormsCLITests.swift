import Foundation
import Testing

/// Runs the built tool with standard input fed through a pipe, which cannot be rewound
/// (unlike the file `NeardupTool.run` gives it), as `cat x | neardup ...` does.
private enum PipedTool {
    static func run(_ arguments: [String], stdin: [UInt8], environment: [String: String] = [:]) throws -> NeardupTool.Run {
        let process = Process()
        process.executableURL = try NeardupTool.executable.get()
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        let input = Pipe(), output = Pipe(), error = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = error
        // A tool that stops before reading all of its input closes the pipe: that must be
        // an error to ignore here, not a signal that ends the test process.
        signal(SIGPIPE, SIG_IGN)
        try process.run()
        // Feed and drain on other threads, so that no pipe fills up and blocks the tool.
        let writer = Thread {
            try? input.fileHandleForWriting.write(contentsOf: Data(stdin))
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let collected = LockedOutput()
        let readers = [output, error].enumerated().map { index, pipe in
            let thread = Thread { collected.set(index, pipe.fileHandleForReading.readDataToEndOfFile()) }
            thread.start()
            return thread
        }
        process.waitUntilExit()
        withExtendedLifetime(readers) {}
        while !collected.isComplete { usleep(1000) }
        return NeardupTool.Run(status: process.terminationStatus,
                               stdout: String(decoding: collected.data(0), as: UTF8.self),
                               stderr: String(decoding: collected.data(1), as: UTF8.self))
    }

    private final class LockedOutput: @unchecked Sendable {
        private var parts: [Int: Data] = [:]
        private let lock = NSLock()
        func set(_ index: Int, _ data: Data) { lock.withLock { parts[index] = data } }
        func data(_ index: Int) -> Data { lock.withLock { parts[index] ?? Data() } }
        var isComplete: Bool { lock.withLock { parts.count == 2 } }
    }
}

private func text(_ string: String) -> [UInt8] { Array(string.utf8) }

/// Distinct news-like texts, long enough to be compared.
private let mayorStory = "The mayor said on Monday that the city would open three new public libraries next year, paid for by a bond that voters approved in the spring election after a long campaign."
private let cometStory = "Astronomers reported that a bright comet will pass close to Earth in December and may be visible to the naked eye from dark places across the northern hemisphere for about a week."
private let ferryStory = "The ferry operator cancelled all crossings on Tuesday as a storm with gusts of up to ninety kilometres an hour moved along the coast, leaving hundreds of travellers stranded at the harbour."

/// The ids a `cluster` run assigned, in output order.
private func clusteredIDs(_ run: NeardupTool.Run) throws -> [String] {
    try run.stdout.split(separator: "\n").map { line in
        try #require(NeardupTool.jsonObject(String(line))["id"] as? String)
    }
}

/// The first words `scan --format json` shows of each member of each cluster, by id.
private func firstWords(_ run: NeardupTool.Run) throws -> [String: String] {
    let object = try NeardupTool.jsonObject(run.stdout)
    let clusters = try #require(object["clusters"] as? [[String: Any]])
    var words: [String: String] = [:]
    for member in clusters.flatMap({ ($0["members"] as? [[String: Any]]) ?? [] }) {
        words[member["id"] as? String ?? ""] = member["first_words"] as? String
    }
    return words
}

@Suite("neardup input forms", .serialized)
struct InputFormsCLITests {
    // MARK: Several folders (same file names)

    @Test func severalFoldersWithTheSameFileNamesAreTwoDocuments() throws {
        let directory = try NeardupTool.temporaryDirectory()
        try NeardupTool.write(mayorStory, to: directory + "/siteA/story.txt")
        try NeardupTool.write(cometStory, to: directory + "/siteB/story.txt")
        let both = try NeardupTool.run(["cluster", directory + "/siteA", directory + "/siteB"])
        #expect(both.status == 0, "\(both.stderr)")
        #expect(try clusteredIDs(both) == ["siteA/story.txt", "siteB/story.txt"])
        // --dedupe-ids has no same id left to drop a different article for.
        let deduped = try NeardupTool.run(["cluster", "--dedupe-ids", directory + "/siteA", directory + "/siteB"])
        #expect(try clusteredIDs(deduped) == ["siteA/story.txt", "siteB/story.txt"], "\(deduped.stderr)")
        // One folder: ids stay its relative paths.
        let one = try NeardupTool.run(["cluster", directory + "/siteA"])
        #expect(try clusteredIDs(one) == ["story.txt"])
    }

    @Test func foldersWithTheSameNameAreToldApartByTheirParents() throws {
        let directory = try NeardupTool.temporaryDirectory()
        try NeardupTool.write(mayorStory, to: directory + "/2019/news/story.txt")
        try NeardupTool.write(cometStory, to: directory + "/2020/news/story.txt")
        try NeardupTool.write(ferryStory, to: directory + "/sport/story.txt")
        let run = try NeardupTool.run(["cluster", directory + "/2019/news", directory + "/2020/news/", directory + "/sport"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try clusteredIDs(run) == ["2019/news/story.txt", "2020/news/story.txt", "sport/story.txt"])
    }

    @Test func dedupOfSeveralFoldersWritesEachUnderItsFolder() throws {
        let directory = try NeardupTool.temporaryDirectory()
        try NeardupTool.write(mayorStory, to: directory + "/siteA/story.txt")
        try NeardupTool.write(cometStory, to: directory + "/siteB/story.txt")
        try NeardupTool.write(String(mayorStory.prefix(140)), to: directory + "/siteB/excerpt.txt")
        let run = try NeardupTool.run(["dedup", directory + "/siteA", directory + "/siteB",
                                       "--output", directory + "/kept", "--removed", directory + "/removed"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(DedupFiles.summary(run) == "3 read, 2 kept, 1 removed, 0 skipped")
        let kept = try FileManager.default.subpathsOfDirectory(atPath: directory + "/kept").sorted()
        #expect(kept == ["siteA", "siteA/story.txt", "siteB", "siteB/story.txt"])
        #expect(try String(contentsOfFile: directory + "/kept/siteB/story.txt", encoding: .utf8) == cometStory)
        #expect(FileManager.default.fileExists(atPath: directory + "/removed/siteB/excerpt.txt"))
        #expect(try String(contentsOfFile: directory + "/removed/duplicate_of.csv", encoding: .utf8)
            == "id,duplicate_of\nsiteB/excerpt.txt,siteA/story.txt\n")
    }

    // MARK: Encodings

    /// "Café au lait, naïve résumé “quoted” € price." in Windows-1252.
    private static let windows1252 = text("Caf") + [0xE9] + text(" au lait, na") + [0xEF] + text("ve r") + [0xE9] + text("sum")
        + [0xE9] + text(" ") + [0x93] + text("quoted") + [0x94] + text(" ") + [0x80] + text(" price. ") + text(mayorStory)

    @Test func aWindows1252FolderIsReadWithEncoding() throws {
        let directory = try NeardupTool.temporaryDirectory()
        try NeardupTool.write(Self.windows1252, to: directory + "/d/a.txt")
        try NeardupTool.write(Self.windows1252, to: directory + "/d/b.txt")
        let strict = try NeardupTool.run(["scan", directory + "/d"])
        #expect(strict.status == 65)
        #expect(strict.stderr.contains("\(directory)/d/a.txt:1: not valid UTF-8 (byte 0xE9); save the file as UTF-8 or name its encoding with --encoding"), "\(strict.stderr)")
        for name in ["windows-1252", "cp1252", "CP1252"] {
            let run = try NeardupTool.run(["scan", "--format", "json", "--encoding", name, directory + "/d"])
            #expect(run.status == 0, "\(run.stderr)")
            #expect(try firstWords(run)["a.txt"]?.hasPrefix("Café au lait, naïve résumé “quoted” € price.") == true, "\(run.stdout)")
        }
        // Latin-1 has no curly quotes: 0x93 is a control character there, not an error.
        let latin1 = try NeardupTool.run(["scan", "--format", "json", "--encoding", "latin-1", directory + "/d"])
        #expect(latin1.status == 0, "\(latin1.stderr)")
        #expect(try firstWords(latin1)["a.txt"]?.hasPrefix("Café au lait, naïve résumé \u{93}quoted\u{94} \u{80} price.") == true)
    }

    @Test func jsonlAndCSVAreDecodedRecordByRecord() throws {
        let directory = try NeardupTool.temporaryDirectory()
        let story = Array(("Z" + "ü" + "rich: " + ferryStory).unicodeScalars.map { UInt8($0.value) })
        try NeardupTool.write(text(#"{"id": "j", "text": ""#) + story + text("\"}\n"), to: directory + "/a.jsonl")
        try NeardupTool.write(text("id,text\nc,\"") + story + text("\"\n"), to: directory + "/b.csv")
        let run = try NeardupTool.run(["scan", "--format", "json", "--encoding", "iso-8859-1", directory + "/a.jsonl", directory + "/b.csv"])
        #expect(run.status == 0, "\(run.stderr)")
        let words = try firstWords(run)
        #expect(words["j"]?.hasPrefix("Zürich: The ferry") == true, "\(run.stdout)")
        #expect(words["c"]?.hasPrefix("Zürich: The ferry") == true, "\(run.stdout)")
        // Without the option the same bytes are invalid UTF-8, named by file and line.
        let strict = try NeardupTool.run(["scan", directory + "/b.csv"])
        #expect(strict.status == 65)
        #expect(strict.stderr.contains("\(directory)/b.csv:2: invalid UTF-8 (byte 0xFC)"), "\(strict.stderr)")
    }

    @Test func aByteWindows1252DoesNotDefineIsAnErrorOrReplaced() throws {
        let directory = try NeardupTool.temporaryDirectory()
        try NeardupTool.write(text("first line\nsecond ") + [0x81] + text(" line\n"), to: directory + "/d/odd.txt")
        let strict = try NeardupTool.run(["scan", "--encoding", "windows-1252", directory + "/d"])
        #expect(strict.status == 65)
        #expect(strict.stderr.contains("\(directory)/d/odd.txt:2: not valid windows-1252 (byte 0x81)"), "\(strict.stderr)")
        let lossy = try NeardupTool.run(["scan", "--encoding", "windows-1252", "--invalid-utf8", "replace", directory + "/d"])
        #expect(lossy.status == 0, "\(lossy.stderr)")
        #expect(lossy.stderr.contains("replaced 1 invalid byte with U+FFFD in 1 document (the first at \(directory)/d/odd.txt)"), "\(lossy.stderr)")
    }

    @Test func utf16WithAByteOrderMarkIsReadWithoutBeingNamed() throws {
        let directory = try NeardupTool.temporaryDirectory()
        let story = "Ünïcödé 😀 " + cometStory
        func utf16(_ string: String, littleEndian: Bool) -> [UInt8] {
            (littleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]) + string.utf16.flatMap { unit in
                littleEndian ? [UInt8(unit & 0xFF), UInt8(unit >> 8)] : [UInt8(unit >> 8), UInt8(unit & 0xFF)]
            }
        }
        try NeardupTool.write(utf16(story, littleEndian: true), to: directory + "/d/le.txt")
        try NeardupTool.write(utf16(story, littleEndian: false), to: directory + "/d/be.md")
        try NeardupTool.write(utf16(#"{"id": "j", "text": "\#(story)"}"# + "\r\n", littleEndian: true), to: directory + "/r.jsonl")
        try NeardupTool.write(utf16("id,text\r\nc,\"\(story)\"\r\n", littleEndian: false), to: directory + "/r.csv")
        let run = try NeardupTool.run(["scan", "--format", "json", directory + "/d", directory + "/r.jsonl", directory + "/r.csv"])
        #expect(run.status == 0, "\(run.stderr)")
        let words = try firstWords(run)
        #expect(Set(words.keys) == ["le.txt", "be.md", "j", "c"], "\(run.stdout)")
        #expect(words.values.allSatisfy { $0.hasPrefix("Ünïcödé 😀 Astronomers") }, "\(words)")
        // --encoding utf-16 insists on the mark.
        try NeardupTool.write(text(cometStory), to: directory + "/plain.txt")
        let unmarked = try NeardupTool.run(["scan", "--encoding", "utf-16", directory + "/plain.txt"])
        #expect(unmarked.status == 65)
        #expect(unmarked.stderr.contains("\(directory)/plain.txt:1: no UTF-16 byte-order mark (FF FE or FE FF)"), "\(unmarked.stderr)")
    }

    @Test func invalidUTF8IsReplacedWhenAskedAndCounted() throws {
        let directory = try NeardupTool.temporaryDirectory()
        let jsonl = text(#"{"id": "j1", "text": "caf"#) + [0xE9] + text(" " + mayorStory + "\"}\n")
            + text(#"{"id": "j2", "text": "\#(mayorStory)"}"# + "\n")
            + text(#"{"id": "j3", "text": "bad "#) + [0xFF, 0xFE] + text(" " + cometStory + "\"}\n")
        try NeardupTool.write(jsonl, to: directory + "/a.jsonl")
        try NeardupTool.write(text("id,text\nc1,\"") + [0xC3] + text(" \(ferryStory)\"\n"), to: directory + "/b.csv")
        let strict = try NeardupTool.run(["scan", directory + "/a.jsonl", directory + "/b.csv"])
        #expect(strict.status == 65)
        #expect(strict.stderr.contains("\(directory)/a.jsonl:1: invalid JSON: invalid UTF-8 byte 0xE9 in a string"), "\(strict.stderr)")
        let lossy = try NeardupTool.run(["scan", "--format", "json", "--invalid-utf8", "replace", directory + "/a.jsonl", directory + "/b.csv"])
        #expect(lossy.status == 0, "\(lossy.stderr)")
        #expect(lossy.stderr.contains("replaced 4 invalid bytes with U+FFFD in 3 documents (the first at \(directory)/a.jsonl:1)"), "\(lossy.stderr)")
        #expect(try firstWords(lossy)["j1"]?.hasPrefix("caf\u{FFFD} The mayor") == true, "\(lossy.stdout)")
        // dedup still copies each kept record byte for byte, the bad byte included.
        let dedup = try NeardupTool.run(["dedup", "--invalid-utf8", "replace", directory + "/a.jsonl", "--output", directory + "/kept.jsonl"])
        #expect(dedup.status == 0, "\(dedup.stderr)")
        let kept = try DedupFiles.bytes(directory + "/kept.jsonl")
        let lines = DedupFiles.lines(jsonl)
        #expect(kept == lines[0] + lines[2] || kept == lines[1] + lines[2], "one of the two mayor records, and the other story")
    }

    @Test func unknownEncodingsAndPoliciesAreUsageErrors() throws {
        let archive = NeardupTool.archive
        let encoding = try NeardupTool.run(["scan", "--encoding", "klingon", archive])
        #expect(encoding.status == 64)
        #expect(encoding.stderr.contains("utf-8") && encoding.stderr.contains("windows-1252"), "\(encoding.stderr)")
        let policy = try NeardupTool.run(["scan", "--invalid-utf8", "ignore", archive])
        #expect(policy.status == 64)
        #expect(policy.stderr.contains("replace"), "\(policy.stderr)")
    }

    // MARK: Standard input

    @Test func gzipOnStandardInputIsRecognisedByItsSignature() throws {
        let directory = try NeardupTool.temporaryDirectory()
        let gzipped = try DedupFiles.gzippedCopy(of: NeardupTool.fixture("corpus/sample.jsonl"), named: "sample.jsonl.gz", in: directory)
        let piped = try PipedTool.run(["scan", "-"], stdin: try DedupFiles.bytes(gzipped))
        #expect(piped.status == 0, "\(piped.stderr)")
        #expect(piped.stderr.contains("4 documents read"), "\(piped.stdout)")
        // A gzipped file without .gz in its name, too.
        let misnamed = directory + "/sample-really-gzipped.jsonl"
        try FileManager.default.moveItem(atPath: gzipped, toPath: misnamed)
        let named = try NeardupTool.run(["scan", misnamed])
        #expect(named.status == 0, "\(named.stderr)")
        #expect(named.stderr.contains("4 documents read"))
    }

    @Test func csvOnStandardInputWithInputFormat() throws {
        let csv = try DedupFiles.bytes(NeardupTool.fixture("corpus/quoting.csv"))
        let run = try PipedTool.run(["cluster", "--input-format", "csv", "-"], stdin: csv)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try clusteredIDs(run) == ["1", "2", "3", "4"])
        let misused = try NeardupTool.run(["scan", "--input-format", "csv", NeardupTool.archive])
        #expect(misused.status == 64)
        #expect(misused.stderr.contains("--input-format says how standard input is read"), "\(misused.stderr)")
    }

    @Test func dedupSpoolsAPipeAndLeavesNothingBehind() throws {
        let directory = try NeardupTool.temporaryDirectory()
        let scratch = directory + "/tmp"
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        let fromFile = try NeardupTool.run(["dedup", DedupFiles.reutersSample, "--output", directory + "/from-file.jsonl",
                                            "--removed", directory + "/from-file-removed.jsonl"])
        #expect(fromFile.status == 0, "\(fromFile.stderr)")
        let gzipped = try DedupFiles.gzippedCopy(of: DedupFiles.reutersSample, named: "sample.jsonl.gz", in: directory)
        for (name, bytes) in [("plain", try DedupFiles.bytes(DedupFiles.reutersSample)), ("gzip", try DedupFiles.bytes(gzipped))] {
            let run = try PipedTool.run(["dedup", "-", "--output", directory + "/\(name).jsonl", "--removed", directory + "/\(name)-removed.jsonl"],
                                        stdin: bytes, environment: ["TMPDIR": scratch])
            #expect(run.status == 0, "\(run.stderr)")
            #expect(DedupFiles.summary(run) == DedupFiles.summary(fromFile))
            #expect(try DedupFiles.bytes(directory + "/\(name).jsonl") == DedupFiles.bytes(directory + "/from-file.jsonl"))
            #expect(try DedupFiles.bytes(directory + "/\(name)-removed.jsonl") == DedupFiles.bytes(directory + "/from-file-removed.jsonl"))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch).isEmpty, "the spooled copy is gone")
        // CSV from a pipe: the header and records come from the spooled copy.
        let csv = NeardupTool.fixture("news-dev/census_articles.csv")
        let csvRun = try PipedTool.run(["dedup", "--input-format", "csv", "-", "--output", directory + "/kept.csv"], stdin: try DedupFiles.bytes(csv))
        let csvFile = try NeardupTool.run(["dedup", csv, "--output", directory + "/kept-file.csv"])
        #expect(csvRun.status == 0 && csvFile.status == 0, "\(csvRun.stderr)\(csvFile.stderr)")
        #expect(try DedupFiles.bytes(directory + "/kept.csv") == DedupFiles.bytes(directory + "/kept-file.csv"))
    }

    @Test func dedupWithNoRoomToSpoolSaysSo() throws {
        let run = try PipedTool.run(["dedup", "-", "--output", try NeardupTool.temporaryDirectory() + "/kept.jsonl"],
                                    stdin: text(#"{"id": "a", "text": "x"}"# + "\n"), environment: ["TMPDIR": "/nonexistent-folder"])
        #expect(run.status == 73, "\(run.stderr)")
        #expect(run.stderr.contains("cannot use a scratch file in /nonexistent-folder"), "\(run.stderr)")
    }

    // MARK: What was passed over, and .json files

    @Test func filesThatAreNotDocumentsAreCountedByKind() throws {
        let directory = try NeardupTool.temporaryDirectory()
        try NeardupTool.write("%PDF-1.4", to: directory + "/d/a.pdf")
        try NeardupTool.write("%PDF-1.7", to: directory + "/d/sub/b.PDF")
        try NeardupTool.write([0x89, 0x50, 0x4E, 0x47, 0x00], to: directory + "/d/c.png")
        try NeardupTool.write("notes", to: directory + "/d/README")
        try NeardupTool.write("hidden", to: directory + "/d/.DS_Store")
        let run = try NeardupTool.run(["scan", directory + "/d"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("0 documents read"))
        #expect(run.stderr.contains("skipped 4 files that are not documents: 2 .pdf, 1 .png, 1 without an extension"), "\(run.stderr)")
    }

    @Test func jsonFilesHoldOneObjectAnArrayOrJSONLines() throws {
        let directory = try NeardupTool.temporaryDirectory()
        try NeardupTool.write("""
            [
              {
                "id": "a1",
                "text": "\(mayorStory)"
              },
              {"id": "a2", "text": "\(cometStory)"}
            ]

            """, to: directory + "/array.json")
        try NeardupTool.write("{\n  \"id\": \"o1\",\n  \"text\": \"\(ferryStory)\"\n}\n", to: directory + "/object.json")
        try NeardupTool.write(#"{"id": "l1", "text": "one"}"# + "\n" + #"{"id": "l2", "text": "two"}"# + "\n", to: directory + "/lines.json")
        try NeardupTool.write("{\"url\": \"https://example.com/x\",\n \"body\": \"\(ferryStory)\"}", to: directory + "/crawl/x.json")
        try NeardupTool.write(cometStory, to: directory + "/crawl/y.txt")
        let files = try NeardupTool.run(["cluster", directory + "/array.json", directory + "/object.json", directory + "/lines.json"])
        #expect(files.status == 0, "\(files.stderr)")
        #expect(try clusteredIDs(files) == ["a1", "a2", "o1", "l1", "l2"])
        let folder = try NeardupTool.run(["cluster", "--id-field", "url", "--text-field", "body", directory + "/crawl"])
        #expect(folder.status == 0, "\(folder.stderr)")
        #expect(try clusteredIDs(folder) == ["https://example.com/x", "y.txt"])
    }

    @Test func badJSONDocumentsNameTheirLine() throws {
        let directory = try NeardupTool.temporaryDirectory()
        try NeardupTool.write("[\n  {\"id\": \"a\", \"text\": \"x\"},\n  42,\n  {\"id\": \"b\", \"text\": \"y\"}\n]\n", to: directory + "/mixed.json")
        try NeardupTool.write("[\n  {\"id\": \"a\", \"text\": \"x\"},\n  {\"id\": \"b\" \"text\": \"y\"}\n]\n", to: directory + "/broken.json")
        let strict = try NeardupTool.run(["scan", directory + "/mixed.json"])
        #expect(strict.status == 65)
        #expect(strict.stderr.contains("\(directory)/mixed.json:3: array element 2 is a number, expected an object"), "\(strict.stderr)")
        let skipping = try NeardupTool.run(["scan", "--skip-invalid", directory + "/mixed.json"])
        #expect(skipping.status == 0, "\(skipping.stderr)")
        #expect(skipping.stderr.contains("2 documents read"))
        #expect(skipping.stderr.contains("skipped 1 invalid record"))
        let broken = try NeardupTool.run(["scan", "--skip-invalid", directory + "/broken.json"])
        #expect(broken.status == 65)
        #expect(broken.stderr.contains("\(directory)/broken.json:3: invalid JSON: expected ',' or '}' at column 14"), "\(broken.stderr)")
    }

    @Test func dedupRefusesRecordsItCannotCopy() throws {
        let directory = try NeardupTool.temporaryDirectory()
        try NeardupTool.write("[\n  {\"id\": \"a\",\n   \"text\": \"\(mayorStory)\"}\n]\n", to: directory + "/array.json")
        try NeardupTool.write(cometStory, to: directory + "/d/story.txt")
        try NeardupTool.write("{\"id\": \"r\", \"text\": \"\(ferryStory)\"}\n", to: directory + "/d/records.json")
        let array = try NeardupTool.run(["dedup", directory + "/array.json", "--output", directory + "/kept.jsonl"])
        #expect(array.status == 65)
        #expect(array.stderr.contains("\(directory)/array.json: dedup copies JSON Lines records line by line, and this file holds one JSON document"), "\(array.stderr)")
        let folder = try NeardupTool.run(["dedup", directory + "/d", "--output", directory + "/kept"])
        #expect(folder.status == 65)
        #expect(folder.stderr.contains("\(directory)/d/records.json: dedup copies the files of a directory input, and this file holds JSON records"), "\(folder.stderr)")
        #expect(!FileManager.default.fileExists(atPath: directory + "/kept.jsonl") && !FileManager.default.fileExists(atPath: directory + "/kept"))
    }

    // MARK: Help

    @Test func helpDescribesTheInputForms() throws {
        let run = try NeardupTool.run(["help", "scan"])
        #expect(run.status == 0)
        let help = run.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for expected in ["--encoding <name>", "--invalid-utf8 <error|replace>", "--input-format <jsonl|csv>", "ids start with the folder's name",
                         "array of objects", "Gzip data is decompressed, whatever the name"] {
            #expect(help.contains(expected), "\(expected) in \(run.stdout)")
        }
    }
}
