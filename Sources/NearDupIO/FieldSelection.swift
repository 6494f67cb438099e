/// Which fields of a JSONL or CSV record hold the id, the text and the optional metadata.
public struct FieldSelection: Sendable, Equatable {
    public var id: String
    public var text: String
    /// Publisher/source field; reported when present, never required.
    public var source: String?
    /// Date field; used to pick the earliest copy as the representative.
    public var date: String?
    /// Field holding the document's web address; read only when named (for the report's links).
    public var url: String?

    public init(id: String = "id", text: String = "text", source: String? = nil, date: String? = nil, url: String? = nil) {
        self.id = id
        self.text = text
        self.source = source
        self.date = date
        self.url = url
    }
}
