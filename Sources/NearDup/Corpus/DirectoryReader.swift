import Foundation

/// Reads a directory tree of text files, one document per file.
///
/// Every `.txt`, `.md`, `.html` and `.htm` file below the root is a document whose id is
/// its path relative to the root, with '/' separators. Files are visited in byte order of
/// that path, so the same tree always gives the same order. Names starting with a dot are
/// skipped (version-control and editor folders are not corpus). Symbolic links to files
/// are read; links to folders are not followed, so a link cycle cannot loop.
public struct DirectoryReader: Sendable {
    /// File extensions (lowercased, without the dot) read as documents.
    public static let documentExtensions: Set<String> = ["txt", "md", "html", "htm"]

    public init() {}

    /// Whether `path` names a file this reader takes as a document.
    public static func isDocumentFile(_ path: String) -> Bool {
        documentExtensions.contains((path as NSString).pathExtension.lowercased())
    }

    /// Calls `body` with each document file below `root`, in sorted order of relative path.
    public func forEachDocument(in root: String, _ body: (Document) throws -> Void) throws {
        var relativePaths: [String] = []
        try collectDocumentFiles(in: root, prefix: "", into: &relativePaths)
        relativePaths.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        for relativePath in relativePaths {
            try body(try readFile(at: Self.joined(root, relativePath), id: relativePath))
        }
    }

    /// One file as one document with the given id. The text must be UTF-8; a leading
    /// byte-order mark is dropped.
    public func readFile(at path: String, id: String) throws -> Document {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw InputError("cannot read: \(Self.reason(error))", at: SourceLocation(file: path, line: 0))
        }
        let text = try data.withUnsafeBytes { bytes throws(InputError) -> String in
            var body = bytes
            if body.starts(with: [0xEF, 0xBB, 0xBF]) {
                body = UnsafeRawBufferPointer(rebasing: body[3...])
            }
            if let bad = UTF8Validation.firstInvalidOffset(in: body) {
                let line = UTF8Validation.line(ofOffset: bad, in: body)
                throw InputError("not valid UTF-8 (byte 0x\(String(body[bad], radix: 16, uppercase: true))); save the file as UTF-8", at: SourceLocation(file: path, line: line))
            }
            return String(decoding: body, as: UTF8.self)
        }
        return Document(id: id, text: text, origin: SourceLocation(file: path, line: 0))
    }

    private func collectDocumentFiles(in root: String, prefix: String, into paths: inout [String]) throws {
        let directory = Self.joined(root, prefix)
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw InputError("cannot list directory: \(Self.reason(error))", at: SourceLocation(file: directory, line: 0))
        }
        for name in names where !name.hasPrefix(".") {
            let relativePath = prefix.isEmpty ? name : prefix + "/" + name
            let fullPath = Self.joined(root, relativePath)
            let type = (try? FileManager.default.attributesOfItem(atPath: fullPath)[.type]) as? FileAttributeType
            switch type {
            case .typeDirectory?:
                try collectDocumentFiles(in: root, prefix: relativePath, into: &paths)
            case .typeRegular?, .typeSymbolicLink?:
                var isDirectory: ObjCBool = false
                if Self.isDocumentFile(name),
                   FileManager.default.fileExists(atPath: fullPath, isDirectory: &isDirectory), !isDirectory.boolValue {
                    paths.append(relativePath)
                }
            default:
                continue
            }
        }
    }

    private static func joined(_ root: String, _ relativePath: String) -> String {
        if relativePath.isEmpty { return root }
        return root.hasSuffix("/") ? root + relativePath : root + "/" + relativePath
    }

    private static func reason(_ error: any Error) -> String {
        let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
        if let underlying, underlying.domain == NSPOSIXErrorDomain, let code = POSIXErrorCode(rawValue: Int32(underlying.code)) {
            return String(cString: strerror(code.rawValue))
        }
        return error.localizedDescription
    }
}
