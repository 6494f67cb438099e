import Foundation

/// Tells a whole HTML page from text, by its content: after a byte-order mark, whitespace and
/// comments, a page opens with `<!doctype html` or `<html`, or opens with a tag and has a
/// `<head` or `<body` tag early on. Text that merely holds some markup (a paragraph with
/// `<b>`, a fragment of `<p>`s) is not a page: the markup stripper reads it as before.
public enum HTMLDetection {
    /// How far into the text the `<head` or `<body` tag is looked for.
    static let headReach = 65_536

    /// Whether `path` names an HTML file (.html, .htm), read as a page whatever it holds.
    package static func isHTMLFile(_ path: String) -> Bool {
        let pathExtension = (path as NSString).pathExtension.lowercased()
        return pathExtension == "html" || pathExtension == "htm"
    }

    public static func isPage(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer(isPage)
    }

    static func isPage(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { index = 3 }
        while true {
            while index < bytes.count && TextBytes.isSpace(bytes[index]) { index += 1 }
            guard index < bytes.count, bytes[index] == 0x3C else { return false }
            guard startsWith(bytes, at: index, "<!--") else { break }
            // A comment before the page: skip it.
            guard let end = find(bytes, "-->", from: index + 4, before: min(bytes.count, index + headReach)) else { return false }
            index = end + 3
        }
        if startsWith(bytes, at: index, "<!doctype html") || isTag(bytes, at: index, "<html") { return true }
        let limit = min(bytes.count, index + headReach)
        var cursor = index
        while cursor < limit {
            guard let open = find(bytes, "<", from: cursor, before: limit) else { return false }
            if isTag(bytes, at: open, "<head") || isTag(bytes, at: open, "<body") { return true }
            cursor = open + 1
        }
        return false
    }

    /// `name` (lower case, with its `<`) at `index`, followed by `>`, `/` or whitespace.
    private static func isTag(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, _ name: StaticString) -> Bool {
        let count = name.utf8CodeUnitCount
        guard startsWith(bytes, at: index, name), index + count < bytes.count else { return false }
        let next = bytes[index + count]
        return next == 0x3E || next == 0x2F || TextBytes.isSpace(next)
    }

    private static func startsWith(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, _ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        let pattern = literal.utf8Start
        for offset in 0..<count where TextBytes.lowercased(bytes[index + offset]) != pattern[offset] { return false }
        return true
    }

    private static func find(_ bytes: UnsafeBufferPointer<UInt8>, _ literal: StaticString, from start: Int, before end: Int) -> Int? {
        let count = literal.utf8CodeUnitCount
        let first = literal.utf8Start[0]
        var index = start
        while index + count <= end {
            if bytes[index] == first && startsWith(bytes, at: index, literal) { return index }
            index += 1
        }
        return nil
    }
}
