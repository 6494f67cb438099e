import Testing
@testable import NearDup
@testable import NearDupIO

/// The word-at-a-time string kernel against its byte-at-a-time twin, and both against
/// the strict scan they stand in for.
@Suite("JSON string kernel")
struct JSONStringKernelTests {
    private static let pieces: [[UInt8]] = [
        Array("a".utf8), Array("plain words ".utf8), Array("\\n".utf8), Array("\\\"".utf8), Array("\\\\".utf8),
        Array("\\/".utf8), Array("\\u00e9".utf8), Array("\\uD83D\\uDE00".utf8), Array("\\uDE00".utf8),
        Array("\\uD83Dx".utf8), Array("\\q".utf8), Array("\\u12".utf8), [0x09], [0x1F], [0x7F],
        Array("é".utf8), Array("—".utf8), Array("😀".utf8), [0xC3], [0xE2, 0x80], [0xFF], [0xED, 0xA0, 0x80],
        [0x22], Array("\\".utf8),
    ]

    private struct Outcome: Equatable {
        var decoded: JSONStringKernel.Decoded?
        var bytes: [UInt8]
    }

    private func run(_ line: [UInt8], start: Int, plain: Bool) -> Outcome {
        var output = [UInt8](repeating: 0, count: max(line.count - start, 1))
        let decoded = line.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { out in
                plain
                    ? JSONStringKernel.decodePlain(input.baseAddress!, from: start, count: input.count, into: out.baseAddress!)
                    : JSONStringKernel.decode(input.baseAddress!, from: start, count: input.count, into: out.baseAddress!)
            }
        }
        return Outcome(decoded: decoded, bytes: decoded.map { Array(output[..<$0.written]) } ?? [])
    }

    @Test func kernelsAgreeOnRandomStrings() {
        var generator = SketchSamples.SplitMix64(seed: 21)
        for _ in 0..<20_000 {
            var line = Array("{\"text\": \"".utf8)
            let start = line.count
            for _ in 0..<Int(generator.next() % 12) {
                line += Self.pieces[Int(generator.next() % UInt64(Self.pieces.count))]
            }
            if generator.next() % 4 != 0 {
                line += Array("\", \"id\": 1}".utf8)
            }
            let fast = run(line, start: start, plain: false)
            let plain = run(line, start: start, plain: true)
            #expect(fast == plain, "\(line)")
            // The strict parser accepts the string exactly when the kernel does, with the same value.
            var scratch: [UInt8] = []
            let kernelString = line.withUnsafeBufferPointer {
                JSONStringKernel.string(in: $0.baseAddress!, from: start, count: $0.count, scratch: &scratch)
            }
            var parser = JSONRecordParser(fieldNames: ["text"])
            parser.usesStringKernel = false
            if let kernelString {
                let record = Array(line[...kernelString.end]) + Array("}".utf8)
                #expect((try? parser.parse(record)) == [.string(kernelString.value)], "\(line)")
            } else {
                #expect((try? parser.parse(line)) == nil, "\(line)")
            }
        }
    }

    /// Whole records, id and text requested: same values or the same error either way.
    @Test func parserAgreesWithAndWithoutKernel() {
        var generator = SketchSamples.SplitMix64(seed: 34)
        var strict = JSONRecordParser(fieldNames: ["id", "text"])
        strict.usesStringKernel = false
        let fast = JSONRecordParser(fieldNames: ["id", "text"])
        for _ in 0..<20_000 {
            var text: [UInt8] = []
            for _ in 0..<Int(generator.next() % 10) {
                text += Self.pieces[Int(generator.next() % UInt64(Self.pieces.count))]
            }
            let line = Array("{\"id\": \"".utf8) + text.prefix(3) + Array("\", \"text\": \"".utf8) + text + Array("\"}".utf8)
            let expected = Result { () throws(JSONSyntaxError) in try strict.parse(line) }
            let actual = Result { () throws(JSONSyntaxError) in try fast.parse(line) }
            #expect(actual == expected, "\(line)")
        }
    }

    @Test func longRunsCrossWordBoundariesAtEveryOffset() {
        for length in 0..<40 {
            for special in ["\\n", "é", "\\u0041", "\u{01}"] {
                let body = String(repeating: "x", count: length) + special + String(repeating: "y", count: length % 9)
                let line = Array("\"\(body)\"".utf8)
                #expect(run(line, start: 1, plain: false) == run(line, start: 1, plain: true), "\(body)")
            }
        }
    }
}
