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
            var block = StageBlock()
            func verify(_ streams: inout StageStreams, endingAt number: Int) throws {
                var pairs: [(Int, Int)] = []
                for fields in block.lines {
                    guard fields.count == 3, fields[0] == "P", let first = Int(fields[1]), let second = Int(fields[2]),
                          first < second, block.documents[first] != nil, block.documents[second] != nil
                    else { throw StageInputError(line: number, message: "a block's pair lines are `P FIRST SECOND`, of its documents") }
                    pairs.append((first, second))
                }
                for (pair, outcome) in engine.verify(pairs, among: block.sortedDocuments) {
                    switch outcome {
                    case .copy(let overlap):
                        streams.write("E\t\(pair.0)\t\(pair.1)\t\(overlap)")
                    case .bundleHolds(let bundle, let containment):
                        streams.write("U\t\(pair.0)\t\(pair.1)\t\(bundle)\t\(containment)")
                    }
                }
                block = StageBlock()
            }
            var last = 0
            try streams.forEachInputLine { line, number in
                last = number
                if try block.take(line, number: number) { try verify(&streams, endingAt: number) }
            }
            try verify(&streams, endingAt: last)
            try streams.finish()
        }
    }
}
