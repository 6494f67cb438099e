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
            var line: [UInt8] = []
            func sketchChunk(_ streams: inout StageStreams) {
                let sketched = engine.sketch(chunk.map(\.document), dates: &dates)
                for ((position, document), sketched) in zip(chunk, sketched) {
                    let sketch = sketched.sketch
                    let group = sketch.fingerprints.isEmpty ? nil : sketched.facts.source
                    let indexed = IndexedDocument(position: position, sketch: sketch, facts: sketched.facts, furniture: [])
                    line.removeAll(keepingCapacity: true)
                    StageDocument(document: indexed, group: group, keys: engine.bandKeys(of: sketch), quotedID: JSONText.quoted(document.id))
                        .append(to: &line)
                    streams.append(line)
                    streams.endLine()
                }
                chunk.removeAll(keepingCapacity: true)
            }
            try StageInput.forEachLine { line, number in
                let fields = TabFields(line, limit: 4)
                guard fields.count == 4, let position = fields.integer(0), position >= 0, let recordLine = fields.integer(1) else {
                    throw StageInputError(line: number, message: "not a record line (POSITION LINE FILE RECORD)")
                }
                let origin = SourceLocation(file: fields.text(2), line: recordLine)
                var record = fields.bytes(3)
                if recordLine == 1, record.starts(with: [0xEF, 0xBB, 0xBF]) { record = UnsafeRawBufferPointer(rebasing: record.dropFirst(3)) }
                switch Result(catching: { () throws(InputError) in
                    try records.document(from: record, at: origin, recordRange: 0..<record.count).document
                }) {
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
