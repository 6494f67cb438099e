import Foundation
import Testing
@testable import NearDup

@Suite("MarkupStripper")
struct MarkupStripperTests {
    /// The tag found at `start` as the stripper read it before it remembered closings: each
    /// comment or declaration scanned to its end, each tag up to 2 KB: the plain twin.
    private static func referenceTagEnd(_ bytes: [UInt8], at start: Int) -> Int? {
        var index = start + 1
        guard index < bytes.count else { return nil }
        if bytes[index] == 0x21 {
            let isComment = index + 2 < bytes.count && bytes[index + 1] == 0x2D && bytes[index + 2] == 0x2D
            index += isComment ? 3 : 1
            while index < bytes.count {
                if bytes[index] == 0x3E && (!isComment || (bytes[index - 1] == 0x2D && bytes[index - 2] == 0x2D)) {
                    return index + 1
                }
                index += 1
            }
            return nil
        }
        if bytes[index] == 0x2F { index += 1 }
        guard index < bytes.count, MarkupStripper.isASCIILetter(bytes[index]) else { return nil }
        while index < bytes.count, MarkupStripper.isASCIILetter(bytes[index]) || (0x30...0x39).contains(bytes[index]) { index += 1 }
        var quote: UInt8 = 0
        let limit = min(bytes.count, index + 2048)
        while index < limit {
            let byte = bytes[index]
            if quote != 0 {
                if byte == quote { quote = 0 }
            } else if byte == 0x22 || byte == 0x27 {
                quote = byte
            } else if byte == 0x3E {
                return index + 1
            }
            index += 1
        }
        return nil
    }

    /// Tags parsed in order with remembered closings end where scanning each afresh ends
    /// them, on texts crowded with `<`, `<!`, `<!--`, `-->`, quotes and stray `>`.
    @Test func rememberedClosingsAgreeWithScanningEachTag() {
        var generator = SketchSamples.SplitMix64(seed: 19)
        let pieces = ["<", "<!", "<!--", "-->", "--", "-", ">", "a", "p", "/", " ", "\"", "'", "x=\"", "<p", "</p>", "<a href='",
                      "&amp;", "word", String(repeating: "y", count: 700)]
        for length in [1, 4, 30, 200] {
            for _ in 0..<200 {
                let bytes = Array((0..<length).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined().utf8)
                var closings = MarkupStripper.TagClosings()
                var start = 0
                while let found = bytes[start...].firstIndex(of: 0x3C) {
                    let tag = MarkupStripper.parseTag(bytes, at: found, closings: &closings)
                    #expect(tag?.end == Self.referenceTagEnd(bytes, at: found), "\(String(decoding: bytes, as: UTF8.self))")
                    start = tag?.end ?? found + 1
                }
            }
        }
    }

    /// A page of `<!` that never closes: each used to scan to the end of the text, which
    /// took minutes a megabyte. The text comes back as it is, in linear time.
    @Test(.timeLimit(.minutes(1)))
    func unclosedDeclarationsStayLinear() {
        for opening in ["<!", "<!--", "<a"] {
            let text = String(repeating: opening, count: 300_000) + " Putin invites Trump"
            #expect(MarkupStripper.strip(text) == text)
        }
        let closedLate = String(repeating: "<!-- ", count: 200_000) + "-->kept"
        #expect(MarkupStripper.strip(closedLate) == " kept")  // a tag leaves a space
    }
}
