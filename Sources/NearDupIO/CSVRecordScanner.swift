import NearDup
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds one RFC 4180 record at the start of a buffer and where each of its fields lies.
///
/// It records byte ranges instead of building strings, so the reader can turn only the
/// columns it needs into Strings. When the buffer ends inside a record it answers
/// `.incomplete` and the reader rescans after reading more; a record never has to fit
/// a fixed buffer.
struct CSVRecordScanner {
    enum Outcome: Equatable {
        /// The buffer ends inside the record; read more and scan again.
        case incomplete
        /// A record of `length` bytes (terminator included) spanning `lineFeeds` line feeds.
        case record(length: Int, lineFeeds: Int)
        /// A record broken by a misplaced quote, `lineFeedsBefore` line feeds after its start.
        /// It is taken to end with the line the mistake is on: `length` bytes spanning
        /// `lineFeeds` line feeds, so that reading can go on after it.
        case malformed(message: String, lineFeedsBefore: Int, length: Int, lineFeeds: Int)
    }

    private enum FieldKind: UInt8 {
        case plain, quoted, quotedWithDoubledQuotes
    }

    private var starts: [Int] = []
    private var ends: [Int] = []
    private var kinds: [FieldKind] = []

    /// The number of fields of the last record scanned.
    var fieldCount: Int { starts.count }

    /// Whether the last record was an empty line (not even an empty quoted field).
    var isBlankLine: Bool {
        starts.count == 1 && kinds[0] == .plain && starts[0] == ends[0]
    }

    /// Scans the record at the start of `buffer`. `isFinal` says no more bytes follow.
    /// Errors name `file` and the line, counting from `firstLine` for the record's first byte.
    mutating func scan(_ buffer: UnsafeRawBufferPointer, isFinal: Bool, file: String, firstLine: Int) throws(InputError) -> Outcome {
        starts.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        kinds.removeAll(keepingCapacity: true)
        guard let base = buffer.baseAddress?.assumingMemoryBound(to: UInt8.self), !buffer.isEmpty else {
            return isFinal ? .record(length: 0, lineFeeds: 0) : .incomplete
        }
        let count = buffer.count
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), lineFeed: UInt8 = 0x0A, carriageReturn: UInt8 = 0x0D
        var i = 0
        var lineFeeds = 0

        func failure(_ message: String, afterLineFeeds feeds: Int) -> InputError {
            InputError(message, at: SourceLocation(file: file, line: firstLine + feeds))
        }

        /// The mistake at `i`, with the record cut at the end of that line.
        func malformed(_ message: String, at i: Int) -> Outcome {
            if let found = memchr(base + i, 0x0A, count - i) {
                let length = UnsafeRawPointer(found) - UnsafeRawPointer(base) + 1
                return .malformed(message: message, lineFeedsBefore: lineFeeds, length: length, lineFeeds: lineFeeds + 1)
            }
            return isFinal ? .malformed(message: message, lineFeedsBefore: lineFeeds, length: count, lineFeeds: lineFeeds) : .incomplete
        }

        while true {
            if i < count && base[i] == quote {
                let openedAfter = lineFeeds
                i += 1
                let start = i
                var kind = FieldKind.quoted
                while true {
                    let next = memchr(base + i, Int32(quote), count - i)
                        .map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } ?? count
                    lineFeeds += Self.lineFeeds(in: base, from: i, to: next)
                    i = next
                    if i == count {
                        if !isFinal { return .incomplete }
                        throw failure("unclosed quote: the quoted field starting on this line never ends", afterLineFeeds: openedAfter)
                    }
                    if i + 1 < count && base[i + 1] == quote {
                        kind = .quotedWithDoubledQuotes
                        i += 2
                        continue
                    }
                    if i + 1 == count && !isFinal { return .incomplete }
                    break
                }
                starts.append(start)
                ends.append(i)
                kinds.append(kind)
                i += 1
            } else {
                let start = i
                scanning: while i < count {
                    switch base[i] {
                    case comma, lineFeed:
                        break scanning
                    case quote:
                        return malformed("unexpected '\"' in an unquoted field (a field holding quotes must be quoted, with each quote doubled)", at: i)
                    case carriageReturn:
                        if i + 1 == count && !isFinal { return .incomplete }
                        if i + 1 == count || base[i + 1] == lineFeed { break scanning }
                        i += 1
                    default:
                        i += 1
                    }
                }
                if i == count && !isFinal { return .incomplete }
                starts.append(start)
                ends.append(i)
                kinds.append(.plain)
            }

            // After a field: a comma, a line end, or the end of input.
            if i == count {
                return .record(length: count, lineFeeds: lineFeeds)
            }
            switch base[i] {
            case comma:
                i += 1
            case lineFeed:
                return .record(length: i + 1, lineFeeds: lineFeeds + 1)
            case carriageReturn where i + 1 == count:
                if !isFinal { return .incomplete }
                return .record(length: count, lineFeeds: lineFeeds)
            case carriageReturn where base[i + 1] == lineFeed:
                return .record(length: i + 2, lineFeeds: lineFeeds + 1)
            default:
                return malformed("expected ',' or the end of the line after a closing quote", at: i)
            }
        }
    }

    /// Line feeds inside a field are rare, so they are found with `memchr` rather than
    /// by testing every byte.
    private static func lineFeeds(in base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int {
        var total = 0
        var i = start
        while i < end, let found = memchr(base + i, 0x0A, end - i) {
            total += 1
            i = UnsafeRawPointer(found) - UnsafeRawPointer(base) + 1
        }
        return total
    }

    /// The text of field `index` of the last record, quotes removed and doubled quotes undone.
    /// The bytes must already be known to be valid UTF-8.
    func field(_ index: Int, in buffer: UnsafeRawBufferPointer) -> String {
        let base = buffer.baseAddress!.assumingMemoryBound(to: UInt8.self)
        let start = starts[index], end = ends[index]
        guard kinds[index] == .quotedWithDoubledQuotes else {
            return String(decoding: UnsafeBufferPointer(start: base + start, count: end - start), as: UTF8.self)
        }
        // Copy each run up to and including a quote, then skip the quote that doubled it.
        return String(unsafeUninitializedCapacity: end - start) { output in
            let out = output.baseAddress!
            var written = 0
            var i = start
            while i < end {
                let run = memchr(base + i, 0x22, end - i)
                    .map { UnsafeRawPointer($0) - UnsafeRawPointer(base) + 1 } ?? end
                (out + written).update(from: base + i, count: run - i)
                written += run - i
                i = run + 1
            }
            return written
        }
    }
}
