/// One text of an archive, with the few fields NearDup reports on.
public struct Document: Sendable, Equatable {
    /// The identifier the user knows the document by (a JSONL/CSV field or a relative path).
    public var id: String
    /// The body text as read, before normalisation.
    public var text: String
    /// Publisher or source field, when the input names one.
    public var source: String?
    /// Publication date field, when the input names one (compared as text: ISO 8601 sorts correctly).
    public var date: String?
    /// Where the document was read from, for messages and for re-reading.
    public var origin: SourceLocation
    /// Where the record's bytes lie in its input file, as byte offsets into the
    /// uncompressed stream, line terminator included (the last record of a file may have
    /// none): what `RecordBytesReader` reads back to copy a record verbatim. Nil for a
    /// document that is a whole file (`origin.file` is then that file).
    ///
    /// Not part of equality: for a given input it follows from `origin`.
    public var recordRange: Range<Int>?

    public init(id: String, text: String, source: String? = nil, date: String? = nil, origin: SourceLocation,
                recordRange: Range<Int>? = nil) {
        self.id = id
        self.text = text
        self.source = source
        self.date = date
        self.origin = origin
        self.recordRange = recordRange
    }

    public static func == (lhs: Document, rhs: Document) -> Bool {
        lhs.id == rhs.id && lhs.text == rhs.text && lhs.source == rhs.source && lhs.date == rhs.date
            && lhs.origin == rhs.origin
    }
}
