import CFuzzDriver
import NearDup

// Reads arbitrary bytes (decoded as UTF-8, invalid sequences replaced) as an HTML page with
// `StoryExtractor`, and checks what it returns: the story text is paragraphs separated by
// single blank lines, none blank, none with surrounding whitespace; no replacement character
// appears that the input did not hold (the extractor's bytes are valid UTF-8); `hasStory`
// agrees with `storyWords`; a publication time is ISO 8601 as `PublicationTime` writes it;
// headline and byline are single trimmed lines. The text must then normalise like any
// other, and the page detector and the pipeline's normalised text must not fail.

// libFuzzer calls the harness on one thread.
nonisolated(unsafe) private let extractor = StoryExtractor()
private let normalizer = TextNormalizer()
private let pipeline = ClusteringPipeline()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let page = extractor.extract(input)
    if !input.unicodeScalars.contains("\u{FFFD}") {
        for text in [page.text, page.headline ?? "", page.byline ?? "", page.published ?? ""]
        where text.unicodeScalars.contains("\u{FFFD}") {
            fatalError("the extractor produced invalid UTF-8")
        }
    }
    if !page.text.isEmpty {
        for paragraph in page.text.components(separatedBy: "\n\n") {
            if paragraph.isEmpty { fatalError("empty paragraph (three or more line breaks in a row)") }
            if isSpace(paragraph.unicodeScalars.first!) || isSpace(paragraph.unicodeScalars.last!) {
                fatalError("paragraph with surrounding whitespace: \(paragraph.debugDescription)")
            }
        }
    }
    if page.hasStory != (page.storyWords >= StoryExtractor.minimumStoryWords) {
        fatalError("hasStory \(page.hasStory) disagrees with \(page.storyWords) story words")
    }
    if let published = page.published, !isISO8601(published) {
        fatalError("publication time not in ISO 8601: \(published.debugDescription)")
    }
    for line in [page.headline, page.byline].compactMap({ $0 }) {
        if line.isEmpty || line.contains("\n") || isSpace(line.unicodeScalars.first!) || isSpace(line.unicodeScalars.last!) {
            fatalError("headline or byline is not one trimmed line: \(line.debugDescription)")
        }
    }
    _ = normalizer.normalize(page.text)
    _ = HTMLDetection.isPage(Array(input.utf8))
    _ = pipeline.normalizedText(input)
    return 0
}

/// ASCII whitespace and the no-break space, which the extractor treats as spaces.
private func isSpace(_ scalar: Unicode.Scalar) -> Bool {
    scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" || scalar == "\u{0C}" || scalar == "\u{A0}"
}

/// YYYY-MM-DD, optionally followed by Thh:mm:ss and optionally Z.
private func isISO8601(_ text: String) -> Bool {
    let bytes = Array(text.utf8)
    func digits(_ range: Range<Int>) -> Bool { range.allSatisfy { $0 < bytes.count && bytes[$0] &- 0x30 < 10 } }
    guard bytes.count >= 10, digits(0..<4), bytes[4] == 0x2D, digits(5..<7), bytes[7] == 0x2D, digits(8..<10) else { return false }
    if bytes.count == 10 { return true }
    guard bytes.count == 19 || bytes.count == 20, bytes[10] == 0x54, digits(11..<13), bytes[13] == 0x3A, digits(14..<16),
          bytes[16] == 0x3A, digits(17..<19) else { return false }
    return bytes.count == 19 || bytes[19] == 0x5A
}

// SwiftPM links an executable with `main` aliased to `FuzzHTML_main`; hand control to libFuzzer.
@_cdecl("FuzzHTML_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 1) { empty in
            fuzz(data ?? UnsafePointer(empty.baseAddress!), size)
        }
    }
}
