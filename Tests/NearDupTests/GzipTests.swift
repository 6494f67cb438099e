import Foundation
import Testing
@testable import NearDup
@testable import NearDupIO

/// Compresses with the system's gzip(1), as archives are made in practice.
enum GzipTool {
    static func compress(_ bytes: [UInt8]) throws -> [UInt8] {
        let directory = try TemporaryFiles.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let input = directory + "/input"
        try Data(bytes).write(to: URL(fileURLWithPath: input))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-n", "-6", input]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0, let data = FileManager.default.contents(atPath: input + ".gz") else {
            throw GzipToolError()
        }
        return Array(data)
    }

    /// A gzipped copy of the file at `path`, written as `name` in a new temporary directory.
    static func compressedCopy(of path: String, named name: String) throws -> String {
        let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: path)))
        return try TemporaryFiles.write(try compress(bytes), named: name)
    }

    struct GzipToolError: Error {}
}

/// NearDup's location type (Testing has one of the same name).
fileprivate typealias Location = NearDup.SourceLocation

@Suite("gzip input")
struct GzipTests {
    private func read(_ path: String, chunkSize: Int = 1 << 20) throws -> [Document] {
        var documents: [Document] = []
        switch try InputFormat(path: path) {
        case .csv: try CSVReader(chunkSize: chunkSize).forEachDocument(in: path) { documents.append($0) }
        default: try JSONLReader(chunkSize: chunkSize).forEachDocument(in: path) { documents.append($0) }
        }
        return documents
    }

    /// The documents of `path` as they are read from a gzipped copy named `name`.
    private func compareWithGzippedCopy(_ path: String, named name: String, chunkSize: Int) throws {
        let gzipped = try GzipTool.compressedCopy(of: path, named: name)
        let plain = try read(path, chunkSize: chunkSize)
        let unpacked = try read(gzipped, chunkSize: chunkSize)
        #expect(!plain.isEmpty)
        #expect(unpacked.map(\.id) == plain.map(\.id))
        #expect(unpacked.map(\.text) == plain.map(\.text))
        #expect(unpacked.map(\.source) == plain.map(\.source))
        #expect(unpacked.map(\.origin.line) == plain.map(\.origin.line), "line numbers as in the uncompressed text")
        #expect(unpacked.map(\.recordRange) == plain.map(\.recordRange), "byte offsets as in the uncompressed text")
        #expect(unpacked.allSatisfy { $0.origin.file == gzipped })
    }

    @Test(arguments: [16, 1 << 20])
    func gzippedJSONLReadsAsThePlainFile(chunkSize: Int) throws {
        try compareWithGzippedCopy(CorpusFixture.path("corpus/sample.jsonl"), named: "sample.jsonl.gz", chunkSize: chunkSize)
        try compareWithGzippedCopy(CorpusFixture.path("corpus/bom-crlf-blank.jsonl"), named: "bom.ndjson.gz", chunkSize: chunkSize)
        try compareWithGzippedCopy(CorpusFixture.path("hostile/dedup-archive.jsonl"), named: "archive.JSONL.GZ", chunkSize: chunkSize)
    }

    @Test(arguments: [16, 1 << 20])
    func gzippedCSVReadsAsThePlainFile(chunkSize: Int) throws {
        try compareWithGzippedCopy(CorpusFixture.path("corpus/quoting.csv"), named: "quoting.csv.gz", chunkSize: chunkSize)
        try compareWithGzippedCopy(CorpusFixture.path("corpus/bom-crlf.csv"), named: "bom-crlf.csv.gz", chunkSize: chunkSize)
        try compareWithGzippedCopy(CorpusFixture.path("news-dev/census_articles.csv"), named: "census.csv.gz", chunkSize: chunkSize)
    }

    @Test func corpusReaderPicksTheFormatBeforeGz() throws {
        #expect(try InputFormat(path: GzipTool.compressedCopy(of: CorpusFixture.path("corpus/sample.jsonl"), named: "a.jsonl.gz")) == .jsonLines)
        #expect(try InputFormat(path: GzipTool.compressedCopy(of: CorpusFixture.path("corpus/quoting.csv"), named: "a.csv.gz")) == .csv)
        #expect(InputCompression(path: "x.jsonl.gz") == .gzip)
        #expect(InputCompression(path: "x.jsonl") == .none)
        #expect(InputCompression(path: "-") == .none)
        let path = try GzipTool.compressedCopy(of: CorpusFixture.path("corpus/sample.jsonl"), named: "a.ndjson.gz")
        let corpus = try CorpusReader().read(from: [path])
        #expect(corpus.documents.map(\.id) == ["101", "a-2", "3.5e2", "-7"])
        #expect(corpus.summary.inputs.map(\.compression) == [.gzip])
        #expect(corpus.summary.inputs.map(\.format) == [.jsonLines])
    }

    @Test func textFilesAreNotReadGzipped() throws {
        let path = try TemporaryFiles.write(try GzipTool.compress(Array("plain text".utf8)), named: "story.txt.gz")
        let error = #expect(throws: InputError.self) { try CorpusReader().readDocuments(from: [path]) }
        #expect(error?.description == "\(path): unsupported input (a .txt.gz file): gzip is read for .jsonl.gz, .ndjson.gz, .json.gz and .csv.gz")
        // In a directory tree a .gz file is not a document.
        let root = (path as NSString).deletingLastPathComponent
        _ = try TemporaryFiles.write(Array("a document".utf8), named: "doc.txt", in: root)
        #expect(try CorpusReader().readDocuments(from: [root]).map(\.id) == ["doc.txt"])
    }

    @Test func concatenatedMembersReadAsOneStream() throws {
        let first = Array(#"{"id": "m1", "text": "first member"}"#.utf8) + [0x0A]
        let second = Array(#"{"id": "m2", "text": "second member"}"#.utf8) + [0x0A, 0x0A] + Array(#"{"id": "m3", "text": "x"}"#.utf8)
        let path = try TemporaryFiles.write(try GzipTool.compress(first) + GzipTool.compress(second), named: "members.jsonl.gz")
        let documents = try read(path)
        #expect(documents.map(\.id) == ["m1", "m2", "m3"])
        #expect(documents.map(\.origin.line) == [1, 2, 4])
    }

    // MARK: Damaged files

    /// 3000 numbered lines, enough that a cut in the middle of the compressed data falls
    /// well inside the text.
    private static let numberedLines: [UInt8] = Array((1...3000).map { number in
        #"{"id": "line-\#(number)", "text": "record number \#(number) of a long file, with some words to compress: \#(String(repeating: "wire story ", count: number % 7))"}"#
    }.joined(separator: "\n").utf8) + [0x0A]

    @Test func truncatedDataNamesTheFileAndTheLineReached() throws {
        let compressed = try GzipTool.compress(Self.numberedLines)
        let path = try TemporaryFiles.write(Array(compressed[..<(compressed.count / 2)]), named: "cut.jsonl.gz")
        var read = 0
        let error = #expect(throws: InputError.self) {
            try JSONLReader(chunkSize: 4096).forEachDocument(in: path) { _ in read += 1 }
        }
        let error2 = try #require(error)
        #expect(error2.message == "truncated gzip data: the file ends inside the compressed stream")
        #expect(error2.location.file == path)
        #expect(error2.location.line == read + 1, "the line reached is the one after the last complete record")
        #expect(read > 100 && read < 3000)
    }

    @Test func truncatedCSVNamesTheLineOfTheRecordReached() throws {
        var csv = Array("id,text\n".utf8)
        for number in 1...3000 { csv += Array("r\(number),\"record \(number), quoted\nover two lines\"\n".utf8) }
        let compressed = try GzipTool.compress(csv)
        let path = try TemporaryFiles.write(Array(compressed[..<(compressed.count * 2 / 3)]), named: "cut.csv.gz")
        var lastLine = 0
        let error = #expect(throws: InputError.self) {
            try CSVReader(chunkSize: 4096).forEachDocument(in: path) { lastLine = $0.origin.line }
        }
        #expect(error?.message == "truncated gzip data: the file ends inside the compressed stream")
        #expect(error?.location.line == lastLine + 2, "records take two lines each")
    }

    @Test func corruptDataIsAnError() throws {
        var compressed = try GzipTool.compress(Self.numberedLines)
        for offset in stride(from: compressed.count / 3, to: compressed.count / 3 + 64, by: 1) {
            compressed[offset] ^= 0x5A
        }
        let path = try TemporaryFiles.write(compressed, named: "corrupt.jsonl.gz")
        let error = #expect(throws: InputError.self) { try read(path) }
        #expect(error?.message.hasPrefix("corrupt gzip data (") == true, "\(String(describing: error))")
        #expect((error?.location.line ?? 0) >= 1)
    }

    @Test func aWrongChecksumIsAnError() throws {
        var compressed = try GzipTool.compress(Self.numberedLines)
        compressed[compressed.count - 8] ^= 0xFF // the CRC-32 in the trailer
        let path = try TemporaryFiles.write(compressed, named: "checksum.jsonl.gz")
        let error = #expect(throws: InputError.self) { try read(path) }
        #expect(error?.message == "corrupt gzip data (incorrect data check)")
    }

    @Test func plainTextNamedGzIsNotGzipData() throws {
        let path = try TemporaryFiles.write(#"{"id": "a", "text": "not compressed"}"# + "\n", named: "plain.jsonl.gz")
        let error = #expect(throws: InputError.self) { try read(path) }
        #expect(error?.description == "\(path):1: not gzip data (the file does not start with the gzip signature 1F 8B)")
    }

    @Test func anEmptyGzFileIsNotGzipData() throws {
        let path = try TemporaryFiles.write([], named: "empty.csv.gz")
        let error = #expect(throws: InputError.self) { try read(path) }
        #expect(error?.description == "\(path):1: empty file, not gzip data")
    }

    @Test(arguments: ["trailing junk", "\n"])
    func bytesAfterTheStreamAreAnError(trailer: String) throws {
        let compressed = try GzipTool.compress(Array(#"{"id": "a", "text": "fine"}"#.utf8) + [0x0A])
        let path = try TemporaryFiles.write(compressed + Array(trailer.utf8), named: "junk.jsonl.gz")
        var ids: [String] = []
        let error = #expect(throws: InputError.self) {
            try JSONLReader().forEachDocument(in: path) { ids.append($0.id) }
        }
        #expect(error?.message == "unexpected data after the end of the gzip stream")
        #expect(ids.isEmpty || ids == ["a"])
    }

    @Test func damagedGzipStopsEvenWhenSkippingInvalidRecords() throws {
        let compressed = try GzipTool.compress(Self.numberedLines)
        let path = try TemporaryFiles.write(Array(compressed.prefix(compressed.count / 2)), named: "cut.jsonl.gz")
        let reader = CorpusReader(invalidRecords: .skip)
        let error = #expect(throws: InputError.self) { try reader.read(from: [path]) }
        #expect(error?.message.hasPrefix("truncated gzip data") == true)
    }

    // MARK: Bounded memory

    @Test func memoryDoesNotGrowWithTheFile() throws {
        // About 24 MB of text in a small file: the buffer must stay at its chunk size.
        let line = Array(#"{"id": "x", "text": "the same wire story, reprinted again and again by every outlet"}"#.utf8) + [0x0A]
        var text: [UInt8] = []
        text.reserveCapacity(line.count * 300_000)
        for _ in 0..<300_000 { text += line }
        let path = try TemporaryFiles.write(try GzipTool.compress(text), named: "big.jsonl.gz")
        let input = try ChunkedFileReader(path: path, chunkSize: 1 << 16)
        var total = 0
        var largest = 0
        while try input.readMore() || !input.unread.isEmpty {
            total += input.unread.count
            input.consume(input.unread.count)
            largest = max(largest, input.capacity)
        }
        #expect(total == text.count)
        #expect(input.position == text.count)
        #expect(largest == 1 << 16)
    }

    @Test func recordBytesComeBackFromTheCompressedFile() throws {
        let plainPath = CorpusFixture.path("hostile/dedup-archive.jsonl")
        let path = try GzipTool.compressedCopy(of: plainPath, named: "archive.jsonl.gz")
        let plain = try Array(Data(contentsOf: URL(fileURLWithPath: plainPath)))
        let documents = try read(path)
        let records = try RecordBytesReader(path: path, chunkSize: 64)
        for document in documents.enumerated().filter({ $0.offset % 3 != 1 }).map(\.element) {
            let range = try #require(document.recordRange)
            #expect(try records.bytes(in: range) == Array(plain[range]))
        }
    }
}
