import NearDup

/// One generated document, with what the simulator knows about it.
package struct SyntheticDocument: Sendable, Equatable {
    package enum Kind: String, Sendable {
        /// A story as its wire agency first ran it: the representative of its cluster.
        case original
        /// A later version of a story, as its agency ran it.
        case writeThru = "write-thru"
        /// An outlet's copy of a story (or of a hard negative).
        case reprint
        /// A multi-item digest page: always a singleton.
        case digest
        /// A hard negative as its agency first ran it: a different story on the same
        /// event as the story it shadows, never a copy of it.
        case negative
        /// Web pages only: an event's wire photos with their captions, no story: a singleton.
        case gallery
        /// Web pages only: one snapshot of a live blog; the snapshots of one blog are copies
        /// of each other, never of the story one of their items is.
        case liveBlog = "live-blog"
        /// Web pages only: a section front of headlines and snippets: a singleton.
        case listing
    }

    package var id: String
    /// The invented agency or outlet that published it.
    package var source: String
    /// Publication date, YYYY-MM-DD (web pages: the time too, YYYY-MM-DDTHH:MM:SSZ).
    package var date: String
    /// Web pages: the page's address.
    package var url: String?
    package var text: String { String(decoding: textBytes, as: UTF8.self) }
    /// The text as UTF-8.
    package var textBytes: [UInt8]
    package var kind: Kind
    /// Key of the story the document carries (nil for a digest, gallery or listing; a
    /// live blog's key for its snapshots).
    package var story: String?
    /// Id of that story's original document (nil for a digest, gallery or listing; the
    /// first snapshot for a live blog).
    package var original: String?
    /// For a hard negative and its copies: the story it shadows.
    package var shadows: String?
    /// Story version the document carries (1 unless a write-thru).
    package var version: Int
    /// The edits applied, in order (e.g. "excerpt:143/612w", "copyedit:synonyms=2").
    package var edits: [String]
    /// Base story ids its text was built from (originals and negatives only).
    package var base: [String]
    /// Story keys of a digest's items, a gallery's event, a listing's headlines, or a live
    /// blog's story item.
    package var items: [String]
    /// The body paragraphs after edits, one a line: the text without headline, byline,
    /// dateline, furniture, header, footer or line wrapping (for checks, not written out).
    package var body: String { String(decoding: bodyBytes, as: UTF8.self) }
    package var bodyBytes: [UInt8]

    /// The corpus record: {"id", "source", "date", "text"} (web pages: "url" after the
    /// date), with a trailing newline.
    package func appendCorpusLine(to output: inout [UInt8]) {
        output.append("{\"id\": ")
        SynthJSON.appendString(id, to: &output)
        output.append(", \"source\": ")
        SynthJSON.appendString(source, to: &output)
        output.append(", \"date\": ")
        SynthJSON.appendString(date, to: &output)
        if let url {
            output.append(", \"url\": ")
            SynthJSON.appendString(url, to: &output)
        }
        output.append(", \"text\": ")
        SynthJSON.appendString(textBytes, to: &output)
        output.append("}\n")
    }

    /// The edit-log record: id, kind, story, original, version, edits (and base, items,
    /// shadows where they apply), with a trailing newline.
    package func appendLogLine(to output: inout [UInt8]) {
        output.append("{\"id\": ")
        SynthJSON.appendString(id, to: &output)
        output.append(", \"kind\": ")
        SynthJSON.appendString(kind.rawValue, to: &output)
        output.append(", \"source\": ")
        SynthJSON.appendString(source, to: &output)
        output.append(", \"story\": ")
        appendOptional(story, to: &output)
        output.append(", \"original\": ")
        appendOptional(original, to: &output)
        if let shadows {
            output.append(", \"shadows\": ")
            SynthJSON.appendString(shadows, to: &output)
        }
        output.append(", \"version\": \(version), \"edits\": ")
        appendArray(edits, to: &output)
        if !base.isEmpty {
            output.append(", \"base\": ")
            appendArray(base, to: &output)
        }
        if !items.isEmpty {
            output.append(", \"items\": ")
            appendArray(items, to: &output)
        }
        output.append("}\n")
    }

    private func appendOptional(_ value: String?, to output: inout [UInt8]) {
        if let value { SynthJSON.appendString(value, to: &output) } else { output.append("null") }
    }

    private func appendArray(_ values: [String], to output: inout [UInt8]) {
        output.append(0x5B)
        for (index, value) in values.enumerated() {
            if index > 0 { output.append(", ") }
            SynthJSON.appendString(value, to: &output)
        }
        output.append(0x5D)
    }
}
