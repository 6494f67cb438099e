import ArgumentParser
import Foundation

@main
struct NeardupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "neardup",
        abstract: "Find reprints and near-duplicates in a text archive.",
        discussion: """
            Inputs: a directory tree (.txt, .md, .html files), JSONL, CSV with a header row, \
            or - for JSONL on standard input.

            Exit codes: 0 success; 64 bad command line; 65 bad input data (the message names \
            FILE:LINE); 66 an input cannot be opened; 70 internal error; 73 an output or the scratch file cannot be written.
            """,
        version: "0.8.9",
        subcommands: [ScanCommand.self, ReportCommand.self, ClusterCommand.self, EvalCommand.self, CompareCommand.self, BenchCommand.self, DedupCommand.self, SynthCommand.self, IndexCommand.self, StageCommand.self],
        defaultSubcommand: nil
    )

    /// ArgumentParser answers `help` with an unknown command name by printing the general
    /// help and exiting 0, which hides a typo from scripts: that case is an error here.
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.count >= 2, arguments[0] == "help" {
            let names = configuration.subcommands.compactMap { $0.configuration.commandName }
            if !names.contains(arguments[1]) {
                printError("""
                    neardup: no command named '\(arguments[1])'; the commands are \(names.joined(separator: ", "))
                    Usage: neardup help <subcommand>
                    """)
                Foundation.exit(ExitStatus.usage.rawValue)
            }
        }
        main(arguments)
    }
}
