import NearDup

/// Reads chosen records of a JSONL or CSV input back as the bytes the file holds, in one
/// forward pass, for tools that copy records verbatim (a `.gz` input is decompressed
/// again on the way).
///
/// Readers give each document its `recordRange` instead of a copy of its bytes, so that
/// ordinary reading keeps no text twice; a tool that writes records out reads them back
/// here, in input order. Memory stays bounded by the longest record asked for.
package final class RecordBytesReader {
    /// The input as given.
    package let path: String
    private let input: ChunkedFileReader

    /// Opens `path` for reading back. Standard input ("-") can be read a second time only
    /// when it is a regular file (see `StandardInputSpool`); a pipe is an error.
    package init(path: String, chunkSize: Int = 1 << 20) throws {
        guard path != "-" || ChunkedFileReader.standardInputStart() != nil else {
            throw InputError("standard input cannot be read a second time; save it to a file first",
                             at: SourceLocation(file: ChunkedFileReader.standardInputName, line: 0))
        }
        self.path = path
        input = try ChunkedFileReader(path: path, chunkSize: chunkSize)
    }

    /// The bytes of `range`: a `Document.recordRange` or a `CSVReader.Header.range` of this
    /// input. Ranges must be asked for in increasing order, without overlap. When the
    /// file has become shorter since it was read, this throws an `InputError`.
    package func bytes(in range: Range<Int>) throws -> [UInt8] {
        precondition(range.lowerBound >= input.position, "record ranges must be read in increasing order")
        while input.position < range.lowerBound {
            let unread = input.unread.count
            if unread == 0 {
                guard try input.readMore() else { throw shortened(before: range.upperBound) }
                continue
            }
            input.consume(min(unread, range.lowerBound - input.position))
        }
        try input.ensureUnread(range.count)
        guard input.unread.count >= range.count else { throw shortened(before: range.upperBound) }
        let bytes = Array(UnsafeRawBufferPointer(rebasing: input.unread[..<range.count]))
        input.consume(range.count)
        return bytes
    }

    private func shortened(before offset: Int) -> InputError {
        InputError("the file ends before byte \(offset) of its records: it changed after it was read",
                   at: SourceLocation(file: input.displayName, line: 0))
    }
}
