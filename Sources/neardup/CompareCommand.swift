import ArgumentParser
import Foundation
import NearDup
import NearDupIO

struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare two documents: Jaccard, containment both ways, the passages they share, and what B changed against A.",
        discussion: """
            Give two files, or two ids and --input with the archive that holds them. The diff aligns B's \
            paragraphs with A's in order: = the same, ~ kept with words changed ([-removed-] {+inserted+}), \
            - dropped, + added. On a terminal the changes are in colour instead; NO_COLOR turns colour off.
            """)

    @Argument(help: ArgumentHelp("The first file, or document id when --input is given.", valueName: "a"))
    var first: String

    @Argument(help: ArgumentHelp("The second file, or document id when --input is given.", valueName: "b"))
    var second: String

    private var documents: [String] { [first, second] }

    @Option(help: "Archive (directory, JSONL or CSV) to look the two ids up in.")
    var input: String?

    @Option(help: "JSONL/CSV field holding the document id.")
    var idField = "id"

    @Option(help: "JSONL/CSV field holding the text.")
    var textField = "text"

    @Option(help: "Field naming the publisher or source, whose pages teach furniture with --input (default: 'source' or 'publisher' when present).")
    var sourceField: String?

    @OptionGroup var pipeline: PipelineArguments

    @Option(help: "Report format: text or json.")
    var format: ReportFormat = .text

    @Option(help: "Longest passage shown, in words (text format).")
    var passageWords = 40

    @Option(help: "Blocks shown of what was left out of a web page as furniture (text format).")
    var droppedLines = 8

    /// What was left out of a page: counts by reason, then the first blocks.
    static func droppedText(_ dropped: [DroppedText], of name: String, lines: Int) -> String {
        let words = dropped.reduce(0) { $0 + $1.words }
        let reasons = DroppedText.Reason.allCases.compactMap { reason -> String? in
            let count = dropped.count(where: { $0.reason == reason })
            return count > 0 ? "\(count) \(reason.rawValue)" : nil
        }
        var text = "left out of \(name) as furniture: \(counted(dropped.count, "block")), \(counted(words, "word")) "
            + "(\(reasons.joined(separator: ", ")))\n"
        for block in dropped.prefix(lines) {
            let shown = block.text.split(whereSeparator: \.isWhitespace)
            let excerpt = shown.count > 12 ? shown.prefix(12).joined(separator: " ") + " …" : shown.joined(separator: " ")
            text += "  [\(block.reason.rawValue)] \(excerpt)\n"
        }
        if dropped.count > lines { text += "  … \(dropped.count - lines) more (--dropped-lines)\n" }
        return text
    }

    static func droppedJSON(_ dropped: [DroppedText]) -> String {
        "[" + dropped.map { block in
            "{\"reason\": \(JSONText.quoted(block.reason.rawValue)), \"words\": \(block.words), \"text\": \(JSONText.quoted(block.text))}"
        }.joined(separator: ", ") + "]"
    }

    /// Colour only for a person: standard output is a terminal, and NO_COLOR is not set.
    static var writesColour: Bool {
        isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
    }

    /// The diff as JSON: paragraph numbers from 0; a changed paragraph's words each as
    /// {"kept"|"removed"|"inserted": word}.
    static func diffJSON(_ diff: ParagraphDiff) -> String {
        let entries = diff.entries.map { entry in
            switch entry {
            case .same(let a, let b): return #"{"op": "same", "a": \#(a), "b": \#(b)}"#
            case .changed(let a, let b, let words):
                let rendered = words.map { word in
                    switch word {
                    case .kept(let text): "{\"kept\": \(JSONText.quoted(text))}"
                    case .removed(let text): "{\"removed\": \(JSONText.quoted(text))}"
                    case .inserted(let text): "{\"inserted\": \(JSONText.quoted(text))}"
                    }
                }
                return #"{"op": "changed", "a": \#(a), "b": \#(b), "words": [\#(rendered.joined(separator: ", "))]}"#
            case .dropped(let a): return #"{"op": "dropped", "a": \#(a)}"#
            case .added(let b): return #"{"op": "added", "b": \#(b)}"#
            }
        }
        return "[" + entries.joined(separator: ", ") + "]"
    }

    func run() throws {
        try ExitStatus.reporting {
            let (first, second, furniture) = try loadDocuments()
            if let note = pipeline.shingleDefaultsNote { printError(note) }
            let comparison = DocumentComparison(first.text, second.text, options: pipeline.options, furniture: furniture)
            let similarity = comparison.similarity
            var sink = OutputFile(path: nil)
            switch format {
            case .json:
                let passages = comparison.sharedPassages.map { JSONText.quoted($0) }.joined(separator: ", ")
                sink.write("""
                    {"first": \(JSONText.quoted(first.id)), "second": \(JSONText.quoted(second.id)), \
                    "jaccard": \(JSONText.number(similarity.jaccard)), \
                    "containment_first_in_second": \(JSONText.number(similarity.containmentOfFirst)), \
                    "containment_second_in_first": \(JSONText.number(similarity.containmentOfSecond)), \
                    "shared_shingles": \(similarity.shared), "first_shingles": \(similarity.firstCount), \
                    "second_shingles": \(similarity.secondCount), \
                    "paragraphs_of_shorter": \(comparison.coverage.paragraphs), \
                    "paragraphs_found": \(comparison.coverage.found), "paragraphs_kept": \(comparison.coverage.kept), "copies": \(comparison.isCopy), \
                    "shared_passages": [\(passages)], \
                    "first_is_bundle": \(comparison.isBundle[0]), "second_is_bundle": \(comparison.isBundle[1]), \
                    "dropped_from_first": \(Self.droppedJSON(comparison.dropped[0])), \
                    "dropped_from_second": \(Self.droppedJSON(comparison.dropped[1])), \
                    "learned_furniture_of_first": [\(comparison.learnedFurniture[0].map(JSONText.quoted).joined(separator: ", "))], \
                    "learned_furniture_of_second": [\(comparison.learnedFurniture[1].map(JSONText.quoted).joined(separator: ", "))], \
                    "diff": \(Self.diffJSON(comparison.diff))}

                    """)
            case .text:
                sink.write("""
                    A: \(first.id) (\(similarity.firstCount) shingles)
                    B: \(second.id) (\(similarity.secondCount) shingles)
                    Jaccard                 \(fixed(similarity.jaccard, digits: 4))
                    containment of A in B   \(fixed(similarity.containmentOfFirst, digits: 4))
                    containment of B in A   \(fixed(similarity.containmentOfSecond, digits: 4))
                    shared shingles         \(similarity.shared)
                    paragraphs found        \(comparison.coverage.found) of \(comparison.coverage.paragraphs), \(comparison.coverage.kept) nearly whole (of the shorter, in the other)
                    verdict                 \(comparison.isCopy ? "copies" : "not copies") (threshold \(pipeline.options.threshold))

                    """)
                for (name, isBundle) in zip(["A", "B"], comparison.isBundle) where isBundle {
                    sink.write("\(name) is a bundle of time-stamped items (live blog, running story): it is a copy "
                        + "only of another bundle, never of a story it carries\n")
                }
                for (name, dropped) in zip(["A", "B"], comparison.dropped) where !dropped.isEmpty {
                    sink.write(Self.droppedText(dropped, of: name, lines: droppedLines))
                }
                for (name, paragraphs) in zip(["A", "B"], comparison.learnedFurniture) where !paragraphs.isEmpty {
                    sink.write("left out of \(name) as furniture learned from the archive (it recurs on its source's pages "
                        + "beside unrelated text): \(counted(paragraphs.count, "paragraph"))\n")
                    for paragraph in paragraphs.prefix(droppedLines) {
                        let words = paragraph.split(separator: " ")
                        sink.write("  [learned] \(words.count > 12 ? words.prefix(12).joined(separator: " ") + " …" : paragraph)\n")
                    }
                }
                let passages = comparison.sharedPassages
                sink.write("\(passages.count) shared passages (normalised text):\n")
                for passage in passages {
                    let words = passage.split(separator: " ")
                    let shown = words.count > passageWords
                        ? words.prefix(passageWords).joined(separator: " ") + " … (\(words.count) words)"
                        : passage
                    sink.write("  - \(shown)\n")
                }
                let diff = DiffText(diff: comparison.diff, colour: Self.writesColour)
                sink.write(diff.summary + " (= the same, ~ words changed, - dropped, + added):\n")
                for line in diff.lines { sink.write(line + "\n") }
            }
            try sink.finish()
        }
    }

    /// The two documents and, with `--input`, the paragraphs of each that the archive's pages
    /// teach to be furniture.
    private func loadDocuments() throws -> (Document, Document, [[UInt8]]) {
        let fields = FieldSelection(id: idField, text: textField, source: sourceField)
        let reader = CorpusReader(fields: fields)
        guard let input else {
            let first = try reader.readDocuments(from: [documents[0]])
            let second = try reader.readDocuments(from: [documents[1]])
            guard first.count == 1, second.count == 1 else {
                throw ValidationError("each path must hold one document; to compare records of an archive use --input ARCHIVE ID1 ID2")
            }
            return (first[0], second[0], [[], []])
        }
        let archive = try reader.readDocuments(from: [input])
        var found: [String: Int] = [:]
        for (index, document) in archive.enumerated() where documents.contains(document.id) && found[document.id] == nil {
            found[document.id] = index
        }
        for id in documents where found[id] == nil {
            throw InputError("no document with id \"\(id)\"", at: SourceLocation(file: input, line: 0))
        }
        let (first, second) = (found[documents[0]]!, found[documents[1]]!)
        let furniture = ClusteringPipeline(options: pipeline.options).learnedFurniture(of: archive)
        return (archive[first], archive[second], [furniture[first] ?? [], furniture[second] ?? []])
    }
}
