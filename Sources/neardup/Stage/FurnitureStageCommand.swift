import ArgumentParser
import NearDup

struct FurnitureStageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "furniture",
        abstract: "Learns the furniture of each source's pages.",
        discussion: """
            Input: D lines, all those of one GROUP together. Output: the same documents, with their furniture \
            and KEPT as `cluster` finds them over all of that source's pages.
            """)

    @OptionGroup var arguments: StageArguments

    func run() throws {
        try ExitStatus.reporting {
            let engine = SketchEngine(options: arguments.options)
            var streams = StageStreams()
            var group: [StageDocument] = []
            var line: [UInt8] = []
            func learn(_ streams: inout StageStreams) {
                group.sort { $0.document.position < $1.document.position }
                let furniture = engine.furniture(of: group.map(\.document))
                for (var page, found) in zip(group, furniture) {
                    page.document.furniture = found
                    line.removeAll(keepingCapacity: true)
                    page.append(to: &line)
                    streams.append(line)
                    streams.endLine()
                }
                group.removeAll(keepingCapacity: true)
            }
            try StageInput.forEachLine { line, number in
                guard !line.isEmpty else { return }
                let page = try StageDocument(line: line, lineNumber: number)
                if let first = group.first, first.group != page.group { learn(&streams) }
                group.append(page)
            }
            learn(&streams)
            try streams.finish()
        }
    }
}
