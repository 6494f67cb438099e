import NearDup

/// Something a reader met that is neither a document nor a bad record, but that the
/// run's summary must tell: what was changed or passed over is never lost silently.
public enum ReadNotice: Sendable, Equatable {
    /// A document's text held `count` bytes that were not valid in its encoding, each
    /// replaced with U+FFFD (`InvalidTextPolicy.replace`).
    case replacedBytes(count: Int, at: SourceLocation)
    /// A file below a directory input that is not read as a document (by its extension).
    case skippedFile(path: String)
    /// A `.json` file was read as one JSON document (an object, or an array of objects)
    /// rather than as JSON Lines: its records may span lines.
    case jsonDocument(path: String)
}
