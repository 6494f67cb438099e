import Foundation
import NearDup

/// How an input path is read, decided from the path alone.
package enum InputFormat: Sendable, Hashable {
    /// One JSON object a line (`.jsonl`, `.ndjson`, `.json`, and standard input unless told
    /// otherwise; gzipped as `.jsonl.gz`, `.ndjson.gz`, `.json.gz`). A `.json` file may
    /// also hold one JSON document: an object, or an array of objects.
    case jsonLines
    /// CSV with a header row (`.csv`, gzipped `.csv.gz`).
    case csv
    /// A directory tree of text files.
    case directory
    /// One text file as one document (`.txt`, `.md`, `.html`, `.htm`).
    case textFile

    /// The format of `path`: "-" is standard input, read as `standardInput` (JSONL unless
    /// told otherwise), an existing directory is a tree, else the extension decides (before
    /// a final `.gz`, which `InputCompression` reports). A path that does not exist, or
    /// whose extension is not one of these, is an error naming it.
    package init(path: String, standardInput: InputFormat = .jsonLines) throws(InputError) {
        let location = SourceLocation(file: path, line: 0)
        if path == "-" {
            self = standardInput
            return
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError("no such file or directory", at: location)
        }
        if isDirectory.boolValue {
            self = .directory
            return
        }
        if InputCompression(path: path) == .gzip {
            let inner = ((path as NSString).deletingPathExtension as NSString).pathExtension.lowercased()
            switch inner {
            case "jsonl", "ndjson", "json":
                self = .jsonLines
            case "csv":
                self = .csv
            default:
                let found = inner.isEmpty ? "a .gz file" : "a .\(inner).gz file"
                throw InputError("unsupported input (\(found)): gzip is read for .jsonl.gz, .ndjson.gz, .json.gz and .csv.gz", at: location)
            }
            return
        }
        switch (path as NSString).pathExtension.lowercased() {
        case "jsonl", "ndjson", "json":
            self = .jsonLines
        case "csv":
            self = .csv
        case let ext where DirectoryReader.documentExtensions.contains(ext):
            self = .textFile
        case let ext:
            let found = ext.isEmpty ? "a file without an extension" : "a .\(ext) file"
            throw InputError("unsupported input (\(found)): expected a directory, .jsonl/.ndjson/.json, .csv, .txt/.md/.html/.htm, or - for standard input", at: location)
        }
    }
}

/// Whether an input file is compressed, as its name says: a `.gz` ending means gzip. (Gzip
/// data is also recognised by its signature, 1F 8B, whatever the name, when it is read.)
package enum InputCompression: Sendable, Hashable {
    case none
    case gzip

    package init(path: String) {
        self = path != "-" && path.lowercased().hasSuffix(".gz") ? .gzip : .none
    }
}
