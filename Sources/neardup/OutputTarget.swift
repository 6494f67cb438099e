import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where an output path leads, decided before anything is written, so that an output
/// never replaces what the user pointed at.
///
/// A regular file (or a name that does not exist yet) is replaced atomically: written under
/// a temporary name beside it and renamed over it when complete. A symbolic link is
/// followed to its target, which is replaced in its own folder, so the link stays a link.
/// Character devices, FIFOs and sockets are written in place: renaming over `/dev/null`
/// or a FIFO that a reader waits on would destroy them. `-` and `/dev/stdout` are
/// standard output itself.
enum OutputTarget: Equatable {
    case standardOutput
    /// Written as it is, never renamed over.
    case inPlace(path: String)
    /// A regular file or a new name, at the end of any symbolic links, replaced atomically.
    case replacing(path: String)

    /// Symbolic links followed at most this many times, as the kernel does (ELOOP).
    private static let linkLimit = 40

    init(path: String) throws(OutputError) {
        if ["-", "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"].contains(path) {
            self = .standardOutput
            return
        }
        let resolved = try Self.followingLinks(path)
        var info = stat()
        guard stat(resolved, &info) == 0 else {
            guard errno == ENOENT else { throw OutputError(path: path, reason: String(cString: strerror(errno))) }
            self = .replacing(path: resolved)
            return
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: self = .replacing(path: resolved)
        case S_IFDIR: throw OutputError(path: path, reason: "is a directory; name a file")
        default: self = .inPlace(path: resolved)
        }
    }

    /// The path written to, or nil for standard output.
    var path: String? {
        switch self {
        case .standardOutput: nil
        case .inPlace(let path), .replacing(let path): path
        }
    }

    /// `path` with every symbolic link along its last component followed, also when the
    /// final target does not exist yet (a dangling link names the file to create).
    static func followingLinks(_ path: String) throws(OutputError) -> String {
        var current = path
        for _ in 0..<linkLimit {
            var info = stat()
            guard lstat(current, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return current }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let count = readlink(current, &buffer, buffer.count - 1)
            guard count >= 0 else { throw OutputError(path: path, reason: String(cString: strerror(errno))) }
            let target = String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            let folder = (current as NSString).deletingLastPathComponent
            current = target.hasPrefix("/") || folder.isEmpty ? target : folder + "/" + target
        }
        throw OutputError(path: path, reason: "too many levels of symbolic links")
    }
}
