import Foundation
import Testing

/// The rough edges a new user meets on a first run: usage errors, a wrong labels file, the
/// summary line, the first progress frame, and commands run outside the source tree.
@Suite("neardup first run", .serialized)
struct FirstRunCLITests {
    // MARK: Usage

    @Test func compareWithThreeArgumentsShowsItsOwnUsage() throws {
        let run = try NeardupTool.run(["compare", "a", "b", "c"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("Usage: neardup compare [<options>] <a> <b>"), "\(run.stderr)")
        #expect(!run.stderr.contains("SUBCOMMANDS"))
    }

    @Test func helpForAnUnknownCommandFails() throws {
        let run = try NeardupTool.run(["help", "bogus"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("no command named 'bogus'"), "\(run.stderr)")
        #expect(try NeardupTool.run(["help", "scan"]).status == 0)
    }

    // MARK: eval

    @Test func evalWithAnotherCorpusLabelsFails() throws {
        let folder = try NeardupTool.temporaryDirectory()
        let assignments = folder + "/spotify.jsonl"
        #expect(try NeardupTool.run(["cluster", NeardupTool.fixture("news-dev/spotify_articles.csv"), "--output", assignments]).status == 0)
        let wrong = try NeardupTool.run(["eval", "--labels", NeardupTool.fixture("news-dev/census.labels.json"), assignments])
        #expect(wrong.status == 65)
        #expect(wrong.stderr.contains("are not in"), "\(wrong.stderr)")
        #expect(wrong.stdout.isEmpty)
        let allowed = try NeardupTool.run(["eval", "--labels", NeardupTool.fixture("news-dev/census.labels.json"), assignments, "--allow-missing"])
        #expect(allowed.status == 0)
        #expect(allowed.stdout.contains("labelled ids are not in the assignments"))
        let right = try NeardupTool.run(["eval", "--labels", NeardupTool.fixture("news-dev/spotify.labels.json"), assignments])
        #expect(right.status == 0 && right.stdout.contains("adjusted Rand index 1.0000"), "\(right.stdout)")
    }

    // MARK: The summary line

    @Test func everyClusteringCommandEndsWithOneSummaryOnStandardError() throws {
        let archive = NeardupTool.archive
        let text = try NeardupTool.run(["scan", archive])
        let json = try NeardupTool.run(["scan", archive, "--format", "json"])
        let assignments = try NeardupTool.run(["cluster", archive])
        let line = "24 documents read, 2 clusters, 6 documents are copies"
        #expect(text.stderr == line + " (* = likely original)\n", "the text report marks originals with *")
        #expect(json.stderr == line + "\n")
        #expect(assignments.stderr == line + "\n")
        #expect(!text.stdout.contains("documents read"), "the summary is not part of the report")
        #expect(try NeardupTool.jsonObject(json.stdout)["summary"] != nil)
    }

    // MARK: Progress

    @Test func theFirstProgressFrameHasNoEstimateAndSaysDocument() throws {
        let folder = try NeardupTool.temporaryDirectory()
        let executable = try NeardupTool.executable.get().path
        // `script` gives the tool a terminal, where progress is drawn.
        let command = "\(executable) cluster \(NeardupTool.archive) --output \(folder)/out.jsonl"
        let run = try NeardupTool.run(["-qec", command, "/dev/null"], executable: URL(fileURLWithPath: "/usr/bin/script"))
        #expect(run.status == 0, "\(run.stderr)")
        let frames = run.stdout.components(separatedBy: "\r\u{1B}[K").filter { $0.hasPrefix("read ") }
        let first = try #require(frames.first, "no progress frame in \(run.stdout.debugDescription)")
        #expect(first.hasPrefix("read 1 document, "), "\(first)")
        #expect(!first.contains("left"), "\(first)")
    }

    // MARK: Outside the source tree

    @Test func synthAndBenchFindTheBundledStoriesFromAnyFolder() throws {
        let folder = try NeardupTool.temporaryDirectory()
        let synth = try NeardupTool.run(["synth", "--documents", "40", "--output", "corpus.jsonl", "--labels", "labels.json"], in: folder)
        #expect(synth.status == 0, "\(synth.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder + "/corpus.jsonl"))
        let bench = try NeardupTool.run(["bench", "--megabytes", "0.2", "--repetitions", "1", "--format", "json"], in: folder)
        #expect(bench.status == 0, "\(bench.stderr)")
    }

    @Test func withoutTheBundledStoriesSynthSaysWhatToPass() throws {
        let folder = try NeardupTool.temporaryDirectory()
        let copy = folder + "/neardup"
        try FileManager.default.copyItem(atPath: try NeardupTool.executable.get().path, toPath: copy)
        let run = try NeardupTool.run(["synth", "--documents", "10", "--output", "c.jsonl", "--labels", "l.json"],
                                      in: folder, executable: URL(fileURLWithPath: copy))
        #expect(run.status == 66)
        #expect(run.stderr.contains("give --base FILE"), "\(run.stderr)")
    }

    @Test func synthWarnsWhenTheBaseIsTooSmallForTheCorpus() throws {
        let folder = try NeardupTool.temporaryDirectory()
        let sample = try String(contentsOfFile: NeardupTool.bundledStories, encoding: .utf8)
        let base = folder + "/small-base.jsonl"
        try NeardupTool.write(sample.split(separator: "\n").prefix(40).joined(separator: "\n") + "\n", to: base)
        let arguments = ["synth", "--base", base, "--output", folder + "/c.jsonl", "--labels", folder + "/l.json", "--documents"]
        let small = try NeardupTool.run(arguments + ["300"])
        #expect(small.status == 0 && !small.stderr.contains("warning"), "\(small.stderr)")
        let large = try NeardupTool.run(arguments + ["3000"])
        #expect(large.status == 0)
        #expect(large.stderr.contains("warning:") && large.stderr.contains("larger --base"), "\(large.stderr)")
    }
}

extension NeardupTool {
    /// `Data/reuters/reuters-sample.jsonl` of the source tree.
    static var bundledStories: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Data/reuters/reuters-sample.jsonl").path
    }
}
