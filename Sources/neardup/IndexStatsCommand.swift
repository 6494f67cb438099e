import ArgumentParser
import NearDupArchive

struct IndexStatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Print an index's size: documents, clusters, bytes on disk, and the options it was built with.")

    @OptionGroup var location: IndexLocation

    func run() throws {
        try ExitStatus.reporting {
            let statistics = try location.open().statistics()
            print("documents: \(statistics.documents)")
            print("clusters: \(statistics.clusters) (of 2 or more), holding \(statistics.copies) copies")
            print("bytes on disk: \(statistics.bytesOnDisk)")
            print("options: \(statistics.options)")
        }
    }
}
