import Foundation
import NearDup
import NearDupIO

/// A report's compressed details (see `ReportData.details`): blocks of base64 text, which
/// holds no character that could end or bend a `<script>` element.
struct ReportDetails {
    /// The number of the first paragraph of each block of the paragraph table.
    var paragraphBlockStarts: [Int]
    /// The table's paragraphs, a line each, a block at a time.
    var paragraphBlocks: [[UInt8]]
    /// Each block of `ReportData.groupsPerBlock` groups' detail lines.
    var detailBlocks: [[UInt8]]
}

/// Bytes compressed with gzip (zlib's best), in base64: what the page's
/// `DecompressionStream("gzip")` reads back.
enum CompressedBlock {
    static func encode(_ bytes: [UInt8]) throws -> [UInt8] {
        let deflater = try GzipDeflater(level: 9)
        let compressed = try deflater.compress(bytes) + deflater.finish()
        return Array(Data(compressed).base64EncodedString().utf8)
    }
}

/// `ParallelChunks` for work that can fail: one item a chunk, in order, the first failure thrown.
func mapInParallel<Value>(count: Int, threads: Int, _ body: @escaping @Sendable (Int) throws -> Value) throws -> [Value] {
    try ParallelChunks(count: count, chunkSize: 1, threads: threads).map { range in
        Result { try body(range.lowerBound) }
    }.map { try $0.get() }
}
