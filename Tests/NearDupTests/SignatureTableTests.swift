import Testing
@testable import NearDup

@Suite("SignatureTable")
struct SignatureTableTests {
    /// Row r holds r·1000 + 0, 1, 2, ...: any row read from the wrong place shows.
    private func row(_ number: Int, length: Int) -> [UInt32] {
        (0..<length).map { UInt32(number * 1_000 + $0) }
    }

    @Test func rowsReadBackAcrossSegments() {
        let rows = 3 * (1 << SignatureTable.defaultSegmentShift) + 17
        var table = SignatureTable(rowLength: 4)
        for number in 0..<rows { table.append(row(number, length: 4)) }
        #expect(table.count == rows)
        for number in [0, 1, 8_191, 8_192, 8_193, 16_384, rows - 1] {
            #expect(Array(table[number]) == row(number, length: 4))
        }
    }

    /// Small tables appended one after another, as sketching threads hand back their chunks,
    /// give the table that appending every row to one table gives.
    @Test func appendingTablesKeepsEveryRowInOrder() {
        var joined = SignatureTable()
        var number = 0
        for chunk in [256, 300, 8_000, 1, 9_000, 255] {
            var part = SignatureTable(rowLength: 3)
            part.reserveCapacity(chunk)
            for _ in 0..<chunk {
                part.append(row(number, length: 3))
                number += 1
            }
            joined.append(contentsOf: part)
        }
        #expect(joined.count == number)
        #expect(joined.rowLength == 3)
        var visited: [Int] = []
        let wanted = Array(stride(from: 0, to: number, by: 7))
        joined.forEachRow(wanted) { row, segment, start in
            visited.append(row)
            #expect(Array(segment[start..<(start + 3)]) == self.row(row, length: 3))
        }
        #expect(visited == wanted)
    }

    @Test func rowsOfNoValuesAreCounted() {
        var joined = SignatureTable()
        for _ in 0..<3 {
            var part = SignatureTable(rowLength: 0)
            for _ in 0..<5_000 { part.append([]) }
            joined.append(contentsOf: part)
        }
        #expect(joined.count == 15_000)
        #expect(joined[14_999].isEmpty)
    }

    @Test func flatValuesAreOneTable() {
        let values = (0..<20).flatMap { row($0, length: 5) }
        let table = SignatureTable(values, rowLength: 5)
        #expect(table.count == 20)
        #expect(Array(table[13]) == row(13, length: 5))
        #expect(SignatureTable([], rowLength: 5).count == 0)
    }

    /// The band search reads rows segment by segment; it must find what it finds in one array.
    @Test func candidatesAcrossSegmentsMatchTheFlatSearch() {
        let rowLength = 8
        let documents = 2 * (1 << SignatureTable.defaultSegmentShift) + 100
        var generator = SketchSamples.SplitMix64(seed: 11)
        var flat: [UInt32] = []
        var table = SignatureTable(rowLength: rowLength)
        for document in 0..<documents {
            // Every 97th document repeats an earlier one's first band; the rest are random.
            var signature = (0..<rowLength).map { _ in UInt32(truncatingIfNeeded: generator.next()) }
            if document % 97 == 0 && document > 0 {
                let earlier = document / 2
                signature[0] = flat[earlier * rowLength]
                signature[1] = flat[earlier * rowLength + 1]
            }
            flat += signature
            table.append(signature)
        }
        let finder = CandidateFinder(layout: BandLayout(bands: 4, rows: 2))
        let fromTable = finder.candidates(signatures: table, threads: 2, isIndexed: { $0 % 5 != 3 })
        let fromFlat = finder.candidates(signatures: flat, stride: rowLength, count: documents, isIndexed: { $0 % 5 != 3 })
        #expect(!fromTable.pairs.isEmpty)
        #expect(fromTable.pairs == fromFlat.pairs)
    }
}
