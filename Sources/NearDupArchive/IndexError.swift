/// Why an index command could not be done. The index is left as its last completed command
/// left it whatever the error.
public enum IndexError: Error, Equatable, CustomStringConvertible {
    /// The folder holds no index, or a file that is not one.
    case notAnIndex(path: String, reason: String)
    /// The index was written by a newer NearDup (or a format this one does not read).
    case unsupportedFormat(path: String, version: Int)
    /// Options that decide clusters differ from the ones the index was built with.
    case optionsDiffer(path: String, differences: [String])
    /// A document of this id is indexed with a different text (see `NearDupIndex.add`'s `replacing`).
    case differentText(id: String)
    /// The store failed (disk full, a file that cannot be written, a lock held too long).
    case store(path: String, message: String)

    public var description: String {
        switch self {
        case .notAnIndex(let path, let reason):
            return "\(path): not a NearDup index (\(reason))"
        case .unsupportedFormat(let path, let version):
            return "\(path): index format \(version) is not one this NearDup reads (it reads format \(IndexSchema.formatVersion))"
        case .optionsDiffer(let path, let differences):
            return "\(path): the index was built with other options, which decide its clusters: "
                + differences.joined(separator: "; ") + " (leave them out to use the index's own)"
        case .differentText(let id):
            return "document \"\(id)\" is already in the index with a different text (--replace replaces it)"
        case .store(let path, let message):
            return "\(path): \(message)"
        }
    }
}
