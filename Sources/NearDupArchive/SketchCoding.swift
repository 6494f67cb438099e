import Foundation
import NearDup

/// How sketches lie in the store's blobs: arrays of fixed-width integers, little-endian,
/// back to back; a fingerprint as its hash, words, paragraph and entries (9 bytes).
package enum SketchCoding {
    package static func data<Value: FixedWidthInteger>(_ values: [Value]) -> Data {
        #if _endian(little)
        return values.withUnsafeBytes { Data($0) }
        #else
        var data = Data(capacity: values.count * MemoryLayout<Value>.size)
        for value in values { withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) } }
        return data
        #endif
    }

    package static func values<Value: FixedWidthInteger>(_ data: Data, as: Value.Type = Value.self) -> [Value] {
        data.withUnsafeBytes { values($0) }
    }

    package static func values<Value: FixedWidthInteger>(_ raw: UnsafeRawBufferPointer, as: Value.Type = Value.self) -> [Value] {
        let count = raw.count / MemoryLayout<Value>.size
        return [Value](unsafeUninitializedCapacity: count) { buffer, initialized in
            for index in 0..<count {
                buffer[index] = Value(littleEndian: raw.loadUnaligned(fromByteOffset: index * MemoryLayout<Value>.size, as: Value.self))
            }
            initialized = count
        }
    }

    package static func data(_ fingerprints: [ParagraphFingerprint]) -> Data {
        var data = Data(capacity: fingerprints.count * 9)
        for fingerprint in fingerprints {
            withUnsafeBytes(of: fingerprint.hash.littleEndian) { data.append(contentsOf: $0) }
            withUnsafeBytes(of: fingerprint.words.littleEndian) { data.append(contentsOf: $0) }
            data.append(fingerprint.paragraph)
            withUnsafeBytes(of: fingerprint.entries.littleEndian) { data.append(contentsOf: $0) }
        }
        return data
    }

    package static func fingerprints(_ data: Data) -> [ParagraphFingerprint] {
        data.withUnsafeBytes { fingerprints($0) }
    }

    package static func fingerprints(_ raw: UnsafeRawBufferPointer) -> [ParagraphFingerprint] {
        (0..<(raw.count / 9)).map { index in
            let start = index * 9
            var fingerprint = ParagraphFingerprint(
                hash: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: start, as: UInt32.self)),
                words: UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: start + 4, as: UInt16.self)),
                paragraph: raw[start + 6])
            fingerprint.entries = UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: start + 7, as: UInt16.self))
            return fingerprint
        }
    }
}
