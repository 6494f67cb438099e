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
            try StageInput.forEachBlock(kind: UInt8(ascii: "E")) { block in
                let edges = zip(block.pairs, block.overlaps)
                    .map { (pair: ($0.first, $0.second), overlap: Optional($1)) }
                    .sorted { ($0.pair.0, $0.pair.1) < ($1.pair.0, $1.pair.1) }
                let members = block.sortedDocuments
                var assigned: [Int: (representative: Int, similarity: Double)] = [:]
                for cluster in engine.clusters(of: members, edges: edges) {
                    for (member, similarity) in zip(cluster.members, cluster.similarities) {
                        assigned[member] = (cluster.representative, similarity)
                    }
                }
                for member in members {
                    let (representative, similarity) = assigned[member.position] ?? (member.position, 1)
                    streams.write("A\t\(member.position)\t\(representative)\t\(JSONText.number(similarity))")
                }
            }
            try streams.finish()
        }
    }
}
