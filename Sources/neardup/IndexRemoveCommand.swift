import ArgumentParser
import Foundation
import NearDup
import NearDupArchive

struct IndexRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Remove documents from an index by id; their clusters are made again without them.")

    @OptionGroup var location: IndexLocation

    @Argument(help: "Ids of the documents to remove.")
    var ids: [String] = []

    @Option(help: "A file of ids to remove, one per line.")
    var idsFile: String?

    func validate() throws {
        guard !ids.isEmpty || idsFile != nil else { throw ValidationError("give ids to remove, or --ids-file") }
    }

    func run() throws {
        try ExitStatus.reporting {
            var all = ids
            if let idsFile {
                guard let text = try? String(contentsOfFile: idsFile, encoding: .utf8) else {
                    throw InputError("cannot read the ids file", at: .init(file: idsFile, line: 0))
                }
                all += text.split(whereSeparator: \.isNewline).map(String.init).filter { !$0.isEmpty }
            }
            let index = try location.open()
            let report = try index.remove(ids: all)
            var line = "\(counted(report.removed, "document")) removed"
            if !report.missing.isEmpty {
                line += "; \(counted(report.missing.count, "id")) not in the index: "
                    + report.missing.prefix(5).map { "\"\($0)\"" }.joined(separator: ", ") + (report.missing.count > 5 ? ", ..." : "")
            }
            printError(line)
        }
    }
}
