import Foundation
import Testing
@testable import neardup

/// Numbers in reports are written digit by digit into the report's bytes; they must read as
/// the strings the reports always had.
@Suite("Number text")
struct NumberTextTests {
    /// The reference: the number built as strings, as reports once did.
    private func fixedByStrings(_ value: Double, digits: Int) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = Int64(((value * scale).rounded() / scale) * scale)
        let sign = scaled < 0 ? "-" : ""
        guard digits > 0 else { return sign + String(scaled.magnitude) }
        let unit = UInt64(scale)
        let fraction = String(scaled.magnitude % unit)
        return sign + String(scaled.magnitude / unit) + "." + String(repeating: "0", count: digits - fraction.count) + fraction
    }

    @Test func fixedDecimalsMatchTheStringReference() {
        var generator = SystemRandomNumberGenerator()
        let chosen: [Double] = [0, -0.0, 1, -1, 0.5, 0.99995, 0.00005, -0.00004, -0.2345, 12.3456789, 1e6 + 0.25, 0.1 + 0.2]
        let random = (0..<20_000).map { _ in Double.random(in: -3...3, using: &generator) }
        for value in chosen + random {
            for digits in [0, 1, 2, 4] {
                #expect(fixed(value, digits: digits) == fixedByStrings(value, digits: digits), "\(value), \(digits) digits")
            }
            var bytes = Array("x".utf8)
            JSONText.appendNumber(value, to: &bytes)
            #expect(bytes == Array(("x" + JSONText.number(value)).utf8))
        }
    }

    @Test func integersKeepTheirSign() {
        for value in [0, 7, -7, 10, 1_000_000, Int.max, Int.min + 1] {
            var bytes: [UInt8] = []
            appendDecimal(value, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == String(value))
        }
    }
}
