/// One real story the simulator builds its corpus from: typically a Reuters-21578 story
/// with its id, title, date and hard-wrapped text.
public struct BaseStory: Sendable, Equatable {
    public var id: String
    public var title: String
    public var date: String?
    public var text: String

    public init(id: String, title: String, date: String? = nil, text: String) {
        self.id = id
        self.title = title
        self.date = date
        self.text = text
    }

    /// Reads base stories with `CorpusReader` (JSONL, CSV or a directory tree). The title
    /// comes from `titleField` (for a directory tree, or a record without one, the title
    /// is empty and a headline is made from the lead).
    public static func read(from path: String, idField: String = "id", textField: String = "text",
                            titleField: String = "title", dateField: String = "date") throws -> [BaseStory] {
        let fields = FieldSelection(id: idField, text: textField, source: titleField, date: dateField)
        var stories: [BaseStory] = []
        try CorpusReader(fields: fields).forEachDocument(in: path) { document in
            stories.append(BaseStory(id: document.id, title: document.source ?? "", date: document.date, text: document.text))
        }
        return stories
    }
}
