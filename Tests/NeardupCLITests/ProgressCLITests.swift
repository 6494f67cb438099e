import Foundation
import Testing

/// Progress is drawn only on a terminal: redirected standard error gets the summary alone.
@Suite("neardup progress")
struct ProgressCLITests {
    @Test(arguments: [[String](), ["--quiet"]])
    func noProgressWhenStandardErrorIsNotATerminal(extra: [String]) throws {
        let directory = try NeardupTool.temporaryDirectory()
        let output = directory + "/assignments.jsonl"
        let run = try NeardupTool.run(["cluster", NeardupTool.fixture("archive"), "--output", output] + extra)
        #expect(run.status == 0)
        #expect(!run.stderr.contains("\r") && !run.stderr.contains("\u{1B}"))
        #expect(run.stderr == "24 documents read, 2 clusters, 6 documents are copies\n")
    }
}
