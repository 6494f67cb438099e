import Foundation

/// One real story the simulator builds its corpus from: typically a Reuters-21578 story
/// with its id, title, date and hard-wrapped text.
public struct BaseStory: Sendable, Equatable {
    public var id: String
    public var title: String
    public var date: String?
    public var text: String
    /// Which of several bases it comes from (0 for the first): the simulator uses up the
    /// stories of one base before those of the next.
    public var group: Int

    public init(id: String, title: String, date: String? = nil, text: String, group: Int = 0) {
        self.id = id
        self.title = title
        self.date = date
        self.text = text
        self.group = group
    }

    /// Reads base stories with `CorpusReader` (JSONL, CSV or a directory tree). The title
    /// comes from `titleField`. A file of a directory tree has none: its first paragraph is
    /// its title when it reads like a headline (3-20 words, no full stop at the end), as a
    /// saved article's first line usually is; otherwise, as for a record without a title,
    /// the title is empty and a headline is made from the lead.
    public static func read(from path: String, idField: String = "id", textField: String = "text",
                            titleField: String = "title", dateField: String = "date", group: Int = 0) throws -> [BaseStory] {
        let fields = FieldSelection(id: idField, text: textField, source: titleField, date: dateField)
        var isDirectory: ObjCBool = false
        let isTree = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
        var stories: [BaseStory] = []
        try CorpusReader(fields: fields).forEachDocument(in: path) { document in
            var story = BaseStory(id: document.id, title: document.source ?? "", date: document.date, text: document.text, group: group)
            if isTree { story.takeHeadlineFromFirstParagraph() }
            stories.append(story)
        }
        return stories
    }

    /// Moves a headline-like first paragraph into `title`.
    mutating func takeHeadlineFromFirstParagraph() {
        let trimmed = text.drop { $0.isWhitespace }
        guard let end = trimmed.range(of: "\n\n")?.lowerBound ?? trimmed.range(of: "\n")?.lowerBound else { return }
        let first = trimmed[..<end].trimmingCharacters(in: .whitespaces)
        let words = first.split(separator: " ").count
        guard (3...20).contains(words), !first.hasSuffix("."), !first.contains("\n") else { return }
        title = first
        text = String(trimmed[end...]).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
