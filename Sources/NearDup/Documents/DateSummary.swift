/// What reading the documents' publication dates met: how many were read, how many
/// documents had none, and the dates that could not be read, with the first few of them as
/// `FILE:LINE: cannot read date "..."`. A date that cannot be read counts as no date: it
/// never makes its document the earliest copy, and it is reported rather than lost.
public struct DateSummary: Sendable, Equatable {
    /// Documents whose date was read.
    public private(set) var dated = 0
    /// Documents without a date, or with an empty one.
    public private(set) var undated = 0
    /// Dates given but unreadable, with the first few as examples.
    public private(set) var unreadable: SkippedRecords

    public init(exampleLimit: Int = SkippedRecords.defaultExampleLimit) {
        unreadable = SkippedRecords(exampleLimit: exampleLimit)
    }

    /// Reads `document`'s date (`format` first, then the built-in spellings) and counts
    /// what it found; nil when the document has no readable date.
    public mutating func read(_ document: Document, format: DateFormat? = nil) -> PublicationDate? {
        guard let text = document.date, text.utf8.contains(where: { !DateTextScanner.isSpace($0) }) else {
            undated += 1
            return nil
        }
        guard let date = PublicationDate(text, format: format) else {
            unreadable.add(InputError("cannot read date \(Self.quoted(text))", at: document.origin))
            return nil
        }
        dated += 1
        return date
    }

    /// The text in double quotes, cut at 60 characters, with quotes, backslashes and control
    /// characters escaped, so a message stays on one line whatever the field held.
    static func quoted(_ text: String) -> String {
        var quoted = "\""
        for (index, character) in text.unicodeScalars.enumerated() {
            if index == 60 {
                quoted += "…"
                break
            }
            switch character {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case "\n": quoted += "\\n"
            case "\t": quoted += "\\t"
            case "\r": quoted += "\\r"
            default:
                if character.value < 0x20 || character.value == 0x7F {
                    quoted += "\\u{\(String(character.value, radix: 16))}"
                } else {
                    quoted.unicodeScalars.append(character)
                }
            }
        }
        return quoted + "\""
    }
}
