/// Signatures of equal length, one row per document, kept in segments of a fixed number of
/// rows that never move once made.
///
/// A million signatures of 128 values take 512 MB. In one array, each doubling of its
/// capacity copied all of them and touched fresh pages on the reading thread while the
/// sketching threads waited for it; segments grow without copying what they hold.
package struct SignatureTable: Sendable {
    /// Values per row.
    package private(set) var rowLength: Int
    /// Rows held.
    package private(set) var count = 0
    private var segments: [[UInt32]] = []
    /// Rows per segment, a power of two: a row's segment is its number shifted by this.
    private let segmentShift: Int

    /// 8,192 rows: 4 MiB a segment for signatures of 128 values.
    static let defaultSegmentShift = 13

    /// An empty table; its row length is set by the first row appended when given as 0.
    package init(rowLength: Int = 0) {
        self.rowLength = rowLength
        segmentShift = Self.defaultSegmentShift
    }

    /// The `values.count / rowLength` rows held back to back in `values`, without a copy.
    package init(_ values: [UInt32], rowLength: Int) {
        precondition(rowLength > 0 && values.count % rowLength == 0)
        self.rowLength = rowLength
        count = values.count / rowLength
        segmentShift = Swift.max(Self.defaultSegmentShift, Int.bitWidth - count.leadingZeroBitCount)
        if count > 0 { segments = [values] }
    }

    private var rowsPerSegment: Int { 1 << segmentShift }

    /// The values of `row`.
    package subscript(row: Int) -> ArraySlice<UInt32> {
        precondition(row >= 0 && row < count)
        let start = (row & (rowsPerSegment - 1)) * rowLength
        return segments[row >> segmentShift][start..<(start + rowLength)]
    }

    /// Makes room for `rows` rows in the first segment of an empty table, up to a segment.
    package mutating func reserveCapacity(_ rows: Int) {
        guard count == 0 && segments.isEmpty && rows > 0 else { return }
        var segment: [UInt32] = []
        segment.reserveCapacity(Swift.min(rows, rowsPerSegment) * rowLength)
        segments.append(segment)
    }

    /// Appends one row.
    package mutating func append(_ row: [UInt32]) {
        if count == 0 && rowLength == 0 { rowLength = row.count }
        precondition(row.count == rowLength)
        append(rows: 1, from: row[...])
    }

    /// Appends every row of `other`, which has this table's row length (or this table is empty).
    package mutating func append(contentsOf other: SignatureTable) {
        guard other.count > 0 else { return }
        if count == 0 && rowLength == 0 { rowLength = other.rowLength }
        precondition(other.rowLength == rowLength)
        // Every segment but the last is full.
        for (index, segment) in other.segments.enumerated() {
            let rows = Swift.min(other.rowsPerSegment, other.count - index * other.rowsPerSegment)
            append(rows: rows, from: segment[...])
        }
    }

    /// Appends `rows` rows held back to back in `values`, filling the last segment before
    /// starting the next, which is made with room for a whole segment.
    private mutating func append(rows: Int, from values: ArraySlice<UInt32>) {
        var rowsLeft = rows
        var offset = values.startIndex
        while rowsLeft > 0 {
            let used = count & (rowsPerSegment - 1)
            if used == 0 && (count > 0 || segments.isEmpty) {
                var segment: [UInt32] = []
                // The first segment grows as it fills, so a small table stays small.
                if count > 0 { segment.reserveCapacity(rowsPerSegment * rowLength) }
                segments.append(segment)
            }
            let taken = Swift.min(rowsLeft, rowsPerSegment - used)
            let end = offset + taken * rowLength
            segments[segments.count - 1].append(contentsOf: values[offset..<end])
            offset = end
            count += taken
            rowsLeft -= taken
        }
    }

    /// Calls `body` with each of `rows` (ascending row numbers), the segment holding it and
    /// where in that segment its values start: the band search visits every row once per
    /// band, and reads it in place.
    @inline(__always)
    func forEachRow(_ rows: [Int], _ body: (_ row: Int, _ segment: [UInt32], _ start: Int) -> Void) {
        var position = 0
        while position < rows.count {
            // Taken once per segment, not per row, so a row costs no reference counting.
            let segmentNumber = rows[position] >> segmentShift
            let segment = segments[segmentNumber]
            while position < rows.count && rows[position] >> segmentShift == segmentNumber {
                let row = rows[position]
                body(row, segment, (row & (rowsPerSegment - 1)) * rowLength)
                position += 1
            }
        }
    }
}
