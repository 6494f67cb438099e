import ArgumentParser
import NearDupArchive

struct IndexExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write an index's clusters as `neardup cluster` writes them for the same documents.")

    @OptionGroup var location: IndexLocation

    @Option(help: "Output format: jsonl or csv.")
    var format: AssignmentFormat = .jsonl

    @Option(help: "Write to this file (.gz: gzip-compressed) instead of standard output (-).")
    var output: String?

    func validate() throws {
        try OutputSafety.check(outputs: output.map { [.init(option: "--output", path: $0)] } ?? [], inputs: [location.index])
    }

    func run() throws {
        try ExitStatus.reporting {
            let index = try location.open()
            var sink = OutputFile(path: output)
            if format == .csv { sink.write("id,cluster,representative,similarity\n") }
            var lines = AssignmentLineWriter(format: format)
            try index.forEachAssignment { assignment in
                lines.append(
                    id: assignment.id, cluster: assignment.cluster, representative: assignment.representative,
                    similarity: assignment.similarity)
                if lines.bytes.count >= 1 << 20 { sink.write(bytes: lines.take()) }
            }
            sink.write(bytes: lines.take())
            try sink.finish()
        }
    }
}
