import Foundation
import Testing
@testable import NearDup
@testable import NearDupIO

@Suite("JSONRecordParser")
struct JSONRecordParserTests {
    let parser = JSONRecordParser(fieldNames: ["id", "text", "source"])

    private func parse(_ line: String, fields: [String]? = nil) throws(JSONSyntaxError) -> [JSONFieldValue?] {
        try (fields.map(JSONRecordParser.init(fieldNames:)) ?? parser).parse(Array(line.utf8))
    }

    // MARK: Values

    @Test func extractsRequestedMembersInFieldOrder() throws {
        let values = try parse(#"{"source": "wire", "other": [1, {"a": null}], "text": "body", "id": "x1"}"#)
        #expect(values == [.string("x1"), .string("body"), .string("wire")])
    }

    @Test func absentMembersAreNil() throws {
        #expect(try parse(#"{"id": "only"}"#) == [.string("only"), nil, nil])
        #expect(try parse("{}") == [nil, nil, nil])
        #expect(try parse(" \t{ } \r") == [nil, nil, nil])
    }

    @Test func numbersKeepTheirLiteralText() throws {
        let values = try parse(#"{"id": 10042, "text": -0.5e+10, "source": 0}"#)
        #expect(values == [.number("10042"), .number("-0.5e+10"), .number("0")])
        #expect(values.map { $0?.text } == ["10042", "-0.5e+10", "0"])
    }

    @Test func otherValueTypesAreReportedAsSuch() throws {
        #expect(try parse(#"{"id": null, "text": true, "source": [1, 2]}"#) == [.null, .bool(true), .array])
        #expect(try parse(#"{"id": false, "text": {"a": {"b": []}}}"#) == [.bool(false), .object, nil])
    }

    @Test func decodesEscapesUnicodeEscapesAndSurrogatePairs() throws {
        let line = #"{"text": "q\"b\\s\/ n\n t\t r\r b\b f\f \u00e9\u00C9 \u4E1C \ud83d\ude00 \u0000."}"#
        let text = try parse(line)[1]
        #expect(text == .string("q\"b\\s/ n\n t\t r\r b\u{8} f\u{C} éÉ 东 😀 \u{0}."))
    }

    @Test func passesRawUTF8Through() throws {
        #expect(try parse("{\"text\": \"Zürich — 東京 😀 \u{7F}\"}")[1] == .string("Zürich — 東京 😀 \u{7F}"))
    }

    @Test func escapesAtEveryOffsetOfAWord() throws {
        for prefix in 0..<20 {
            for suffix in 0..<12 {
                let a = String(repeating: "a", count: prefix), b = String(repeating: "b", count: suffix)
                let line = #"{"text": "\#(a)\n\#(b)é\"\#(a)\u00e9\#(b)"}"#
                #expect(try parse(line)[1] == .string("\(a)\n\(b)é\"\(a)é\(b)"), "prefix \(prefix) suffix \(suffix)")
            }
        }
    }

    @Test func escapedMemberNamesMatch() throws {
        #expect(try parse(#"{"\u0069d": "x", "t\u0065xt": "y"}"#) == [.string("x"), .string("y"), nil])
    }

    @Test func lastDuplicateMemberWinsAsInFoundation() throws {
        #expect(try parse(#"{"id": "first", "id": "second"}"#)[0] == .string("second"))
    }

    @Test func aFieldNamedTwiceGetsTheValueInBothSlots() throws {
        let values = try parse(#"{"id": "x", "text": "y"}"#, fields: ["id", "text", "id"])
        #expect(values == [.string("x"), .string("y"), .string("x")])
    }

    /// A document's body text comes as bytes, never made a String: its bytes must be those of
    /// the String the other fields get, through the kernel and through the strict scan alike,
    /// and a later member of the same name must replace it whatever its type.
    @Test(arguments: [true, false])
    func theTextSlotGivesTheBytesOfTheStringValue(usesStringKernel: Bool) throws {
        let lines = [
            #"{"id": "a", "text": "plain"}"#,
            #"{"text": "q\"b\\s\/ n\n \u00e9\u00C9 \u4E1C \ud83d\ude00 \u0000.", "id": 1}"#,
            "{\"text\": \"Zürich — 東京 😀\", \"source\": \"wire\"}",
            #"{"text": ""}"#,
            #"{"text": 17.5}"#,
            #"{"text": null}"#,
            #"{"text": ["a"]}"#,
            #"{"text": "first", "text": "second"}"#,
            #"{"text": "a string", "text": 42}"#,
            #"{"text": 42, "text": "a string"}"#,
            #"{"id": "x"}"#,
        ]
        var reference = parser
        reference.usesStringKernel = usesStringKernel
        var bytesParser = reference
        bytesParser.textSlot = 1
        for line in lines {
            let expected = try reference.parse(Array(line.utf8))
            var values = [JSONFieldValue?](repeating: nil, count: 3)
            var text: [UInt8]?
            var scratch: [UInt8] = []
            try Array(line.utf8).withUnsafeBytes { bytes in
                try bytesParser.parse(bytes, into: &values, text: &text, scratch: &scratch)
            }
            #expect(values[0] == expected[0] && values[2] == expected[2], "\(line)")
            if case .string(let string) = expected[1] {
                #expect(text == Array(string.utf8) && values[1] == nil, "\(line)")
            } else {
                #expect(text == nil && values[1] == expected[1], "\(line)")
            }
        }
    }

    @Test func acceptsArraysSlicesUTF8ViewsAndData() throws {
        let bytes = Array(#"xx{"id": "x"}yy"#.utf8)
        #expect(try parser.parse(bytes[2..<(bytes.count - 2)])[0] == .string("x"))
        #expect(try parser.parse(#"{"id": 7}"#.utf8)[0] == .number("7"))
        #expect(try parser.parse(Data(#"{"id": "d"}"#.utf8))[0] == .string("d"))
    }

    // MARK: Rejections

    struct Rejection: CustomTestStringConvertible, Sendable {
        let bytes: [UInt8]
        let message: String
        let column: Int
        init(_ line: String, _ message: String, column: Int) {
            self.init(bytes: Array(line.utf8), message, column: column)
        }
        init(bytes: [UInt8], _ message: String, column: Int) {
            self.bytes = bytes
            self.message = message
            self.column = column
        }
        var testDescription: String { String(decoding: bytes, as: UTF8.self) }
    }

    static let rejections: [Rejection] = [
        Rejection(#"{"id":"a",}"#, "trailing comma before '}'", column: 11),
        Rejection(#"{"a":[1,]}"#, "trailing comma before ']'", column: 9),
        Rejection(#"{'id':"a"}"#, "single quotes are not allowed, expected '\"' to begin a member name", column: 2),
        Rejection(#"{"id":'a'}"#, "single quotes are not allowed, expected a value", column: 7),
        Rejection(#"{"id":"a\x"}"#, "invalid escape '\\x'", column: 9),
        Rejection(#"{"id":"\U0041"}"#, "invalid escape '\\U'", column: 8),
        Rejection(#"{"id":"\u12"}"#, "invalid \\u escape, expected four hex digits", column: 8),
        Rejection(#"{"id":"\ud800"}"#, "lone surrogate \\uD800 (a high surrogate must be followed by a low one)", column: 8),
        Rejection(#"{"id":"\ud800\u0041"}"#, "lone surrogate \\uD800 (a high surrogate must be followed by a low one)", column: 8),
        Rejection(#"{"id":"x\udc00"}"#, "lone surrogate \\uDC00 (a low surrogate without a high one)", column: 9),
        Rejection("{\"id\":\"a\tb\"}", "control character U+0009 in a string must be escaped", column: 9),
        Rejection(bytes: Array(#"{"id":"a"#.utf8) + [0x00] + Array(#""}"#.utf8), "control character U+0000 in a string must be escaped", column: 9),
        Rejection(bytes: Array(#"{"id":"caf"#.utf8) + [0xE9] + Array(#""}"#.utf8), "invalid UTF-8 byte 0xE9 in a string", column: 11),
        Rejection(bytes: Array(#"{"id":""#.utf8) + [0xC0, 0xAF] + Array(#""}"#.utf8), "invalid UTF-8 byte 0xC0 in a string", column: 8),
        Rejection(bytes: Array(#"{"id":""#.utf8) + [0xED, 0xA0, 0x80] + Array(#""}"#.utf8), "invalid UTF-8 byte 0xED in a string", column: 8),
        Rejection(bytes: Array(#"{"id":""#.utf8) + [0xF4, 0x90, 0x80, 0x80] + Array(#""}"#.utf8), "invalid UTF-8 byte 0xF4 in a string", column: 8),
        Rejection(bytes: Array(#"{"id":1}"#.utf8) + [0xFF], "unexpected byte 0xFF after the JSON object", column: 9),
        Rejection(#"{"id":01}"#, "invalid number, leading zeros are not allowed", column: 8),
        Rejection(#"{"id":-}"#, "invalid number, expected a digit", column: 8),
        Rejection(#"{"id":1.}"#, "invalid number, expected a digit after '.'", column: 9),
        Rejection(#"{"id":.5}"#, "expected a value, found '.'", column: 7),
        Rejection(#"{"id":1e}"#, "invalid number, expected a digit in the exponent", column: 9),
        Rejection(#"{"id":+1}"#, "expected a value, found '+'", column: 7),
        Rejection(#"{"id":tru}"#, "invalid literal, expected 'true'", column: 7),
        Rejection(#"{"id":NaN}"#, "expected a value, found 'N'", column: 7),
        Rejection(#"{"id":1}x"#, "unexpected 'x' after the JSON object", column: 9),
        Rejection(#"{"id":1}{}"#, "unexpected '{' after the JSON object", column: 9),
        Rejection(#"{"id" 1}"#, "expected ':' after the member name", column: 7),
        Rejection(#"{"id":1 "x":2}"#, "expected ',' or '}'", column: 9),
        Rejection(#"{"a":[1 2]}"#, "expected ',' or ']'", column: 9),
        Rejection(#"{id:1}"#, "expected '\"' to begin a member name, found 'i'", column: 2),
        Rejection(#"{"a":"unterminated"#, "unterminated string", column: 19),
        Rejection(#"{"a":"#, "unexpected end of line, expected a value", column: 6),
        Rejection(#"{"#, "unexpected end of line, expected a member name", column: 2),
        Rejection(#"{"a":1"#, "unexpected end of line, expected ',' or '}'", column: 7),
        Rejection(#"[1, 2]"#, "expected '{' (a record must be a JSON object)", column: 1),
        Rejection(#""just a string""#, "expected '{' (a record must be a JSON object)", column: 1),
        Rejection(bytes: [0xEF, 0xBB, 0xBF] + Array("{}".utf8), "expected '{' (a record must be a JSON object)", column: 1),
        Rejection(#"{"é":"x",}"#, "trailing comma before '}'", column: 10),
        Rejection(#"{"skip":{"a":[1,{"b":tru}]},"id":"x"}"#, "invalid literal, expected 'true'", column: 22),
        Rejection(#"{"skip":["ok", "bad\q"]}"#, "invalid escape '\\q'", column: 20),
        Rejection("{\"a\":1,\u{A0}\"b\":2}", "expected '\"' to begin a member name, found byte 0xC2", column: 8),
    ]

    @Test(arguments: rejections)
    func rejectsWhatRFC8259Rejects(_ rejection: Rejection) {
        #expect(throws: JSONSyntaxError(rejection.message, column: rejection.column)) {
            try parser.parse(rejection.bytes)
        }
    }

    @Test func nestingLimitMatchesFoundation() throws {
        func line(depth arrays: Int) -> String {
            #"{"a":"# + String(repeating: "[", count: arrays) + String(repeating: "]", count: arrays) + "}"
        }
        let accepted = line(depth: JSONRecordParser.maximumDepth - 1)
        let rejected = line(depth: JSONRecordParser.maximumDepth)
        #expect(try parse(accepted) == [nil, nil, nil])
        #expect((try? JSONSerialization.jsonObject(with: Data(accepted.utf8))) != nil)
        #expect(throws: JSONSyntaxError("nesting deeper than 512 levels", column: 517)) { try parse(rejected) }
        #expect((try? JSONSerialization.jsonObject(with: Data(rejected.utf8))) == nil)
    }

    // MARK: Agreement with Foundation

    /// Generated lines, valid and mutated, must be accepted or rejected as
    /// JSONSerialization does, with the same decoded values. Foundation departs from
    /// RFC 8259 in two ways, which are the only differences allowed: it accepts trailing
    /// commas, and it rejects numbers a Double cannot hold.
    /// NEARDUP_FUZZ_ROUNDS sets a longer run (default 800 lines, half of them damaged).
    @Test func agreesWithJSONSerialization() throws {
        let rounds = ProcessInfo.processInfo.environment["NEARDUP_FUZZ_ROUNDS"].flatMap { Int($0) } ?? 800
        let fields = ["id", "text", "source", "publisher", "date", "title", "x", "é"]
        let parser = JSONRecordParser(fieldNames: fields)
        var generator = LineGenerator(seed: 0x5EED_0F_1DEA)
        var counts = (accepted: 0, rejected: 0, trailingCommas: 0, unrepresentable: 0)

        for round in 0..<rounds {
            var bytes = generator.object()
            for _ in 0..<(round % 4 == 3 ? 3 : round % 2) {
                generator.mutate(&bytes)
            }
            let ours = Result { () throws(JSONSyntaxError) in try parser.parse(bytes) }
            let theirs = Result { try JSONSerialization.jsonObject(with: Data(bytes)) }
            let shown = String(decoding: bytes, as: UTF8.self)

            switch (ours, theirs) {
            case (.success(let values), .success(let object)):
                let dictionary = try #require(object as? [String: Any], "Foundation parsed a non-object we accepted: \(shown)")
                for (name, value) in zip(fields, values) {
                    #expect(Self.same(value, dictionary[name]), "member \(name) of \(shown)")
                }
                counts.accepted += 1
            case (.failure(let error), .success(let object)):
                if object is [String: Any] {
                    #expect(error.message.hasPrefix("trailing comma"), "we reject, Foundation accepts: \(shown): \(error)")
                    counts.trailingCommas += 1
                } else {
                    counts.rejected += 1
                }
            case (.success, .failure(let error)):
                #expect("\(error)".contains("not representable"), "we accept, Foundation rejects: \(shown): \(error)")
                counts.unrepresentable += 1
            case (.failure, .failure):
                counts.rejected += 1
            }
        }
        #expect(counts.accepted > rounds / 2)
        #expect(counts.rejected > rounds / 4)
    }

    @Test func theTwoKnownDifferencesFromFoundation() throws {
        let trailingComma = Array(#"{"id":"a",}"#.utf8)
        #expect((try? JSONSerialization.jsonObject(with: Data(trailingComma))) != nil)
        #expect(throws: JSONSyntaxError.self) { try parser.parse(trailingComma) }
        let huge = Array(#"{"id":1e400}"#.utf8)
        #expect((try? JSONSerialization.jsonObject(with: Data(huge))) == nil)
        #expect(try parser.parse(huge)[0] == .number("1e400"))
    }

    private static func same(_ ours: JSONFieldValue?, _ theirs: Any?) -> Bool {
        switch ours {
        case nil:
            return theirs == nil
        case .string(let text)?:
            guard let other = theirs as? String else { return false }
            return Array(text.unicodeScalars) == Array(other.unicodeScalars)
        case .number(let literal)?:
            guard let number = theirs as? NSNumber, let value = Double(literal) else { return false }
            return abs(number.doubleValue - value) <= 1e-9 * max(1, abs(value))
        case .bool(let flag)?:
            return (theirs as? Bool) == flag
        case .null?:
            return theirs is NSNull
        case .array?:
            return theirs is [Any]
        case .object?:
            return theirs is [String: Any]
        }
    }

    // MARK: Throughput (opt-in)

    /// Measures MB/s on a JSONL file named by NEARDUP_BENCH_JSONL (build with -c release).
    @Test(.enabled(if: ProcessInfo.processInfo.environment["NEARDUP_BENCH_JSONL"] != nil))
    func throughput() throws {
        let path = ProcessInfo.processInfo.environment["NEARDUP_BENCH_JSONL"]!
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let megabytes = Double(data.count) / 1e6
        let lines = data.split(separator: 0x0A).map { Array($0) }
        let lineData = lines.map { Data($0) }
        let parser = JSONRecordParser(fieldNames: ["id", "text", "source", "publisher"])

        func best(_ label: String, _ body: () throws -> Int) rethrows {
            var seconds = Double.infinity
            var count = 0
            for _ in 0..<5 {
                let start = DispatchTime.now().uptimeNanoseconds
                count = try body()
                seconds = min(seconds, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            }
            print("\(label): \(count) records, \(String(format: "%.1f", megabytes / seconds)) MB/s")
        }
        try best("JSONRecordParser, lines in memory") {
            try lines.reduce(0) { count, line in try parser.parse(line)[1] == nil ? count : count + 1 }
        }
        try best("JSONLReader, file to Documents") {
            var count = 0
            try JSONLReader().forEachDocument(in: path) { _ in count += 1 }
            return count
        }
        try best("JSONSerialization, lines in memory") {
            try lineData.reduce(0) { count, line in
                let object = try JSONSerialization.jsonObject(with: line) as? [String: Any]
                return object?["text"] is String ? count + 1 : count
            }
        }
    }
}

/// Random JSON object lines and random damage to them, reproducible from a seed.
private struct LineGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    /// SplitMix64.
    private mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    private mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    private mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    private mutating func space() -> String {
        pick(["", "", "", " ", "  ", "\t", " \r ", "\n"])
    }

    mutating func object() -> [UInt8] {
        let keys = ["id", "text", "source", "publisher", "date", "title", "x", "é", "\\u0074ext", "\\u00e9", "other", "id"]
        var members: [String] = []
        for _ in 0..<(1 + below(6)) {
            members.append(space() + "\"" + pick(keys) + "\"" + space() + ":" + space() + value(depth: 0) + space())
        }
        return Array((space() + "{" + members.joined(separator: ",") + "}" + space()).utf8)
    }

    private mutating func value(depth: Int) -> String {
        switch below(depth < 3 ? 10 : 7) {
        case 0, 1, 2, 3: return string()
        case 4: return number()
        case 5: return pick(["true", "false", "null"])
        case 6: return number()
        case 7:
            let count = below(4)
            return "[" + (0..<count).map { _ in space() + value(depth: depth + 1) + space() }.joined(separator: ",") + "]"
        default:
            let count = below(4)
            return "{" + (0..<count).map { k in "\"k\(k)\":" + space() + value(depth: depth + 1) }.joined(separator: ",") + "}"
        }
    }

    private mutating func string() -> String {
        let pieces = ["plain", "words and spaces", "\\n", "\\t", "\\\"", "\\\\", "\\/", "\\b", "\\f", "\\r",
                      "é", "東京", "😀", "\u{2028}", "\u{7F}", "\\u00e9", "\\u4E1C", "\\ud83d\\ude00", "\\uD834\\uDD1E",
                      "\\u0000", "\\u001f", "0123456789abcdef", "'single'", "{[,:]}"]
        return "\"" + (0..<below(8)).map { _ in pick(pieces) }.joined() + "\""
    }

    private mutating func number() -> String {
        let sign = pick(["", "", "-"])
        let integer = pick(["0", String(below(10)), String(below(100_000)), String(next() % 10_000_000_000)])
        let fraction = pick(["", "", ".5", "." + String(below(1000)), ".000125"])
        let exponent = pick(["", "", "", "e3", "E-7", "e+12", "E0"])
        return sign + integer + fraction + exponent
    }

    /// One random edit: delete, insert, replace, truncate or duplicate.
    mutating func mutate(_ bytes: inout [UInt8]) {
        let alphabet: [UInt8] = Array(",}]{[:\"'\\01e-. x".utf8) + [0x00, 0x1F, 0x7F, 0xFF, 0xC3, 0x80, 0xED, 0xA0]
        guard !bytes.isEmpty else { return }
        let at = below(bytes.count)
        switch below(5) {
        case 0: bytes.remove(at: at)
        case 1: bytes.insert(pick(alphabet), at: at)
        case 2: bytes[at] = pick(alphabet)
        case 3: bytes.removeSubrange(at...)
        default:
            let end = min(bytes.count, at + 1 + below(6))
            bytes.insert(contentsOf: bytes[at..<end], at: at)
        }
    }
}
