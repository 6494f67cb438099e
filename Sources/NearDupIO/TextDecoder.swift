#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Text decoded to valid UTF-8, and how many input bytes in it were replaced with U+FFFD.
struct DecodedText: Equatable {
    var utf8: [UInt8]
    var replacedBytes = 0
}

/// Why bytes could not be decoded: what is wrong, and on which line of the text (1-based).
struct DecodingFailure: Error, Equatable {
    var message: String
    var line: Int
}

/// Turns one whole text (a file's bytes, or one record) into UTF-8 as `TextDecoding` says:
/// a byte-order mark picks the encoding of a file, the other encodings go through iconv(3)
/// of the C library, and bytes that are not valid are an error or replaced with U+FFFD.
///
/// Valid UTF-8 is only checked, never converted. One decoder serves one reading; it
/// keeps its iconv descriptors open between texts.
final class TextDecoder {
    let decoding: TextDecoding
    private var converters: [String: IconvConverter] = [:]

    init(_ decoding: TextDecoding) {
        self.decoding = decoding
    }

    /// A file's bytes as text: a byte-order mark decides the encoding (and is dropped),
    /// else `decoding.encoding`. A NUL byte outside UTF-16 means the file is binary data.
    func decodeFile(_ bytes: UnsafeRawBufferPointer) -> Result<DecodedText, DecodingFailure> {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return decode(UnsafeRawBufferPointer(rebasing: bytes[3...]), as: .utf8, checkingForBinary: true)
        }
        if let order = UTF16ByteOrder(byteOrderMarkOf: bytes) {
            return decodeUTF16(UnsafeRawBufferPointer(rebasing: bytes[2...]), order)
        }
        if decoding.encoding == .utf16 {
            return .failure(DecodingFailure(message: Self.missingByteOrderMark, line: 1))
        }
        return decode(bytes, as: decoding.encoding, checkingForBinary: true)
    }

    /// One record of an ASCII-compatible encoding (`decoding.encoding` unless `encoding`
    /// is given), without looking for a byte-order mark.
    func decodeRecord(_ bytes: UnsafeRawBufferPointer, as encoding: TextEncoding? = nil) -> Result<DecodedText, DecodingFailure> {
        decode(bytes, as: encoding ?? decoding.encoding, checkingForBinary: false)
    }

    static let missingByteOrderMark =
        "no UTF-16 byte-order mark (FF FE or FE FF) at the start: --encoding utf-16 reads UTF-16 with one"

    private func decode(_ bytes: UnsafeRawBufferPointer, as encoding: TextEncoding,
                        checkingForBinary: Bool) -> Result<DecodedText, DecodingFailure> {
        if checkingForBinary, let base = bytes.baseAddress, let nul = memchr(base, 0, bytes.count) {
            let offset = UnsafeRawPointer(nul) - base
            return .failure(DecodingFailure(message: "binary data (a NUL byte), not text; only text files are read",
                                            line: UTF8Validation.line(ofOffset: offset, in: bytes)))
        }
        switch encoding {
        case .utf8:
            guard let bad = UTF8Validation.firstInvalidOffset(in: bytes) else {
                return .success(DecodedText(utf8: Array(bytes)))
            }
            if decoding.invalidBytes == .replace {
                return .success(UTF8Validation.replacingInvalidBytes(in: bytes))
            }
            return .failure(DecodingFailure(
                message: "not valid UTF-8 (byte 0x\(Self.hex(bytes[bad]))); save the file as UTF-8 or name its encoding with --encoding",
                line: UTF8Validation.line(ofOffset: bad, in: bytes)))
        case .latin1:
            return convert(bytes, from: "ISO-8859-1", unitSize: 1, named: "latin-1")
        case .windows1252:
            return convert(bytes, from: "WINDOWS-1252", unitSize: 1, named: "windows-1252")
        case .utf16:
            return .failure(DecodingFailure(message: Self.missingByteOrderMark, line: 1))
        }
    }

    private func decodeUTF16(_ bytes: UnsafeRawBufferPointer, _ order: UTF16ByteOrder) -> Result<DecodedText, DecodingFailure> {
        convert(bytes, from: order.iconvName, unitSize: 2, named: order.name)
    }

    private func convert(_ bytes: UnsafeRawBufferPointer, from source: String, unitSize: Int,
                         named name: String) -> Result<DecodedText, DecodingFailure> {
        let converter: IconvConverter
        if let open = converters[source] {
            converter = open
        } else {
            guard let opened = IconvConverter(from: source, unitSize: unitSize) else {
                return .failure(DecodingFailure(message: "this system's iconv cannot convert from \(source)", line: 1))
            }
            converters[source] = opened
            converter = opened
        }
        switch converter.convert(bytes, replacing: decoding.invalidBytes == .replace) {
        case .success(let text):
            return .success(text)
        case .failure(let bad):
            let what = unitSize == 1
                ? "byte 0x\(Self.hex(bytes[bad.offset]))"
                : "an unpaired surrogate or a cut-off code unit at byte \(bad.offset + 2)"
            return .failure(DecodingFailure(message: "not valid \(name) (\(what))", line: bad.line))
        }
    }

    private static func hex(_ byte: UInt8) -> String {
        let text = String(byte, radix: 16, uppercase: true)
        return byte < 0x10 ? "0" + text : text
    }
}

/// The byte order a UTF-16 byte-order mark announces.
enum UTF16ByteOrder {
    case littleEndian, bigEndian

    /// The order of `bytes`' byte-order mark, or nil when they do not start with one.
    init?(byteOrderMarkOf bytes: UnsafeRawBufferPointer) {
        if bytes.starts(with: [0xFF, 0xFE]) {
            self = .littleEndian
        } else if bytes.starts(with: [0xFE, 0xFF]) {
            self = .bigEndian
        } else {
            return nil
        }
    }

    var iconvName: String { self == .littleEndian ? "UTF-16LE" : "UTF-16BE" }
    var name: String { self == .littleEndian ? "UTF-16 (little-endian)" : "UTF-16 (big-endian)" }
}

/// One iconv(3) descriptor converting to UTF-8.
final class IconvConverter {
    /// Where conversion stopped: the offset of the bad input, and its line in the text
    /// converted before it.
    struct BadInput: Error {
        var offset: Int
        var line: Int
    }

    private let descriptor: iconv_t
    /// Bytes passed over for one bad sequence when replacing: one code unit.
    let unitSize: Int

    init?(from source: String, unitSize: Int) {
        let descriptor = iconv_open("UTF-8", source)
        guard descriptor != iconv_t(bitPattern: -1), let descriptor else { return nil }
        self.descriptor = descriptor
        self.unitSize = unitSize
    }

    deinit {
        iconv_close(descriptor)
    }

    /// All of `bytes` converted; with `replacing`, each bad code unit becomes U+FFFD.
    func convert(_ bytes: UnsafeRawBufferPointer, replacing: Bool) -> Result<DecodedText, BadInput> {
        _ = iconv(descriptor, nil, nil, nil, nil)
        // One input byte never makes more than three bytes of UTF-8 (a replacement included).
        var output = [UInt8](repeating: 0, count: bytes.count * 3 + 4)
        var replaced = 0
        var produced = 0
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return .success(DecodedText(utf8: [])) }
        var consumed = 0
        while consumed < bytes.count {
            var input: UnsafeMutablePointer<CChar>? = UnsafeMutablePointer(mutating: (base + consumed).assumingMemoryBound(to: CChar.self))
            var inputLeft = bytes.count - consumed
            let (status, code, outputLeft) = output.withUnsafeMutableBytes { out -> (Int, Int32, Int) in
                var target: UnsafeMutablePointer<CChar>? = (out.baseAddress! + produced).assumingMemoryBound(to: CChar.self)
                var targetLeft = out.count - produced
                let status = iconv(descriptor, &input, &inputLeft, &target, &targetLeft)
                return (status, errno, targetLeft)
            }
            produced = output.count - outputLeft
            consumed = bytes.count - inputLeft
            if status != -1 { break }
            switch code {
            case E2BIG:
                output += [UInt8](repeating: 0, count: output.count)
            case EILSEQ, EINVAL:
                guard replacing else {
                    let line = 1 + output[..<produced].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
                    return .failure(BadInput(offset: consumed, line: line))
                }
                if output.count - produced < 3 { output += [UInt8](repeating: 0, count: 16) }
                output.replaceSubrange(produced..<(produced + 3), with: [0xEF, 0xBF, 0xBD])
                produced += 3
                let skipped = min(unitSize, bytes.count - consumed)
                consumed += skipped
                replaced += skipped
                _ = iconv(descriptor, nil, nil, nil, nil)
            default:
                return .failure(BadInput(offset: consumed, line: 1))
            }
        }
        output.removeSubrange(produced...)
        return .success(DecodedText(utf8: output, replacedBytes: replaced))
    }
}
