import Foundation
import NearDup

/// A sketch as the `sketches` table's blobs hold it, encoded apart from writing it: a load
/// encodes a chunk's sketches on its workers while the writing thread stores the last
/// chunk's.
struct EncodedSketch: Sendable {
    var position: Int
    var filledBins: Int
    var flags: Int
    var signature: Data
    var leadSignature: Data
    var fingerprints: Data
    var entries: Data
    var paragraphs: Data

    init(position: Int, sketch: StoredSketch) {
        self.position = position
        filledBins = sketch.filledBins
        flags = (sketch.isBundle ? 1 : 0) | (sketch.isAwayFromHeadline ? 2 : 0)
        signature = SketchCoding.data(sketch.signature)
        leadSignature = SketchCoding.data(sketch.leadSignature)
        fingerprints = SketchCoding.data(sketch.fingerprints)
        entries = CompactCoding.data(sortedSet: sketch.entries)
        paragraphs = CompactCoding.data(packing: sketch.paragraphs)
    }

    /// `sketches`, the first at position `first`, encoded on `threads` threads.
    static func encoding(_ sketches: [StoredSketch], from first: Int, threads: Int) -> [EncodedSketch] {
        ParallelChunks(count: sketches.count, chunkSize: 1_024, threads: threads).map { range in
            range.map { EncodedSketch(position: first + $0, sketch: sketches[$0]) }
        }.flatMap { $0 }
    }
}
