import Foundation
import NearDup

/// Reads a directory tree of text files, one document per file.
///
/// Every `.txt`, `.md`, `.html` and `.htm` file below the root is a document whose id is
/// its path relative to the root, with '/' separators (after `idPrefix`, which a run over
/// several folders sets to tell them apart). A `.json` file holds records instead: one
/// object, an array of objects, or one object a line, each a document with the id and
/// text of `fields`. Files are visited in byte order of their relative path, so the same
/// tree always gives the same order. Every other file is passed over and reported as a
/// `ReadNotice.skippedFile`; names starting with a dot are not looked at (version-control
/// and editor folders are not corpus). Symbolic links to files are read; links to folders
/// are not followed, so a link cycle cannot loop.
///
/// Text is decoded as `decoding` says: a byte-order mark (UTF-8 or UTF-16) wins, else the
/// encoding named; binary data (a NUL byte) is never a document.
package struct DirectoryReader: Sendable {
    /// File extensions (lowercased, without the dot) read as one document each.
    package static let documentExtensions: Set<String> = ["txt", "md", "html", "htm"]
    /// File extensions (lowercased, without the dot) read as JSON records.
    package static let recordExtensions: Set<String> = ["json"]

    /// Which members of JSON records hold the id, text, source and date.
    package var fields: FieldSelection
    /// The encoding of files without a byte-order mark, and what becomes of invalid bytes.
    package var decoding: TextDecoding

    package init(fields: FieldSelection = .init(), decoding: TextDecoding = .init()) {
        self.fields = fields
        self.decoding = decoding
    }

    /// Whether `path` names an `.html` or `.htm` file, read as a page whatever its content.
    package static func isHTMLFile(_ path: String) -> Bool {
        HTMLDetection.isHTMLFile(path)
    }

    /// Whether `path` names a file this reader takes as a document.
    package static func isDocumentFile(_ path: String) -> Bool {
        documentExtensions.contains((path as NSString).pathExtension.lowercased())
    }

    /// Whether `path` names a file this reader reads records from.
    static func isRecordFile(_ path: String) -> Bool {
        recordExtensions.contains((path as NSString).pathExtension.lowercased())
    }

    /// Calls `body` with each document file below `root`, in sorted order of relative path.
    /// The first file that is not text stops the reading with an `InputError`.
    package func forEachDocument(in root: String, _ body: (Document) throws -> Void) throws {
        try forEachDocument(in: root, onInvalid: { throw $0 }, body)
    }

    /// Calls `body` with each document below `root`, in sorted order of relative path, and
    /// `onInvalid` with the error of each file that is not text (binary data, bytes not valid
    /// in its encoding) or bad JSON record; that file or record is then skipped. `onInvalid`
    /// may throw to stop. A folder or file that cannot be listed or read is thrown.
    /// `onNotice` hears of files passed over and of replaced bytes. Ids of files start with
    /// `idPrefix`.
    package func forEachDocument(in root: String, idPrefix: String = "", onInvalid: (InputError) throws -> Void,
                                onNotice: (ReadNotice) throws -> Void = { _ in },
                                _ body: (Document) throws -> Void) throws {
        var relativePaths: [String] = []
        var skipped: [String] = []
        try collectDocumentFiles(in: root, prefix: "", into: &relativePaths, skipping: &skipped)
        for path in skipped.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            try onNotice(.skippedFile(path: Self.joined(root, path)))
        }
        relativePaths.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        for relativePath in relativePaths {
            let path = Self.joined(root, relativePath)
            if Self.isRecordFile(relativePath) {
                try JSONLReader(fields: fields, decoding: decoding).forEachDocument(in: path, onInvalid: onInvalid, onNotice: onNotice, body)
                continue
            }
            switch try load(at: path, id: idPrefix + relativePath) {
            case .success(let (document, replacedBytes)):
                if replacedBytes > 0 { try onNotice(.replacedBytes(count: replacedBytes, at: document.origin)) }
                try body(document)
            case .failure(let error):
                try onInvalid(error)
            }
        }
    }

    /// One file as one document with the given id. The text must be valid in its
    /// encoding; a leading byte-order mark is dropped.
    package func readFile(at path: String, id: String) throws -> Document {
        try load(at: path, id: id).get().document
    }

    /// The file as a document and how many of its bytes were replaced with U+FFFD, or
    /// why its content is not a document; throws when the file cannot be read at all.
    func load(at path: String, id: String) throws(InputError) -> Result<(document: Document, replacedBytes: Int), InputError> {
        var data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw InputError("cannot read: \(Self.reason(error))", at: SourceLocation(file: path, line: 0))
        }
        if data.starts(with: [0x1F, 0x8B]) {
            // Gzip data, whatever the name: the text is what it decompresses to.
            let input = try ChunkedFileReader(path: path)
            do {
                while try input.readMore(line: 1) {}
            } catch {
                return .failure(error)
            }
            // UTF-16 inside was decoded on the way: say so with a UTF-8 byte-order mark.
            data = Data((input.isDecodedFromUTF16 ? [0xEF, 0xBB, 0xBF] : []) + Array(input.unread))
        }
        let decoded = data.withUnsafeBytes { TextDecoder(decoding).decodeFile($0) }
        switch decoded {
        case .success(let text):
            let document = Document(id: id, validUTF8Text: text.utf8, origin: SourceLocation(file: path, line: 0))
            return .success((document, text.replacedBytes))
        case .failure(let failure):
            return .failure(InputError(failure.message, at: SourceLocation(file: path, line: failure.line)))
        }
    }

    private func collectDocumentFiles(in root: String, prefix: String, into paths: inout [String], skipping skipped: inout [String]) throws {
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
                try collectDocumentFiles(in: root, prefix: relativePath, into: &paths, skipping: &skipped)
            case .typeRegular?, .typeSymbolicLink?:
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: fullPath, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
                if Self.isDocumentFile(name) || Self.isRecordFile(name) {
                    paths.append(relativePath)
                } else {
                    skipped.append(relativePath)
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
