import NearDup
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Makes standard input readable more than once, for tools that read their input a
/// second time to copy records byte for byte.
///
/// A pipe can be read once. Its bytes are copied to a scratch file in the temporary
/// folder, which then takes the place of standard input (descriptor 0). The file's name
/// is removed at once, so nothing is left behind however the process ends; its space is
/// freed when the process exits. Standard input that is already a regular file (`< file`)
/// is read in place.
package enum StandardInputSpool {
    /// Copies standard input to a scratch file in `directory` unless it is a regular file,
    /// and returns the bytes copied (nil when nothing was copied). Call it before anything
    /// reads standard input.
    @discardableResult
    package static func spoolIfNeeded(in directory: String) throws -> Int? {
        var info = stat()
        if fstat(STDIN_FILENO, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG { return nil }
        var template = Array((directory.hasSuffix("/") ? directory : directory + "/").utf8CString.dropLast())
        template += Array("neardup-stdin.XXXXXX".utf8CString)
        let file = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard file >= 0 else { throw ScratchFileError(directory: directory, reason: lastError()) }
        _ = template.withUnsafeBufferPointer { unlink($0.baseAddress!) }
        defer { close(file) }

        let bufferSize = 1 << 20
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: bufferSize, alignment: 16)
        defer { buffer.deallocate() }
        var copied = 0
        while true {
            let n = read(STDIN_FILENO, buffer, bufferSize)
            if n < 0 {
                if errno == EINTR { continue }
                throw InputError("read failed: \(lastError())", at: SourceLocation(file: ChunkedFileReader.standardInputName, line: 0))
            }
            if n == 0 { break }
            var written = 0
            while written < n {
                let w = write(file, buffer + written, n - written)
                if w < 0 {
                    if errno == EINTR { continue }
                    throw ScratchFileError(directory: directory, reason: lastError())
                }
                written += w
            }
            copied += n
        }
        guard lseek(file, 0, SEEK_SET) == 0, dup2(file, STDIN_FILENO) == STDIN_FILENO else {
            throw ScratchFileError(directory: directory, reason: lastError())
        }
        return copied
    }

    private static func lastError() -> String {
        String(cString: strerror(errno))
    }
}
