import ArgumentParser
import Foundation
import NearDup
import NearDupIO

struct DedupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dedup",
        abstract: "Keep one document per cluster, copying each kept record byte for byte.",
        discussion: """
            Runs the same detection as `cluster` and writes to --output one copy of every cluster (the \
            representative, or the one --keep names) and every document that is no copy, in the inputs' own format: JSONL lines as \
            they are in the input; CSV records as they are, after the header row; for directory \
            inputs, a new directory with the kept files copied. --removed writes the other documents, \
            each naming the kept document it duplicates: a "duplicate_of" member added before the \
            closing brace of each JSONL object, a duplicate_of column added to CSV, or for directory \
            inputs a directory of the removed files with a duplicate_of.csv list. All inputs of one \
            run must have one format (gzipped or not); an output whose name ends in .gz is written \
            gzip-compressed. Standard input from a pipe is first copied to a scratch file in TMPDIR, \
            as the records are copied from a second reading. Both outputs are written under \
            temporary names and renamed into place together when both are complete: a failed run \
            leaves neither. A symbolic link is followed; a device or FIFO is written in place. Standard error \
            gets "N read, K kept, R removed, S skipped" (read = kept + removed + skipped).
            """)

    @OptionGroup var input: InputOptions
    @OptionGroup var pipeline: PipelineArguments

    @Option(name: .customLong("output"), help: ArgumentHelp(
        "Where to write the kept documents: a JSONL or CSV file (- for standard output), or a directory for directory inputs.",
        valueName: "kept"))
    var output: String

    @Option(name: .customLong("keep"), help: ArgumentHelp(
        "Which copy of each cluster to keep: original (the likely original), earliest or latest (by date), longest, or source:NAME[,NAME...] (the copy of the first of these sources that has one). Ties go to the likely original when it is among them, else to the first in input order; a cluster the policy cannot decide (no dates, none of the sources) keeps the likely original.",
        valueName: "policy"))
    var keep: KeepPolicy = .original

    @Option(name: .customLong("removed"), help: ArgumentHelp(
        "Also write the removed copies here, each with the id of the document it duplicates.",
        valueName: "removed"))
    var removed: String?

    /// The output shape that a set of inputs gives.
    enum Layout: Equatable {
        case jsonLines, csv, files

        init(_ format: InputFormat) {
            switch format {
            case .jsonLines: self = .jsonLines
            case .csv: self = .csv
            case .directory, .textFile: self = .files
            }
        }

        var name: String {
            switch self {
            case .jsonLines: "JSONL"
            case .csv: "CSV"
            case .files: "text files"
            }
        }
    }

    func validate() throws {
        try input.requirePaths()
        if input.paths.filter({ $0 == "-" }).count > 1 {
            throw ValidationError("standard input (-) can be given once")
        }
        // Paths that cannot be opened are reported when reading (exit 66), not here.
        let reader = input.reader
        let layouts = input.paths.compactMap { path in (try? reader.format(of: path)).map { (path, Layout($0)) } }
        if let first = layouts.first, let other = layouts.first(where: { $0.1 != first.1 }) {
            throw ValidationError("dedup writes its output in the inputs' format, so all inputs must have one: \(first.0) is \(first.1.name), \(other.0) is \(other.1.name)")
        }
        let outputs = [output] + (removed.map { [$0] } ?? [])
        if outputs.filter({ (try? OutputTarget(path: $0)) == .standardOutput }).count > 1 {
            throw ValidationError("--output and --removed cannot both be standard output")
        }
        for path in outputs {
            if layouts.first?.1 == .files, (try? OutputTarget(path: path)) == .standardOutput {
                throw ValidationError("directory inputs give a directory of files: give --output and --removed a folder, not -")
            }
            if let layout = layouts.first?.1, let named = Self.layoutNamed(by: path), named != layout {
                throw ValidationError("\(path): the output has the inputs' format (\(layout.name)); give it a name that says so")
            }
            if layouts.first?.1 == .files, path.lowercased().hasSuffix(".gz") {
                throw ValidationError("\(path): directory inputs give a directory of files, which is not compressed; name it without .gz")
            }
        }
        try OutputSafety.check(
            outputs: [.init(option: "--output", path: output)] + (removed.map { [.init(option: "--removed", path: $0)] } ?? []),
            inputs: input.paths)
    }

    func run() throws {
        try ExitStatus.reporting {
            if input.paths.contains("-") {
                // Records are copied from a second reading: a pipe is kept in a scratch file.
                try StandardInputSpool.spoolIfNeeded(in: FileManager.default.temporaryDirectory.path)
            }
            let fingerprints = input.paths.map { DedupFingerprint(path: $0) }
            let run = try ClusteringRun(input: input, pipeline: pipeline)
            let (documents, result, summary) = (run.documents, run.result, run.corpus.summary)
            try DedupInputCheck.recordsCanBeCopied(documents, summary)
            let layout = Layout(summary.inputs[0].format)
            let csvHeader = layout == .csv ? try commonCSVHeader(summary) : nil
            guard result.assignments.count == documents.count else {
                throw InternalError("the clustering has \(result.assignments.count) assignments for \(documents.count) documents")
            }

            let kept = keptDocuments(run)
            var counts = (kept: 0, removed: 0)
            let commit: () throws -> Void
            switch layout {
            case .jsonLines, .csv:
                let keptFile = try StreamingOutput(path: output)
                let removedFile = try removed.map { path throws(OutputError) in try StreamingOutput(path: path) }
                counts = try writeRecords(documents, kept, summary, csvHeader: csvHeader, kept: keptFile, removed: removedFile)
                commit = { try OutputTransaction.commit([keptFile] + (removedFile.map { [$0] } ?? [])) }
            case .files:
                let keptDirectory = try DedupDirectoryOutput(path: output)
                let removedDirectory = try removed.map { path throws(OutputError) in try DedupDirectoryOutput(path: path) }
                counts = try copyFiles(documents, kept, kept: keptDirectory, removed: removedDirectory)
                commit = { try OutputTransaction.commit([keptDirectory] + (removedDirectory.map { [$0] } ?? [])) }
            }

            // Conservation: every record read is kept, removed or skipped, exactly once, and
            // one document of each cluster is kept.
            let clusters = Set(result.assignments.map(\.representative)).count
            guard counts.kept + counts.removed + summary.skipped == summary.records,
                  counts.kept + counts.removed == documents.count, counts.kept == clusters else {
                throw InternalError("""
                    records do not add up: \(summary.records) read, but \(counts.kept) kept + \(counts.removed) removed \
                    + \(summary.skipped) skipped (\(documents.count) documents in \(clusters) clusters); no output was written
                    """)
            }
            for (path, fingerprint) in zip(input.paths, fingerprints) where fingerprint != DedupFingerprint(path: path) {
                throw InputError("the input changed while dedup ran; no output was written, run it again", at: SourceLocation(file: path, line: 0))
            }
            try commit()

            for line in InputOptions.skippedReport(summary) { printError(line) }
            for line in run.dateReport { printError(line) }
            printError("\(summary.records) read, \(counts.kept) kept, \(counts.removed) removed, \(summary.skipped) skipped")
        }
    }

    /// The document kept for each document, by input position: itself when it is kept.
    private func keptDocuments(_ run: ClusteringRun) -> [Int] {
        var kept = run.result.assignments.map(\.representative)
        guard keep != .original else { return kept }
        var dates = DateSummary()
        let documents = run.documents
        for cluster in run.result.clusters {
            let chosen = keep.kept(in: cluster) { member in
                let document = documents[member]
                return KeepPolicy.Candidate(
                    date: dates.read(document, format: input.dateFormat), textBytes: run.textBytes[member], source: document.publisher)
            }
            for member in cluster.members { kept[member] = chosen }
        }
        if (keep == .earliest || keep == .latest) && dates.dated == 0 && !run.result.clusters.isEmpty {
            printError("--keep \(keep): no document has a date that was read (name its field with --date-field); each cluster keeps its likely original")
        }
        return kept
    }

    /// The header of the CSV inputs, which must all have the same columns.
    private func commonCSVHeader(_ summary: ReadSummary) throws -> [UInt8] {
        let reader = CSVReader(fields: input.fields)
        let headers = try summary.inputs.map { try reader.header(of: $0.path) }
        for (index, header) in headers.enumerated().dropFirst() where header.columns != headers[0].columns {
            throw ValidationError("""
                dedup writes one CSV file, so the CSV inputs must have the same columns: \
                \(summary.inputs[0].path) has \(headers[0].columns.joined(separator: ",")), \
                \(summary.inputs[index].path) has \(header.columns.joined(separator: ","))
                """)
        }
        return try RecordBytesReader(path: summary.inputs[0].path).bytes(in: headers[0].range)
    }

    /// JSONL or CSV: each kept record's bytes as they are, each removed record with
    /// `duplicate_of` added. Reads every input a second time, in order.
    private func writeRecords(_ documents: [Document], _ keptDocument: [Int], _ summary: ReadSummary, csvHeader: [UInt8]?,
                              kept: StreamingOutput, removed: StreamingOutput?) throws -> (kept: Int, removed: Int) {
        var terminator: [UInt8] = [0x0A]
        if let csvHeader {
            let headerTerminator = RecordEditing.lineTerminator(of: csvHeader)
            if !headerTerminator.isEmpty { terminator = headerTerminator }
            let header = RecordEditing.terminated(csvHeader, with: terminator)
            try kept.write(header)
            try removed?.write(RecordEditing.csvRecord(header, appendingField: DedupCommand.duplicateOf))
        }
        var counts = (kept: 0, removed: 0)
        var position = 0
        for source in summary.inputs {
            let positions = position..<(position + source.documents)
            position = positions.upperBound
            guard !positions.isEmpty else { continue }
            let records = try RecordBytesReader(path: source.path)
            for index in positions {
                let document = documents[index]
                let representative = keptDocument[index]
                let isKept = representative == index
                if isKept { counts.kept += 1 } else { counts.removed += 1 }
                guard isKept || removed != nil else { continue }
                guard let range = document.recordRange else {
                    throw InternalError("\(document.origin): the reader gave no record range")
                }
                let raw = RecordEditing.terminated(try records.bytes(in: range), with: terminator)
                guard csvHeader != nil || raw.first(where: { $0 != 0x20 && $0 != 0x09 }) == UInt8(ascii: "{") else {
                    throw InputError("the input changed after it was read (this line is no longer the record read)", at: document.origin)
                }
                if isKept {
                    try kept.write(raw)
                    continue
                }
                let duplicated = documents[representative].id
                if csvHeader != nil {
                    try removed?.write(RecordEditing.csvRecord(raw, appendingField: duplicated))
                } else {
                    guard let edited = RecordEditing.jsonLine(raw, addingMember: DedupCommand.duplicateOf, value: duplicated) else {
                        throw InputError("the input changed after it was read (this line is no longer the record read)", at: document.origin)
                    }
                    try removed?.write(edited)
                }
            }
        }
        return counts
    }

    /// Directory inputs: each kept file copied under its id; removed files likewise, with
    /// a duplicate_of.csv list (id,duplicate_of).
    private func copyFiles(_ documents: [Document], _ keptDocument: [Int],
                           kept: DedupDirectoryOutput, removed: DedupDirectoryOutput?) throws -> (kept: Int, removed: Int) {
        var counts = (kept: 0, removed: 0)
        var list = Array("id,\(DedupCommand.duplicateOf)\n".utf8)
        for (index, document) in documents.enumerated() {
            let representative = keptDocument[index]
            if representative == index {
                try kept.copyFile(from: document.origin.file, to: document.id)
                counts.kept += 1
            } else {
                counts.removed += 1
                guard let removed else { continue }
                try removed.copyFile(from: document.origin.file, to: document.id)
                list += RecordEditing.csvField(document.id) + [UInt8(ascii: ",")]
                    + RecordEditing.csvField(documents[representative].id) + [0x0A]
            }
        }
        try removed?.writeFile(list, to: "\(DedupCommand.duplicateOf).csv")
        return counts
    }

    static let duplicateOf = "duplicate_of"

    /// The layout an output's extension names (before a final `.gz`), if it names one.
    private static func layoutNamed(by path: String) -> Layout? {
        var name = path.lowercased()
        if name.hasSuffix(".gz") { name.removeLast(3) }
        return switch (name as NSString).pathExtension {
        case "jsonl", "ndjson", "json": .jsonLines
        case "csv": .csv
        default: nil
        }
    }
}

/// What identifies a file's content cheaply: device, inode, size and modification time.
/// Records are copied by byte offset, so a file that changed between the two readings
/// must not be copied from.
struct DedupFingerprint: Equatable {
    var device: UInt64 = 0
    var inode: UInt64 = 0
    var size: Int64 = 0
    var modifiedSeconds: Int = 0
    var modifiedNanoseconds: Int = 0
    var isDirectory = false

    init(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        isDirectory = (info.st_mode & S_IFMT) == S_IFDIR
        // A directory's own size and time change with what is added to it, not with its files.
        guard !isDirectory else { return }
        size = Int64(info.st_size)
        modifiedSeconds = Int(info.st_mtim.tv_sec)
        modifiedNanoseconds = Int(info.st_mtim.tv_nsec)
    }
}

extension KeepPolicy: ExpressibleByArgument {}
