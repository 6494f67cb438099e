import Foundation
import NearDup
import NearDupIO

/// One real story the simulator builds its corpus from: typically a Reuters-21578 story
/// with its id, title, date and hard-wrapped text.
package struct BaseStory: Sendable, Equatable {
    package var id: String
    package var title: String
    package var date: String?
    package var text: String
    /// Which of several bases it comes from (0 for the first): the simulator uses up the
    /// stories of one base before those of the next.
    package var group: Int

    package init(id: String, title: String, date: String? = nil, text: String, group: Int = 0) {
        self.id = id
        self.title = title
        self.date = date
        self.text = text
        self.group = group
    }

    /// Reads base stories with `CorpusReader` (JSONL, CSV or a directory tree). The title
    /// comes from `titleField`. A file of a directory tree has none: its first paragraph is
    /// its title when it reads like a headline, as a saved article's first line usually is
    /// (see `takeHeadlineFromFirstParagraph`); otherwise, as for a record without a title,
    /// the title is empty and a headline is made from the lead.
    package static func read(from path: String, idField: String = "id", textField: String = "text",
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

    /// Moves a headline-like first paragraph (4-20 words, at most one number, no full stop,
    /// no "By ") into `title`, then drops up to three short lines that end no sentence
    /// (bylines, dates, "e-mail"), so the story opens with its lead.
    mutating func takeHeadlineFromFirstParagraph() {
        var paragraphs = text.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        paragraphs.removeAll { $0.isEmpty }
        guard paragraphs.count >= 2 else { return }
        let words = { (paragraph: String) in paragraph.split(whereSeparator: { $0 == " " || $0 == "\n" }).count }
        let first = paragraphs[0]
        let numbers = first.split(separator: " ").filter { $0.contains(where: \.isNumber) }.count
        if (4...20).contains(words(first)), numbers <= 1, !first.hasSuffix("."), !first.hasPrefix("By "), !first.contains("\n") {
            title = first
            paragraphs.removeFirst()
        }
        var dropped = 0
        while dropped < 3, paragraphs.count > 1, words(paragraphs[0]) < 15, !paragraphs[0].hasSuffix(".") {
            paragraphs.removeFirst()
            dropped += 1
        }
        text = paragraphs.joined(separator: "\n\n")
    }
}
