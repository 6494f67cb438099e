import ArgumentParser
import NearDup
import NearDupArchive

struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Keep an archive on disk: add documents, look documents up, remove them, export the clusters.",
        discussion: """
            An index is a folder. Each add or remove is one transaction: killed at any moment, the index is left \
            as its last completed command left it, and running the same add again completes it. Queries and \
            exports see the index as of the last completed command while an add runs. The options that decide \
            clusters are fixed when the index is created.
            """,
        subcommands: [
            IndexAddCommand.self, IndexQueryCommand.self, IndexRemoveCommand.self, IndexExportCommand.self,
            IndexStatsCommand.self, IndexCheckCommand.self,
        ])
}

/// The index folder argument, and opening it.
struct IndexLocation: ParsableArguments {
    @Argument(help: "The index folder.")
    var index: String

    /// Opens the index; `pipeline`'s options that decide clusters must be the index's own,
    /// where given. Without `creating`, a missing index is an error.
    func open(pipeline: PipelineArguments? = nil, dateFormat: DateFormat? = nil, creating: Bool = false) throws -> NearDupIndex {
        var base = try NearDupIndex.storedOptions(directory: index) ?? NearDupOptions()
        if let dateFormat { base.dateFormat = dateFormat }
        let asked = pipeline.map { $0.options(over: base) } ?? base
        return try NearDupIndex(directory: index, options: asked, creating: creating)
    }
}
