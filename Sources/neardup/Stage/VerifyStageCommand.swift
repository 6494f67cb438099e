import ArgumentParser
import NearDup

struct VerifyStageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Candidate pairs to verified copy edges.",
        discussion: """
            Input: blocks, each the D lines of some documents, then a line `P FIRST SECOND` per candidate pair \
            among them (positions, smaller first), then `B`. Output: `E FIRST SECOND OVERLAP` per copy and \
            `U FIRST SECOND BUNDLE CONTAINMENT` per bundle that holds the other's text.
            """)

    @OptionGroup var arguments: StageArguments

    func run() throws {
        try ExitStatus.reporting {
            let engine = SketchEngine(options: arguments.options)
            var streams = StageStreams()
            try StageInput.forEachBlock(kind: UInt8(ascii: "P")) { block in
                let pairs = block.pairs.map { ($0.first, $0.second) }
                for (pair, outcome) in engine.verify(pairs, among: block.sortedDocuments) {
                    switch outcome {
                    case .copy(let overlap):
                        streams.write("E\t\(pair.0)\t\(pair.1)\t\(overlap)")
                    case .bundleHolds(let bundle, let containment):
                        streams.write("U\t\(pair.0)\t\(pair.1)\t\(bundle)\t\(containment)")
                    }
                }
            }
            try streams.finish()
        }
    }
}
