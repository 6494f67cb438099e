import ArgumentParser
import NearDup

struct ResolveStageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolve",
        abstract: "A component of copy edges to its clusters, without chaining, each with its representative.",
        discussion: """
            Input: blocks, each the D lines of one component's members, then its `E FIRST SECOND OVERLAP` lines, \
            then `B`. Output: `A POSITION REPRESENTATIVE SIMILARITY` per member, SIMILARITY as `cluster` writes it.
            """)

    @OptionGroup var arguments: StageArguments

    func run() throws {
        try ExitStatus.reporting {
            let engine = SketchEngine(options: arguments.options)
            var streams = StageStreams()
            var block = StageBlock()
            func resolve(_ streams: inout StageStreams, endingAt number: Int) throws {
                var edges: [(pair: (Int, Int), overlap: Double?)] = []
                for fields in block.lines {
                    guard fields.count == 4, fields[0] == "E", let first = Int(fields[1]), let second = Int(fields[2]),
                          let overlap = Double(fields[3]), block.documents[first] != nil, block.documents[second] != nil
                    else { throw StageInputError(line: number, message: "a block's edge lines are `E FIRST SECOND OVERLAP`, of its documents") }
                    edges.append(((first, second), overlap))
                }
                guard !block.documents.isEmpty else { return }
                let members = block.sortedDocuments
                var assigned: [Int: (representative: Int, similarity: Double)] = [:]
                for cluster in engine.clusters(of: members, edges: edges.sorted { ($0.pair.0, $0.pair.1) < ($1.pair.0, $1.pair.1) }) {
                    for (member, similarity) in zip(cluster.members, cluster.similarities) {
                        assigned[member] = (cluster.representative, similarity)
                    }
                }
                for member in members {
                    let (representative, similarity) = assigned[member.position] ?? (member.position, 1)
                    streams.write("A\t\(member.position)\t\(representative)\t\(JSONText.number(similarity))")
                }
                block = StageBlock()
            }
            var last = 0
            try streams.forEachInputLine { line, number in
                last = number
                if try block.take(line, number: number) { try resolve(&streams, endingAt: number) }
            }
            try resolve(&streams, endingAt: last)
            try streams.finish()
        }
    }
}
