import NearDup

/// The member or column names a record reader looks up for a `FieldSelection`, and
/// how the values found become a `Document`.
///
/// JSONL and CSV share this so that both formats apply the same rules: id and text
/// are required; the source is `fields.source` when set, else a "source" or
/// "publisher" field when the record has one; the date only when `fields.date` is set.
struct RecordFieldPlan: Sendable {
    let selection: FieldSelection
    /// Names to look up, in slot order: id, text, the source candidates, the date, the address.
    let names: [String]
    private let sourceSlots: Range<Int>
    private let dateSlot: Int?
    private let urlSlot: Int?

    static let idSlot = 0
    static let textSlot = 1

    init(_ selection: FieldSelection) {
        self.selection = selection
        var names = [selection.id, selection.text]
        let sourceCandidates = selection.source.map { [$0] } ?? ["source", "publisher"]
        sourceSlots = names.count..<(names.count + sourceCandidates.count)
        names += sourceCandidates
        if let date = selection.date {
            dateSlot = names.count
            names.append(date)
        } else {
            dateSlot = nil
        }
        if let url = selection.url {
            urlSlot = names.count
            names.append(url)
        } else {
            urlSlot = nil
        }
        self.names = names
    }

    /// The document for one record's values (nil where the record lacks the name). `text`,
    /// when given, is the text's valid UTF-8, read in place of `values`' text slot.
    func document(
        from values: [String?], text: [UInt8]? = nil, at origin: SourceLocation, recordRange: Range<Int>, noun: String
    ) throws(InputError) -> Document {
        guard let id = values[Self.idSlot] else {
            throw InputError("missing \(noun) \"\(selection.id)\"", at: origin)
        }
        guard let text = text ?? values[Self.textSlot].map({ Array($0.utf8) }) else {
            throw InputError("missing \(noun) \"\(selection.text)\"", at: origin)
        }
        let source = sourceSlots.lazy.compactMap { values[$0] }.first
        let date = dateSlot.flatMap { values[$0] }
        var document = Document(
            id: id, validUTF8Text: text, source: source, date: date, origin: origin, recordRange: recordRange)
        document.url = urlSlot.flatMap { values[$0] }
        return document
    }
}
