import NearDup

/// A document as the stages of a distributed run pass it on, one line of tab-separated fields:
///
///     D  POSITION  GROUP  KEPT  KEYS  ID  PAYLOAD
///
/// GROUP is the source whose pages learn furniture together (`-`: none); KEPT the entries
/// left once furniture is out (0: no part in candidate search); KEYS the band keys, 16 hex
/// digits each, comma-separated (none when KEPT is 0); ID the id as a JSON string, as
/// `cluster` writes it; PAYLOAD the sketch, facts and furniture (`payload`), base64. A driver
/// reads the first six fields and passes PAYLOAD on untouched.
struct StageDocument {
    var document: IndexedDocument
    var group: UInt32?
    var keys: [UInt64]
    /// The id as a JSON string literal.
    var quotedID: String

    var keptEntries: Int { document.sketch.keptCount(leavingOut: document.furniture) }

    init(document: IndexedDocument, group: UInt32?, keys: [UInt64], quotedID: String) {
        self.document = document
        self.group = group
        self.keys = keys
        self.quotedID = quotedID
    }

    /// Reads a `D` line; `lineNumber` names it in the error.
    init(line: UnsafeRawBufferPointer, lineNumber: Int) throws(StageInputError) {
        let fields = TabFields(line, limit: 7)
        guard fields.count == 7, fields.equals(0, "D"), let position = fields.integer(1),
              let payload = Base64.decode(fields.bytes(6)),
              let document = Self.document(at: position, payload: payload),
              let keys = Self.keys(fields.bytes(4))
        else { throw StageInputError(line: lineNumber, message: "not a document line (D POSITION GROUP KEPT KEYS ID PAYLOAD)") }
        let group = fields.equals(2, "-") ? nil : fields.integer(2).flatMap(UInt32.init(exactly:))
        self.init(document: document, group: group, keys: keys, quotedID: fields.text(5))
    }

    /// Appends the line, without its line feed.
    func append(to line: inout [UInt8]) {
        let kept = keptEntries
        line.append(contentsOf: "D\t\(document.position)\t\(group.map(String.init) ?? "-")\t\(kept)\t".utf8)
        if kept > 0 {
            for (index, key) in keys.enumerated() {
                if index > 0 { line.append(UInt8(ascii: ",")) }
                for shift in stride(from: 60, through: 0, by: -4) {
                    line.append(Self.hexDigits[Int(key >> UInt64(shift) & 15)])
                }
            }
        }
        line.append(0x09)
        line.append(contentsOf: quotedID.utf8)
        line.append(0x09)
        Base64.encode(Self.payload(of: document), into: &line)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    private static func keys(_ text: UnsafeRawBufferPointer) -> [UInt64]? {
        guard !text.isEmpty else { return [] }
        var keys: [UInt64] = []
        keys.reserveCapacity(text.count / 17 + 1)
        var key: UInt64 = 0
        var digits = 0
        for byte in text {
            if byte == UInt8(ascii: ",") {
                guard digits > 0 else { return nil }
                keys.append(key)
                (key, digits) = (0, 0)
                continue
            }
            let value: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): value = byte - UInt8(ascii: "a") + 10
            default: return nil
            }
            guard digits < 16 else { return nil }
            key = key << 4 | UInt64(value)
            digits += 1
        }
        guard digits > 0 else { return nil }
        keys.append(key)
        return keys
    }

    // MARK: Payload

    private static let payloadVersion: UInt8 = 1

    /// Version, flags, facts, then the sketch's arrays and the furniture, each after its
    /// count; integers little-endian.
    static func payload(of document: IndexedDocument) -> [UInt8] {
        let (sketch, facts) = (document.sketch, document.facts)
        var writer = PayloadWriter()
        writer.bytes.reserveCapacity(64 + 4 * (sketch.signature.count + sketch.leadSignature.count + sketch.entries.count)
            + sketch.paragraphs.count + 9 * sketch.fingerprints.count + document.furniture.count)
        var flags: UInt8 = (sketch.isBundle ? 1 : 0) | (sketch.isAwayFromHeadline ? 2 : 0)
        if facts.date != nil { flags |= 4 }
        if facts.source != nil { flags |= 8 }
        writer.bytes += [payloadVersion, flags]
        if let date = facts.date {
            writer.append(date.secondsSince1970)
            writer.append(date.nanoseconds)
        }
        if let source = facts.source { writer.append(source) }
        writer.append(Int64(facts.textBytes))
        writer.append(Int64(sketch.filledBins))
        writer.append(sketch.signature)
        writer.append(sketch.leadSignature)
        writer.append(sketch.entries)
        writer.append(sketch.paragraphs)
        writer.append(UInt32(sketch.fingerprints.count))
        for fingerprint in sketch.fingerprints {
            writer.append(fingerprint.hash)
            writer.append(fingerprint.words)
            writer.bytes.append(fingerprint.paragraph)
            writer.append(fingerprint.entries)
        }
        writer.append(document.furniture)
        return writer.bytes
    }

    /// The document a payload holds; nil when it is not one this version wrote.
    static func document(at position: Int, payload: [UInt8]) -> IndexedDocument? {
        payload.withUnsafeBytes { bytes in
            var reader = PayloadReader(bytes: bytes)
            guard let version: UInt8 = reader.value(), version == payloadVersion, let flags: UInt8 = reader.value() else { return nil }
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
                  let signature: [UInt32] = reader.values(), let lead: [UInt32] = reader.values(),
                  let entries: [UInt32] = reader.values(), let paragraphs: [UInt8] = reader.values(),
                  let fingerprintCount: UInt32 = reader.value()
            else { return nil }
            var fingerprints: [ParagraphFingerprint] = []
            fingerprints.reserveCapacity(Int(fingerprintCount))
            for _ in 0..<fingerprintCount {
                guard let hash: UInt32 = reader.value(), let words: UInt16 = reader.value(),
                      let paragraph: UInt8 = reader.value(), let entryCount: UInt16 = reader.value()
                else { return nil }
                var fingerprint = ParagraphFingerprint(hash: hash, words: words, paragraph: paragraph)
                fingerprint.entries = entryCount
                fingerprints.append(fingerprint)
            }
            guard let furniture: [UInt8] = reader.values(), reader.isAtEnd else { return nil }
            let sketch = StoredSketch(
                signature: signature, leadSignature: lead, entries: entries, paragraphs: paragraphs,
                fingerprints: fingerprints, filledBins: Int(filledBins), isBundle: flags & 1 != 0, isAwayFromHeadline: flags & 2 != 0)
            return IndexedDocument(
                position: position, sketch: sketch, facts: DocumentFacts(date: date, textBytes: Int(textBytes), source: source),
                furniture: furniture)
        }
    }
}

private struct PayloadWriter {
    var bytes: [UInt8] = []

    mutating func append<Value: FixedWidthInteger>(_ value: Value) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// The count, then the values.
    mutating func append<Value: FixedWidthInteger>(_ values: [Value]) {
        append(UInt32(values.count))
        #if _endian(little)
        values.withUnsafeBytes { bytes.append(contentsOf: $0) }
        #else
        for value in values { append(value) }
        #endif
    }
}

/// Reads a payload front to back; nil once it runs short.
private struct PayloadReader {
    let bytes: UnsafeRawBufferPointer
    var offset = 0

    var isAtEnd: Bool { offset == bytes.count }

    mutating func value<Value: FixedWidthInteger>() -> Value? {
        let size = MemoryLayout<Value>.size
        guard offset + size <= bytes.count else { return nil }
        defer { offset += size }
        return Value(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: Value.self))
    }

    /// A count, then that many values.
    mutating func values<Value: FixedWidthInteger>() -> [Value]? {
        guard let count: UInt32 = value() else { return nil }
        let size = MemoryLayout<Value>.size * Int(count)
        guard offset + size <= bytes.count else { return nil }
        defer { offset += size }
        return [Value](unsafeUninitializedCapacity: Int(count)) { buffer, initialized in
            let source = UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + size)])
            #if _endian(little)
            UnsafeMutableRawBufferPointer(buffer).copyMemory(from: source)
            #else
            for index in 0..<Int(count) {
                buffer[index] = Value(littleEndian: source.loadUnaligned(fromByteOffset: index * MemoryLayout<Value>.size, as: Value.self))
            }
            #endif
            initialized = Int(count)
        }
    }
}

/// A line of a stage's input that is not what the stage reads.
struct StageInputError: Error, CustomStringConvertible {
    var line: Int
    var message: String
    var description: String { "standard input:\(line): \(message)" }
}
