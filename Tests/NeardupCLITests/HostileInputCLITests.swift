import Foundation
import Testing

/// One malformed or extreme input, run through the built tool.
struct HostileCase: Sendable, CustomTestStringConvertible {
    let name: String
    /// Files to create, by path relative to a fresh directory.
    let files: [String: [UInt8]]
    /// The command line; "DIR" in an argument stands for that directory.
    let arguments: [String]
    let status: Int32
    /// Text standard error must hold ("DIR" replaced).
    let stderr: [String]
    /// Text standard output must hold.
    let stdout: [String]

    init(_ name: String, files: [String: [UInt8]], _ arguments: [String], status: Int32, stderr: [String] = [], stdout: [String] = []) {
        self.name = name
        self.files = files
        self.arguments = arguments
        self.status = status
        self.stderr = stderr
        self.stdout = stdout
    }

    var testDescription: String { name }
}

private func text(_ string: String) -> [UInt8] { Array(string.utf8) }

private let good = #"{"id": "g", "text": "a good record"}"# + "\n"

/// Files that are made at test time because they are large, binary, or hard to spell.
private let generated: [String: [UInt8]] = [
    "png.txt": [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52],
    "latin1.txt": text("Caf") + [0xE9] + text(" au lait\n"),
    "utf16.md": [0xFF, 0xFE, 0x48, 0x00, 0x69, 0x00],
]

private let cases: [HostileCase] = [
    // Broken JSON, one way per case.
    HostileCase("missing closing brace", files: ["f.jsonl": text(good + #"{"id": "a", "text": "x""# + "\n")], ["scan", "DIR/f.jsonl"],
                status: 65, stderr: ["DIR/f.jsonl:2: invalid JSON: unexpected end of line, expected ',' or '}' at column 24"]),
    HostileCase("trailing comma", files: ["f.jsonl": text(#"{"id": "a", "text": "x",}"# + "\n")], ["scan", "DIR/f.jsonl"],
                status: 65, stderr: ["DIR/f.jsonl:1: invalid JSON: trailing comma before '}'"]),
    HostileCase("single quotes", files: ["f.jsonl": text("{'id': 'a', 'text': 'x'}\n")], ["cluster", "DIR/f.jsonl"],
                status: 65, stderr: ["DIR/f.jsonl:1: invalid JSON: single quotes are not allowed"]),
    HostileCase("an array line", files: ["f.jsonl": text(good + "[1, 2]\n")], ["scan", "DIR/f.jsonl"],
                status: 65, stderr: ["DIR/f.jsonl:2: invalid JSON: expected '{' (a record must be a JSON object) at column 1"]),
    HostileCase("garbage after the object", files: ["f.jsonl": text(#"{"id": "a", "text": "x"} oops"# + "\n")], ["scan", "DIR/f.jsonl"],
                status: 65, stderr: ["DIR/f.jsonl:1: invalid JSON: unexpected 'o' after the JSON object"]),
    HostileCase("unterminated string", files: ["f.jsonl": text(#"{"id": "a", "text": "never closed"# + "\n" + good)], ["scan", "DIR/f.jsonl"],
                status: 65, stderr: ["DIR/f.jsonl:1: invalid JSON: unterminated string"]),
    HostileCase("invalid escape", files: ["f.jsonl": text(#"{"id": "a", "text": "C:\path"}"# + "\n")], ["scan", "DIR/f.jsonl"],
                status: 65, stderr: ["DIR/f.jsonl:1: invalid JSON: invalid escape '\\p'"]),
    HostileCase("lone surrogate", files: ["f.jsonl": text(#"{"id": "a", "text": "\ud83d alone"}"# + "\n")], ["scan", "DIR/f.jsonl"],
                status: 65, stderr: ["DIR/f.jsonl:1: invalid JSON: lone surrogate \\uD83D"]),
    HostileCase("raw NUL byte in a string", files: ["f.jsonl": text(#"{"id": "a", "text": "nul"#) + [0x00] + text("\"}\n")], ["scan", "DIR/f.jsonl"],
                status: 65, stderr: ["DIR/f.jsonl:1: invalid JSON: control character U+0000 in a string must be escaped"]),
    HostileCase("nesting 100000 deep", files: ["f.jsonl": text(#"{"id": "a", "text": "x", "n": "# + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "}\n")],
                ["scan", "DIR/f.jsonl"], status: 65, stderr: ["DIR/f.jsonl:1: invalid JSON: nesting deeper than 512 levels"]),
    HostileCase("many broken lines skipped", files: [:], ["scan", "--skip-invalid", "FIXTURE/broken-json.jsonl"],
                status: 0, stderr: ["skipped 20 invalid records (the first 5 follow)\nFIXTURE/broken-json.jsonl:2: invalid JSON", "FIXTURE/broken-json.jsonl:6: invalid JSON", "3 documents read"]),
    // Ids and texts of the wrong kind.
    HostileCase("null id", files: ["f.jsonl": text(good + #"{"id": null, "text": "x"}"# + "\n")], ["scan", "DIR/f.jsonl"],
                status: 65, stderr: ["DIR/f.jsonl:2: field \"id\" is null, expected a string or a number"]),
    HostileCase("number id is read as written", files: ["f.jsonl": text(#"{"id": 1e3, "text": "x"}"# + "\n")], ["cluster", "DIR/f.jsonl"],
                status: 0, stdout: [#"{"id": "1e3", "cluster": 0, "representative": "1e3""#]),
    HostileCase("bool id", files: ["f.jsonl": text(#"{"id": false, "text": "x"}"# + "\n")], ["scan", "DIR/f.jsonl"],
                status: 65, stderr: ["DIR/f.jsonl:1: field \"id\" is false, expected a string or a number"]),
    HostileCase("object id", files: ["f.jsonl": text(#"{"id": {"n": 1}, "text": "x"}"# + "\n")], ["scan", "DIR/f.jsonl"],
                status: 65, stderr: ["DIR/f.jsonl:1: field \"id\" is an object, expected a string or a number"]),
    HostileCase("missing id", files: ["f.jsonl": text(good + #"{"text": "x"}"# + "\n")], ["scan", "DIR/f.jsonl"],
                status: 65, stderr: ["DIR/f.jsonl:2: missing field \"id\""]),
    HostileCase("missing text", files: ["f.jsonl": text(#"{"id": "a", "body": "x"}"# + "\n")], ["scan", "DIR/f.jsonl"],
                status: 65, stderr: ["DIR/f.jsonl:1: missing field \"text\""]),
    HostileCase("wrong types skipped", files: [:], ["scan", "--skip-invalid", "FIXTURE/field-types.jsonl"],
                status: 0, stderr: ["skipped 9 invalid records (the first 5 follow)", "6 documents read"]),
    // Invalid UTF-8.
    HostileCase("invalid UTF-8 in JSONL", files: ["f.jsonl": text(#"{"id": "a", "text": "caf"#) + [0xE9] + text("\"}\n")], ["scan", "DIR/f.jsonl"],
                status: 65, stderr: ["DIR/f.jsonl:1: invalid JSON: invalid UTF-8 byte 0xE9 in a string"]),
    HostileCase("invalid UTF-8 in JSONL skipped", files: [:], ["scan", "--skip-invalid", "FIXTURE/bad-utf8.jsonl"],
                status: 0, stderr: ["skipped 5 invalid records\n", "2 documents read"]),
    HostileCase("invalid UTF-8 in CSV", files: ["f.csv": text("id,text\n1,ok\n2,caf") + [0xE9] + text("\n")], ["scan", "DIR/f.csv"],
                status: 65, stderr: ["DIR/f.csv:3: invalid UTF-8 (byte 0xE9)"]),
    HostileCase("invalid UTF-8 in a directory file", files: ["d/ok.txt": text("fine"), "d/latin1.txt": generated["latin1.txt"]!], ["scan", "DIR/d"],
                status: 65, stderr: ["DIR/d/latin1.txt:1: not valid UTF-8 (byte 0xE9); save the file as UTF-8"]),
    HostileCase("a binary file in a directory", files: ["d/ok.txt": text("fine"), "d/png.txt": generated["png.txt"]!], ["scan", "DIR/d"],
                status: 65, stderr: ["DIR/d/png.txt:3: binary data (a NUL byte), not text"]),
    HostileCase("bad files in a directory skipped", files: ["d/ok.txt": text("fine"), "d/png.txt": generated["png.txt"]!,
                                                           "d/latin1.txt": generated["latin1.txt"]!, "d/x/utf16.md": generated["utf16.md"]!],
                ["scan", "--skip-invalid", "DIR/d"], status: 0,
                stderr: ["skipped 2 invalid records\n", "DIR/d/latin1.txt:1: not valid UTF-8 (byte 0xE9)", "2 documents read"]),
    // Line ends, byte-order marks, blank lines.
    HostileCase("BOM, CRLF and blank lines in JSONL", files: ["f.jsonl": [0xEF, 0xBB, 0xBF] + text("\r\n" + #"{"id": "a", "text": "x"}"# + "\r\n\r\n  \r\n" + #"{"id": "b", "text": "y"}"#)],
                ["scan", "DIR/f.jsonl"], status: 0, stderr: ["2 documents read"]),
    HostileCase("BOM and CRLF in CSV, quoted line breaks", files: ["f.csv": [0xEF, 0xBB, 0xBF] + text("id,text\r\n1,\"two\r\nlines, \"\"quoted\"\"\"\r\n\r\n2,plain\r\n")],
                ["cluster", "--format", "csv", "DIR/f.csv"], status: 0, stdout: ["id,cluster,representative,similarity\n1,0,1,1.0000\n2,1,2,1.0000\n"]),
    // CSV structure.
    HostileCase("unclosed quote stops even when skipping", files: [:], ["scan", "--skip-invalid", "FIXTURE/unclosed-at-end.csv"],
                status: 65, stderr: ["FIXTURE/unclosed-at-end.csv:3: unclosed quote: the quoted field starting on this line never ends"]),
    HostileCase("wrong field count", files: ["f.csv": text("id,text,source\n1,x,s\n2,y\n")], ["scan", "DIR/f.csv"],
                status: 65, stderr: ["DIR/f.csv:3: record has 2 fields, the header has 3"]),
    HostileCase("CSV problems skipped", files: [:], ["scan", "--skip-invalid", "FIXTURE/mixed.csv"],
                status: 0, stderr: ["skipped 5 invalid records\n", "FIXTURE/mixed.csv:8: unexpected '\"' in an unquoted field", "4 documents read"]),
    HostileCase("CSV without a text column", files: ["f.csv": text("id,body\n1,x\n")], ["scan", "--skip-invalid", "DIR/f.csv"],
                status: 65, stderr: ["DIR/f.csv:1: missing column \"text\"; the header has columns: id, body"]),
    // Empty things.
    HostileCase("empty JSONL file", files: ["f.jsonl": []], ["scan", "DIR/f.jsonl"], status: 0, stderr: ["0 documents read"]),
    HostileCase("only blank lines", files: ["f.jsonl": text("\n\n \r\n\t\n")], ["scan", "DIR/f.jsonl"], status: 0, stderr: ["0 documents read"]),
    HostileCase("empty CSV file", files: ["f.csv": []], ["scan", "DIR/f.csv"],
                status: 65, stderr: ["DIR/f.csv:1: empty file, expected a header row naming the columns"]),
    HostileCase("empty documents", files: ["f.jsonl": text(#"{"id": "e", "text": ""}"# + "\n" + #"{"id": "w", "text": " \n\t "}"# + "\n"),
                                          "d/empty.txt": [], "d/blank.md": text("\n\n  \n")],
                ["scan", "--format", "json", "DIR/f.jsonl", "DIR/d"], status: 0, stdout: [#""documents": 4"#, #""empty_documents": 4"#]),
    HostileCase("empty directory", files: ["d/.hidden.txt": text("not read")], ["scan", "DIR/d"], status: 0, stderr: ["0 documents read"]),
    HostileCase("nested folders and hidden files", files: ["d/a.txt": text("one"), "d/x/y/z/b.md": text("two"), "d/.git/c.txt": text("no"),
                                                          "d/x/.cache/d.txt": text("no"), "d/x/.e.md": text("no"), "d/x/image.png": text("no")],
                ["cluster", "DIR/d"], status: 0, stdout: [#"{"id": "a.txt""#, #"{"id": "x/y/z/b.md""#]),
    // Gzip.
    HostileCase("empty file named .gz", files: ["f.jsonl.gz": []], ["scan", "DIR/f.jsonl.gz"],
                status: 65, stderr: ["DIR/f.jsonl.gz:1: empty file, not gzip data"]),
    HostileCase("plain text named .gz", files: ["f.csv.gz": text("id,text\n1,x\n")], ["scan", "--skip-invalid", "DIR/f.csv.gz"],
                status: 65, stderr: ["DIR/f.csv.gz:1: not gzip data (the file does not start with the gzip signature 1F 8B)"]),
    HostileCase("gzip header only", files: ["f.jsonl.gz": [0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03]], ["scan", "DIR/f.jsonl.gz"],
                status: 65, stderr: ["DIR/f.jsonl.gz:1: truncated gzip data: the file ends inside the compressed stream"]),
    HostileCase("text file named .txt.gz", files: ["f.txt.gz": [0x1F, 0x8B]], ["scan", "DIR/f.txt.gz"],
                status: 65, stderr: ["DIR/f.txt.gz: unsupported input (a .txt.gz file)"]),
    // Duplicate ids.
    HostileCase("duplicate ids in one file", files: ["f.jsonl": text(good + #"{"id": "h", "text": "y"}"# + "\n" + good)], ["scan", "DIR/f.jsonl"],
                status: 65, stderr: ["DIR/f.jsonl:3: duplicate id \"g\" (first at DIR/f.jsonl:1)"]),
    HostileCase("duplicate ids across a CSV and a tree", files: ["f.csv": text("id,text\nb.txt,x\n"), "d/b.txt": text("y")], ["scan", "DIR/f.csv", "DIR/d"],
                status: 65, stderr: ["DIR/d/b.txt: duplicate id \"b.txt\" (first at DIR/f.csv:2)"]),
    HostileCase("duplicate ids skipped", files: ["f.jsonl": text(good + good + good)], ["cluster", "--dedupe-ids", "DIR/f.jsonl"],
                status: 0, stderr: ["skipped 2 duplicate-id records\nDIR/f.jsonl:2: duplicate id \"g\" (first at DIR/f.jsonl:1)\nDIR/f.jsonl:3:"],
                stdout: [#"{"id": "g", "cluster": 0"#]),
    // Missing inputs.
    HostileCase("missing file", files: [:], ["scan", "DIR/nowhere.jsonl.gz"], status: 66, stderr: ["DIR/nowhere.jsonl.gz: no such file or directory"]),
    HostileCase("missing file with skipping", files: [:], ["cluster", "--skip-invalid", "--dedupe-ids", "DIR/nowhere.csv"],
                status: 66, stderr: ["DIR/nowhere.csv: no such file or directory"]),
]

@Suite("neardup on hostile input", .serialized)
struct HostileInputCLITests {
    @Test(arguments: cases)
    func hostileInput(_ hostile: HostileCase) throws {
        let directory = try NeardupTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        for (path, bytes) in hostile.files {
            try NeardupTool.write(bytes, to: directory + "/" + path)
        }
        if hostile.files.keys.contains(where: { $0.hasPrefix("d/") }) {
            try FileManager.default.createDirectory(atPath: directory + "/d", withIntermediateDirectories: true)
        }
        let fixtures = NeardupTool.fixture("hostile")
        func resolve(_ text: String) -> String {
            text.replacingOccurrences(of: "FIXTURE", with: fixtures).replacingOccurrences(of: "DIR", with: directory)
        }
        let started = Date()
        let run = try NeardupTool.run(hostile.arguments.map(resolve))
        #expect(run.status == hostile.status, "\(run.stderr)")
        for expected in hostile.stderr.map(resolve) {
            #expect(run.stderr.contains(expected), "stderr: \(run.stderr)")
        }
        for expected in hostile.stdout {
            #expect(run.stdout.contains(expected), "stdout: \(run.stdout)")
        }
        if hostile.status != 0 {
            #expect(run.stdout.isEmpty, "no partial output")
            #expect(run.stderr.hasPrefix("neardup: ") || run.stderr.hasPrefix("Error: "), "\(run.stderr)")
        }
        #expect(Date().timeIntervalSince(started) < 60, "no hang")
    }

    @Test func thereAreAtLeastThirtyCases() {
        #expect(cases.count >= 30)
    }

    @Test func aTruncatedGzipArchiveNamesTheLineReached() throws {
        let directory = try NeardupTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let gzipped = try DedupFiles.gzippedCopy(of: DedupFiles.reutersSample, named: "full.jsonl.gz", in: directory)
        let bytes = try DedupFiles.bytes(gzipped)
        let cut = directory + "/cut.jsonl.gz"
        try NeardupTool.write(Array(bytes[..<(bytes.count / 2)]), to: cut)
        for arguments in [["scan", cut], ["scan", "--skip-invalid", cut], ["dedup", cut, "--output", directory + "/kept.jsonl"]] {
            let run = try NeardupTool.run(arguments)
            #expect(run.status == 65)
            let match = try #require(run.stderr.firstMatch(of: /cut\.jsonl\.gz:(\d+): truncated gzip data: the file ends inside the compressed stream/), "\(run.stderr)")
            let line = try #require(Int(match.1))
            #expect(line > 500 && line < 2000, "about half way through 2000 lines: \(line)")
        }
        #expect(!FileManager.default.fileExists(atPath: directory + "/kept.jsonl"))
    }

    @Test func aCorruptGzipArchiveStopsTheRun() throws {
        let directory = try NeardupTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let gzipped = try DedupFiles.gzippedCopy(of: DedupFiles.reutersSample, named: "full.jsonl.gz", in: directory)
        var bytes = try DedupFiles.bytes(gzipped)
        for offset in (bytes.count / 2)..<(bytes.count / 2 + 100) { bytes[offset] = 0xAA }
        try NeardupTool.write(bytes, to: gzipped)
        let run = try NeardupTool.run(["cluster", "--skip-invalid", gzipped])
        #expect(run.status == 65)
        #expect(run.stderr.contains("full.jsonl.gz:"))
        #expect(run.stderr.contains("corrupt gzip data ("), "\(run.stderr)")
    }

    /// A single 100 MB document line. Most of it is one HTML comment, which the normaliser
    /// drops in one step, so the test measures reading and not normalising speed.
    @Test func aHundredMegabyteDocument() throws {
        let directory = try NeardupTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/huge.jsonl"
        var line = text(#"{"id": "huge", "text": "<p>A story that starts here.</p><!-- "#)
        line += [UInt8](repeating: UInt8(ascii: "x"), count: 100_000_000)
        line += text(#" --><p>And ends here.</p>"}"# + "\n" + #"{"id": "small", "text": "a small one"}"# + "\n")
        try Data(line).write(to: URL(fileURLWithPath: path))
        let run = try NeardupTool.run(["cluster", path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.split(separator: "\n").count == 2)
        #expect(run.stdout.contains(#"{"id": "huge", "cluster": 0"#))
    }
}
