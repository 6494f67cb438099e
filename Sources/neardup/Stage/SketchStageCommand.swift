import ArgumentParser
import NearDup
import NearDupIO

struct SketchStageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sketch",
        abstract: "Records to sketched documents.",
        discussion: """
            Input lines: POSITION, LINE, FILE and the JSON record, tab-separated (FILE and LINE name the record \
            in messages; POSITION orders documents as input order does). Output: a D line per document (see \
            `neardup stage --help`), or with --skip-invalid an X line `POSITION FILE:LINE: reason` per record skipped.
            """)

    @OptionGroup var arguments: StageArguments

    /// Documents sketched together: sketching is per document, so this only bounds memory.
    private static let chunkSize = 512

    func run() throws {
        try ExitStatus.reporting {
            let engine = SketchEngine(options: arguments.options)
            var records = JSONLineDecoder(fields: arguments.fields, replacingInvalidBytes: arguments.invalidBytes == .replace)
            var streams = StageStreams()
            var chunk: [(position: Int, document: Document)] = []
            var dates = DateSummary()
            func sketchChunk(_ streams: inout StageStreams) {
                let sketched = engine.sketch(chunk.map(\.document), dates: &dates)
                for ((position, document), sketched) in zip(chunk, sketched) {
                    let sketch = sketched.sketch
                    let group = sketch.fingerprints.isEmpty ? nil : sketched.facts.source
                    let indexed = IndexedDocument(position: position, sketch: sketch, facts: sketched.facts, furniture: [])
                    streams.write(StageDocument(
                        document: indexed, group: group, keys: engine.bandKeys(of: sketch),
                        quotedID: JSONText.quoted(document.id)).line)
                }
                chunk.removeAll(keepingCapacity: true)
            }
            try streams.forEachInputLine { line, number in
                let fields = line.split(separator: "\t", maxSplits: 3, omittingEmptySubsequences: false)
                guard fields.count == 4, let position = Int(fields[0]), position >= 0, let recordLine = Int(fields[1]) else {
                    throw StageInputError(line: number, message: "not a record line (POSITION LINE FILE RECORD)")
                }
                let origin = SourceLocation(file: String(fields[2]), line: recordLine)
                var record = Array(fields[3].utf8)
                if recordLine == 1, record.starts(with: [0xEF, 0xBB, 0xBF]) { record.removeFirst(3) }
                let outcome = record.withUnsafeBytes { bytes in
                    Result { () throws(InputError) in try records.document(from: bytes, at: origin, recordRange: 0..<bytes.count).document }
                }
                switch outcome {
                case .success(let document): chunk.append((position, document))
                case .failure(let error) where arguments.skipInvalid:
                    sketchChunk(&streams) // lines stay in input order
                    streams.write("X\t\(position)\t\(error)")
                case .failure(let error): throw error
                }
                if chunk.count == Self.chunkSize { sketchChunk(&streams) }
            }
            sketchChunk(&streams)
            try streams.finish()
        }
    }
}
