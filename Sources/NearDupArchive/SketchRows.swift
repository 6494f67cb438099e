import Foundation
import NearDup

/// Documents' rows with their sketches as a statement gave them, copied back to back, to be
/// decoded apart from the statement: decoding tens of thousands of shingle sets costs about
/// what reading them does, so one thread can read the next statement's rows while another
/// decodes these.
struct SketchRows: Sendable {
    /// The columns a statement must give, in this order; without `withSets`, empty sets
    /// (the furniture search reads fingerprints and signatures alone).
    static func columns(withSets: Bool = true) -> String {
        """
        d.position, d.source, d.date_seconds, d.date_nanoseconds, d.text_bytes, d.furniture,
        s.filled_bins, s.flags, s.signature, s.lead_signature, s.fingerprints,
        """ + (withSets ? "s.entries, s.paragraphs" : "x'00', x'0000'")
    }

    private struct Numbers: Sendable {
        var position: Int
        var source: Int?
        var date: PublicationDate?
        var textBytes: Int
        var filledBins: Int
        var flags: Int
    }

    private var numbers: [Numbers] = []
    private var bytes: [UInt8] = []
    /// Where each row's blobs end in `bytes`, `blobColumns.count` a row.
    private var blobEnds: [Int] = []

    /// Furniture, signature, lead signature, fingerprints, entries, paragraphs.
    private static let blobColumns: [Int32] = [5, 8, 9, 10, 11, 12]

    var count: Int { numbers.count }

    mutating func append(_ row: RawRow) {
        numbers.append(Numbers(
            position: row.int(0), source: row.optionalInt(1), date: row.date(seconds: 2, nanoseconds: 3),
            textBytes: row.int(4), filledBins: row.int(6), flags: row.int(7)))
        for column in Self.blobColumns {
            row.withBytes(column) { bytes.append(contentsOf: $0) }
            blobEnds.append(bytes.count)
        }
    }

    /// The documents, in the order their rows came.
    func decoded() throws(IndexError) -> [IndexedDocument] {
        var documents: [IndexedDocument] = []
        documents.reserveCapacity(numbers.count)
        let width = Self.blobColumns.count
        do {
            try bytes.withUnsafeBytes { all in
                for (index, row) in numbers.enumerated() {
                    func blob(_ column: Int) -> UnsafeRawBufferPointer {
                        let end = blobEnds[index * width + column]
                        let start = index * width + column == 0 ? 0 : blobEnds[index * width + column - 1]
                        return UnsafeRawBufferPointer(rebasing: all[start..<end])
                    }
                    let sketch: StoredSketch
                    do {
                        sketch = StoredSketch(
                            signature: SketchCoding.values(blob(1)), leadSignature: SketchCoding.values(blob(2)),
                            entries: try CompactCoding.sortedSet(blob(4)), paragraphs: try CompactCoding.packed(blob(5)),
                            fingerprints: SketchCoding.fingerprints(blob(3)), filledBins: row.filledBins,
                            isBundle: row.flags & 1 != 0, isAwayFromHeadline: row.flags & 2 != 0)
                    } catch {
                        throw IndexError.store(
                            path: IndexSchema.fileName,
                            message: "the sketch of the document at position \(row.position) does not decode (`neardup index check` lists what is wrong)")
                    }
                    let facts = DocumentFacts(
                        date: row.date, textBytes: row.textBytes, source: row.source.map { UInt32(truncatingIfNeeded: $0) })
                    documents.append(IndexedDocument(position: row.position, sketch: sketch, facts: facts, furniture: [UInt8](blob(0))))
                }
            }
        } catch let error as IndexError {
            throw error
        } catch {
            preconditionFailure("decoding throws nothing else: \(error)")
        }
        return documents
    }
}

extension IndexTables {
    /// The documents at `positions` that are in the index, whole, in position order. With
    /// more than one thread, statements' rows are decoded on the others while this one reads.
    func documents(_ positions: some Sequence<Int>, threads: Int = 1) throws -> [IndexedDocument] {
        let batches = Self.batches(of: Set(positions).sorted())
        func rows(_ batch: ArraySlice<Int>) throws -> SketchRows {
            var rows = SketchRows()
            try forEachRow("""
                SELECT \(SketchRows.columns())
                FROM documents d JOIN sketches s ON s.position = d.position
                WHERE d.position IN (\(Self.placeholders(batch.count))) ORDER BY d.position
                """, arguments: batch) { rows.append($0) }
            return rows
        }
        guard threads > 1, batches.count > 1 else { return try batches.flatMap { try rows($0).decoded() } }
        // Batches read and not yet decoded are held in memory: as many as there are decoders.
        var decoding: [BackgroundWork<[IndexedDocument]>] = []
        // When a read fails, the decoders still running finish before it is reported.
        defer { for work in decoding { _ = try? work.value() } }
        var documents: [IndexedDocument] = []
        for batch in batches {
            let read = try rows(batch)
            if decoding.count == threads - 1 { documents += try decoding.removeFirst().value() }
            decoding.append(BackgroundWork { try read.decoded() })
        }
        for work in decoding { documents += try work.value() }
        return documents
    }
}
