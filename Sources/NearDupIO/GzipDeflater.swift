import CZlib

/// Why a gzip stream cannot be written.
package struct GzipDeflateError: Error, Sendable, Equatable {
    package var message: String
}

/// Compresses bytes into one gzip member through zlib, a piece at a time, so an output of
/// any size is compressed with a fixed amount of memory. What `compress` and `finish` return
/// is to be written in order; together they are a file `gzip -d` reads.
package final class GzipDeflater {
    private let stream: UnsafeMutablePointer<z_stream>
    private var output: [UInt8]
    private var finished = false

    /// zlib's level 6, its own default: most of level 9's ratio at several times its speed.
    package init(level: Int32 = 6) throws(GzipDeflateError) {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        output = [UInt8](repeating: 0, count: 1 << 16)
        let status = neardup_deflate_init_gzip(stream, level)
        guard status == Z_OK else {
            stream.deinitialize(count: 1)
            stream.deallocate()
            throw GzipDeflateError(message: "cannot start gzip compression (zlib error \(status))")
        }
    }

    deinit {
        deflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    /// The compressed bytes that `bytes` make available so far (often none: zlib holds back
    /// what it has not yet compressed).
    package func compress(_ bytes: [UInt8]) throws(GzipDeflateError) -> [UInt8] {
        precondition(!finished, "compress after finish")
        return try run(bytes, flush: Z_NO_FLUSH)
    }

    /// The rest of the stream: what zlib held back and the gzip trailer.
    package func finish() throws(GzipDeflateError) -> [UInt8] {
        precondition(!finished, "finish called twice")
        finished = true
        return try run([], flush: Z_FINISH)
    }

    private func run(_ bytes: [UInt8], flush: Int32) throws(GzipDeflateError) -> [UInt8] {
        var compressed: [UInt8] = []
        var status: Int32 = Z_OK
        bytes.withUnsafeBufferPointer { input in
            stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
            stream.pointee.avail_in = UInt32(input.count)
            repeat {
                output.withUnsafeMutableBufferPointer { out in
                    stream.pointee.next_out = out.baseAddress
                    stream.pointee.avail_out = UInt32(out.count)
                    status = deflate(stream, flush)
                    compressed.append(contentsOf: out[0..<(out.count - Int(stream.pointee.avail_out))])
                }
            } while status == Z_OK && (stream.pointee.avail_out == 0 || stream.pointee.avail_in > 0 || flush == Z_FINISH)
            stream.pointee.next_in = nil
        }
        let expected = flush == Z_FINISH ? Z_STREAM_END : Z_OK
        guard status == expected || (status == Z_BUF_ERROR && flush != Z_FINISH) else {
            throw GzipDeflateError(message: "gzip compression failed (zlib error \(status))")
        }
        return compressed
    }
}
