/// One text of an archive, with the few fields NearDup reports on.
public struct Document: Sendable, Equatable {
    /// The identifier the user knows the document by (a JSONL/CSV field or a relative path).
    public var id: String
    /// The body text as read, before normalisation, as valid UTF-8: how the pipeline reads
    /// it, so a reader that has checked the bytes hands them over without making a String.
    public private(set) var utf8Text: [UInt8]
    /// The body text as read, before normalisation.
    public var text: String {
        get { String(decoding: utf8Text, as: UTF8.self) }
        set { utf8Text = Array(newValue.utf8) }
    }
    /// Publisher or source field, when the input names one.
    public var source: String?
    /// Publication date as the input spells it, when it names one; read into a
    /// `PublicationDate` where the document enters the pipeline, whatever set it.
    public var date: String?
    /// The web address the input gives for it, when one is asked for (`FieldSelection.url`).
    public var url: String?
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
        self.init(id: id, validUTF8Text: Array(text.utf8), source: source, date: date, origin: origin, recordRange: recordRange)
    }

    /// `validUTF8Text` must be valid UTF-8 (as the JSON reader's own check leaves it).
    package init(id: String, validUTF8Text: [UInt8], source: String? = nil, date: String? = nil, origin: SourceLocation,
         recordRange: Range<Int>? = nil) {
        self.id = id
        self.utf8Text = validUTF8Text
        self.source = source
        self.date = date
        self.origin = origin
        self.recordRange = recordRange
    }

    public static func == (lhs: Document, rhs: Document) -> Bool {
        lhs.id == rhs.id && lhs.utf8Text == rhs.utf8Text && lhs.source == rhs.source && lhs.date == rhs.date
            && lhs.url == rhs.url && lhs.origin == rhs.origin
    }
}

extension Document {
    /// Who published the document: its source field, or for a file read from a folder tree
    /// the first folder of its id (a site's folder); nil when neither says.
    public var publisher: String? {
        if let source, !source.isEmpty { return source }
        guard recordRange == nil, let slash = id.firstIndex(of: "/") else { return nil }
        return String(id[..<slash])
    }
}
