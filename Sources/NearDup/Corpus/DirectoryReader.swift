import Foundation

/// Reads a directory tree of text files, one document per file.
///
/// Every `.txt`, `.md`, `.html` and `.htm` file below the root is a document whose id is
/// its path relative to the root, with '/' separators. Files are visited in byte order of
/// that path, so the same tree always gives the same order. Names starting with a dot are
/// skipped (version-control and editor folders are not corpus). Symbolic links to files
/// are read; links to folders are not followed, so a link cycle cannot loop. A file must
/// be UTF-8 text: binary data (a NUL byte), UTF-16 and other encodings are errors.
public struct DirectoryReader: Sendable {
    /// File extensions (lowercased, without the dot) read as documents.
    public static let documentExtensions: Set<String> = ["txt", "md", "html", "htm"]

    public init() {}

    /// Whether `path` names an `.html` or `.htm` file, read as a page whatever its content.
    public static func isHTMLFile(_ path: String) -> Bool {
        let pathExtension = (path as NSString).pathExtension.lowercased()
        return pathExtension == "html" || pathExtension == "htm"
    }

    /// Whether `path` names a file this reader takes as a document.
    public static func isDocumentFile(_ path: String) -> Bool {
        documentExtensions.contains((path as NSString).pathExtension.lowercased())
    }

    /// Calls `body` with each document file below `root`, in sorted order of relative path.
    /// The first file that is not UTF-8 text stops the reading with an `InputError`.
    public func forEachDocument(in root: String, _ body: (Document) throws -> Void) throws {
        try forEachDocument(in: root, onInvalid: { throw $0 }, body)
    }

    /// Calls `body` with each document file below `root`, in sorted order of relative path,
    /// and `onInvalid` with the error of each file that is not UTF-8 text (binary data,
    /// UTF-16, another encoding); that file is then skipped. `onInvalid` may throw to
    /// stop. A folder or file that cannot be listed or read is thrown.
    public func forEachDocument(in root: String, onInvalid: (InputError) throws -> Void,
                                _ body: (Document) throws -> Void) throws {
        var relativePaths: [String] = []
        try collectDocumentFiles(in: root, prefix: "", into: &relativePaths)
        relativePaths.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        for relativePath in relativePaths {
            switch try load(at: Self.joined(root, relativePath), id: relativePath) {
            case .success(let document): try body(document)
            case .failure(let error): try onInvalid(error)
            }
        }
    }

    /// One file as one document with the given id. The text must be UTF-8; a leading
    /// byte-order mark is dropped.
    public func readFile(at path: String, id: String) throws -> Document {
        try load(at: path, id: id).get()
    }

    /// The file as a document, or why its content is not a document; throws when the
    /// file cannot be read at all.
    func load(at path: String, id: String) throws(InputError) -> Result<Document, InputError> {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw InputError("cannot read: \(Self.reason(error))", at: SourceLocation(file: path, line: 0))
        }
        return data.withUnsafeBytes { bytes -> Result<Document, InputError> in
            var body = bytes
            if body.starts(with: [0xEF, 0xBB, 0xBF]) {
                body = UnsafeRawBufferPointer(rebasing: body[3...])
            }
            if let problem = Self.textProblem(in: body) {
                let line = UTF8Validation.line(ofOffset: problem.offset, in: body)
                return .failure(InputError(problem.message, at: SourceLocation(file: path, line: line)))
            }
            let text = String(decoding: body, as: UTF8.self)
            return .success(Document(id: id, text: text, origin: SourceLocation(file: path, line: 0)))
        }
    }

    /// Why `bytes` are not UTF-8 text, and where, or nil when they are.
    private static func textProblem(in bytes: UnsafeRawBufferPointer) -> (offset: Int, message: String)? {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let mark = bytes[0] == 0xFF ? "FF FE" : "FE FF"
            return (0, "UTF-16 text (byte-order mark \(mark)); save the file as UTF-8")
        }
        if let base = bytes.baseAddress, let nul = memchr(base, 0, bytes.count) {
            return (UnsafeRawPointer(nul) - base, "binary data (a NUL byte), not text; only UTF-8 text files are read")
        }
        if let bad = UTF8Validation.firstInvalidOffset(in: bytes) {
            return (bad, "not valid UTF-8 (byte 0x\(String(bytes[bad], radix: 16, uppercase: true))); save the file as UTF-8")
        }
        return nil
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
