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

    public init(id: String, text: String, source: String? = nil, date: String? = nil, origin: SourceLocation) {
        self.id = id
        self.text = text
        self.source = source
        self.date = date
        self.origin = origin
    }
}
