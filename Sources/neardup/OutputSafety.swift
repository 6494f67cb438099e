import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Refuses, before anything is read, a run whose output would overwrite one of its inputs
/// or another of its outputs. Files are compared by device and inode, so a symbolic link, a
/// hard link or another spelling of an input's path is caught too; an output inside an input
/// folder is refused because a later run would read it as a document.
enum OutputSafety {
    struct NamedOutput {
        var option: String
        var path: String
    }

    static func check(outputs: [NamedOutput], inputs: [String]) throws(ValidationError) {
        let named = outputs.filter { (try? OutputTarget(path: $0.path)) != .standardOutput }
        let places = named.map { FilePlace(path: $0.path) }
        for (output, place) in zip(named, places) {
            for input in inputs where input != "-" {
                let source = FilePlace(path: input)
                if let identity = place.identity, identity == source.identity {
                    throw ValidationError("\(output.option) \(output.path) is the input \(input) (the same file): the input would be overwritten; write the output elsewhere")
                }
                if source.isDirectory, let folder = source.canonicalPath, place.canonicalPath?.hasPrefix(folder + "/") == true {
                    throw ValidationError("\(output.option) \(output.path) lies inside the input folder \(input): write the output elsewhere")
                }
            }
        }
        for first in named.indices {
            for second in named.indices where second > first {
                let (a, b) = (places[first], places[second])
                if (a.identity != nil && a.identity == b.identity) || (a.canonicalPath != nil && a.canonicalPath == b.canonicalPath) {
                    throw ValidationError("\(named[first].option) and \(named[second].option) name the same file (\(named[second].path)): give each its own")
                }
            }
        }
    }

    /// A path as the file system sees it: the file's identity when it exists, and its
    /// absolute path with every symbolic link resolved.
    private struct FilePlace {
        var identity: FileIdentity?
        var isDirectory = false
        var canonicalPath: String?

        init(path: String) {
            var info = stat()
            if stat(path, &info) == 0 {
                identity = FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
                isDirectory = info.st_mode & S_IFMT == S_IFDIR
            }
            let followed = (try? OutputTarget.followingLinks(path)) ?? path
            if let resolved = Self.realPath(followed) {
                canonicalPath = resolved
            } else {
                let url = URL(fileURLWithPath: followed)
                canonicalPath = Self.realPath(url.deletingLastPathComponent().path).map { $0 + "/" + url.lastPathComponent }
            }
        }

        private static func realPath(_ path: String) -> String? {
            guard let resolved = realpath(path, nil) else { return nil }
            defer { free(resolved) }
            return String(cString: resolved)
        }
    }

    private struct FileIdentity: Equatable {
        var device: UInt64
        var inode: UInt64
    }
}
