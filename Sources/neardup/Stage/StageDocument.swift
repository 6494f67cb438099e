import Foundation
import NearDup
import NearDupArchive

/// A document as the stages of a distributed run pass it on, one line of tab-separated fields:
///
///     D  POSITION  GROUP  KEPT  KEYS  ID  PAYLOAD
///
/// GROUP is the source whose pages learn furniture together (`-`: none); KEPT the entries
/// left once furniture is out (0: no part in candidate search); KEYS the band keys, 16 hex
/// digits each, comma-separated; ID the id as a JSON string, as `cluster` writes it; PAYLOAD
/// the sketch, facts and furniture (`payload`), base64. The driver reads the first six fields
/// and passes PAYLOAD on untouched.
struct StageDocument {
    var document: IndexedDocument
    var group: UInt32?
    var keys: [UInt64]
    /// The id as a JSON string literal.
    var quotedID: String

    var keptEntries: Int { document.sketch.keptCount(leavingOut: document.furniture) }

    /// The line, without its line feed.
    var line: String {
        let keyText = keptEntries > 0 ? keys.map(Self.hex).joined(separator: ",") : ""
        return ["D", String(document.position), group.map(String.init) ?? "-", String(keptEntries), keyText, quotedID,
                Self.payload(of: document).base64EncodedString()].joined(separator: "\t")
    }

    init(document: IndexedDocument, group: UInt32?, keys: [UInt64], quotedID: String) {
        self.document = document
        self.group = group
        self.keys = keys
        self.quotedID = quotedID
    }

    /// Reads a `D` line; `lineNumber` names it in the error.
    init(line: Substring, lineNumber: Int) throws(StageInputError) {
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
        guard fields.count == 7, fields[0] == "D", let position = Int(fields[1]),
              let payload = Data(base64Encoded: String(fields[6])),
              let document = Self.document(at: position, payload: payload)
        else { throw StageInputError(line: lineNumber, message: "not a document line (D POSITION GROUP KEPT KEYS ID PAYLOAD)") }
        let keys = fields[4].isEmpty ? [] : fields[4].split(separator: ",").compactMap { UInt64($0, radix: 16) }
        self.init(document: document, group: fields[2] == "-" ? nil : UInt32(fields[2]), keys: keys, quotedID: String(fields[5]))
    }

    private static func hex(_ key: UInt64) -> String {
        let digits = String(key, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    // MARK: Payload

    private static let payloadVersion: UInt8 = 1

    /// Version, flags, facts, then the sketch's arrays and the furniture, each after its count.
    static func payload(of document: IndexedDocument) -> Data {
        let (sketch, facts) = (document.sketch, document.facts)
        var data = Data([payloadVersion])
        var flags: UInt8 = (sketch.isBundle ? 1 : 0) | (sketch.isAwayFromHeadline ? 2 : 0)
        if facts.date != nil { flags |= 4 }
        if facts.source != nil { flags |= 8 }
        data.append(flags)
        if let date = facts.date {
            data += SketchCoding.data([date.secondsSince1970])
            data += SketchCoding.data([date.nanoseconds])
        }
        if let source = facts.source { data += SketchCoding.data([source]) }
        data += SketchCoding.data([Int64(facts.textBytes), Int64(sketch.filledBins)])
        func section(_ count: Int, _ bytes: Data) {
            data += SketchCoding.data([UInt32(count)])
            data += bytes
        }
        section(sketch.signature.count, SketchCoding.data(sketch.signature))
        section(sketch.leadSignature.count, SketchCoding.data(sketch.leadSignature))
        section(sketch.entries.count, SketchCoding.data(sketch.entries))
        section(sketch.paragraphs.count, Data(sketch.paragraphs))
        section(sketch.fingerprints.count, SketchCoding.data(sketch.fingerprints))
        section(document.furniture.count, Data(document.furniture))
        return data
    }

    /// The document a payload holds; nil when it is not one this version wrote.
    static func document(at position: Int, payload data: Data) -> IndexedDocument? {
        var reader = PayloadReader(data: data)
        guard reader.bytes(1).first == payloadVersion, let flags = reader.bytes(1).first else { return nil }
        var date: PublicationDate?
        if flags & 4 != 0 {
            guard let seconds: Int64 = reader.value(), let nanoseconds: Int32 = reader.value() else { return nil }
            date = PublicationDate(secondsSince1970: seconds, nanoseconds: nanoseconds)
        }
        var source: UInt32?
        if flags & 8 != 0 {
            guard let value: UInt32 = reader.value() else { return nil }
            source = value
        }
        guard let textBytes: Int64 = reader.value(), let filledBins: Int64 = reader.value(),
              let signature: [UInt32] = reader.values(width: 4), let lead: [UInt32] = reader.values(width: 4),
              let entries: [UInt32] = reader.values(width: 4), let paragraphs: [UInt8] = reader.values(width: 1),
              let fingerprints = reader.section(width: 9).map(SketchCoding.fingerprints),
              let furniture: [UInt8] = reader.values(width: 1), reader.isAtEnd
        else { return nil }
        let sketch = StoredSketch(
            signature: signature, leadSignature: lead, entries: entries, paragraphs: paragraphs,
            fingerprints: fingerprints, filledBins: Int(filledBins), isBundle: flags & 1 != 0, isAwayFromHeadline: flags & 2 != 0)
        return IndexedDocument(
            position: position, sketch: sketch, facts: DocumentFacts(date: date, textBytes: Int(textBytes), source: source),
            furniture: furniture)
    }
}

/// Reads a payload front to back; nil once it runs short.
private struct PayloadReader {
    let data: Data
    var offset = 0

    init(data: Data) {
        self.data = data
    }

    var isAtEnd: Bool { offset == data.count }

    mutating func bytes(_ count: Int) -> Data {
        guard count >= 0, offset + count <= data.count else {
            offset = data.count + 1
            return Data()
        }
        defer { offset += count }
        return data.subdata(in: (data.startIndex + offset)..<(data.startIndex + offset + count))
    }

    mutating func value<Value: FixedWidthInteger>() -> Value? {
        let raw = bytes(MemoryLayout<Value>.size)
        return raw.count == MemoryLayout<Value>.size ? SketchCoding.values(raw, as: Value.self).first : nil
    }

    /// A section: its count, then that many items of `width` bytes.
    mutating func section(width: Int) -> Data? {
        guard let count: UInt32 = value() else { return nil }
        let raw = bytes(Int(count) * width)
        return raw.count == Int(count) * width ? raw : nil
    }

    mutating func values<Value: FixedWidthInteger>(width: Int) -> [Value]? {
        section(width: width).map { SketchCoding.values($0, as: Value.self) }
    }
}

/// A line of a stage's input that is not what the stage reads.
struct StageInputError: Error, CustomStringConvertible {
    var line: Int
    var message: String
    var description: String { "standard input:\(line): \(message)" }
}
