import ArgumentParser

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
        version: "0.8.7",
        subcommands: [ScanCommand.self, ClusterCommand.self, EvalCommand.self, CompareCommand.self, BenchCommand.self, DedupCommand.self, SynthCommand.self],
        defaultSubcommand: nil
    )
}
