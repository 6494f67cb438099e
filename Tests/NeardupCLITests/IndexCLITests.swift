import Foundation
import Testing

/// `neardup index` as a user runs it: the same records as `cluster`, options fixed at
/// creation, an index that survives `kill -9` at any moment, and readers beside a writer.
@Suite struct IndexCLITests {
    static let sample: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Data/reuters/reuters-sample.jsonl").path

    /// A generated corpus of `count` documents cut into files of `partSize` lines, in order.
    static func corpus(count: Int, seed: Int, partSize: Int, in folder: String) throws -> (whole: String, parts: [String]) {
        let whole = folder + "/corpus.jsonl"
        let synth = try NeardupTool.run([
            "synth", "--documents", String(count), "--seed", String(seed), "--base", sample, "--output", whole, "--labels", folder + "/labels.json",
        ])
        try #require(synth.status == 0, "\(synth.stderr)")
        let lines = try String(contentsOfFile: whole, encoding: .utf8).split(separator: "\n")
        var parts: [String] = []
        for (number, start) in stride(from: 0, to: lines.count, by: partSize).enumerated() {
            let part = folder + "/part-\(number).jsonl"
            try NeardupTool.write(lines[start..<min(lines.count, start + partSize)].joined(separator: "\n") + "\n", to: part)
            parts.append(part)
        }
        return (whole, parts)
    }

    static func exportLines(_ index: String) throws -> [String] {
        let export = try NeardupTool.run(["index", "export", index])
        try #require(export.status == 0, "\(export.stderr)")
        return export.stdoutLines.filter { !$0.isEmpty }
    }

    @Test func anIndexExportsWhatClusterWritesAndSaysWhatTheNewDocumentsJoined() throws {
        let folder = try NeardupTool.temporaryDirectory()
        let index = folder + "/archive.index"
        let add = try NeardupTool.run(["index", "add", index, NeardupTool.archive, "--output", folder + "/joined.jsonl"])
        #expect(add.status == 0, "\(add.stderr)")
        #expect(add.stderr.hasPrefix("24 new documents\n"))
        #expect(add.stderr.contains("new cluster 6 of 5 (reuters-wire-putin-invites-trump.txt)"))
        let joined = try String(contentsOfFile: folder + "/joined.jsonl", encoding: .utf8)
        #expect(joined.split(separator: "\n").count == 8)
        let cluster = try NeardupTool.run(["cluster", NeardupTool.archive, "--quiet"])
        #expect(try Self.exportLines(index) == cluster.stdoutLines.filter { !$0.isEmpty })
        let again = try NeardupTool.run(["index", "add", index, NeardupTool.archive])
        #expect(again.stderr.hasPrefix("0 new documents, 24 already indexed with the same text (skipped)"))
        let check = try NeardupTool.run(["index", "check", index])
        #expect(check.status == 0 && check.stdout.hasSuffix("intact\n"))
        let stats = try NeardupTool.run(["index", "stats", index])
        #expect(stats.stdout.hasPrefix("documents: 24\nclusters: 2 (of 2 or more), holding 6 copies\n"))
    }

    @Test func aQueryNamesTheClusterItWouldJoin() throws {
        let folder = try NeardupTool.temporaryDirectory()
        let index = folder + "/archive.index"
        _ = try NeardupTool.run(["index", "add", index, NeardupTool.archive])
        let reprint = try String(contentsOfFile: NeardupTool.archive + "/marlow-ridge-observer-byline-footer-putin-invites-trump.txt", encoding: .utf8)
        let query = try NeardupTool.run(["index", "query", index, "--text", reprint])
        #expect(query.status == 0, "\(query.stderr)")
        let line = try NeardupTool.jsonObject(query.stdoutLines[0])
        #expect(line["joins"] as? String == "reuters-wire-putin-invites-trump.txt")
        let matches = line["matches"] as? [[String: Any]] ?? []
        #expect(matches.count == 5)
        #expect(matches.first?["id"] as? String == "marlow-ridge-observer-byline-footer-putin-invites-trump.txt")
        #expect(matches.first?["similarity"] as? Double == 1)
        #expect(matches.allSatisfy { $0["relation"] as? String == "copy" })
        #expect(try Self.exportLines(index).count == 24)
    }

    @Test func optionsThatDecideClustersCannotChangeOnAnExistingIndex() throws {
        let folder = try NeardupTool.temporaryDirectory()
        let index = folder + "/archive.index"
        _ = try NeardupTool.run(["index", "add", index, NeardupTool.fixture("archive/cnn.com-1333.txt"), "--shingle", "words:4"])
        let refused = try NeardupTool.run(["index", "add", index, NeardupTool.archive, "--threshold", "0.7"])
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("the index was built with other options, which decide its clusters: threshold 0.5, not 0.7"))
        #expect(try Self.exportLines(index).count == 1)
        // Left out, the index's own apply (4-word shingles).
        let added = try NeardupTool.run(["index", "add", index, NeardupTool.archive])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(try NeardupTool.run(["index", "stats", index]).stdout.contains("\"shingle\":\"words:4\""))
    }

    @Test func anOutputInsideTheIndexIsRefused() throws {
        let folder = try NeardupTool.temporaryDirectory()
        let index = folder + "/archive.index"
        _ = try NeardupTool.run(["index", "add", index, NeardupTool.archive])
        let store = index + "/index.sqlite"
        let before = try Data(contentsOf: URL(fileURLWithPath: store))
        for arguments in [["index", "export", index, "--output", store],
                          ["index", "add", index, NeardupTool.archive, "--output", store],
                          ["index", "query", index, "--text", "words", "--output", store]] {
            let run = try NeardupTool.run(arguments)
            #expect(run.status == 64, "\(arguments)")
            #expect(run.stderr.contains("lies inside the input folder \(index)"), "\(run.stderr)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: store)) == before)
        #expect(try NeardupTool.run(["index", "check", index]).status == 0)
    }

    @Test func removingPrintsWhatWasRemovedAndWhatWasNotThere() throws {
        let folder = try NeardupTool.temporaryDirectory()
        let index = folder + "/archive.index"
        _ = try NeardupTool.run(["index", "add", index, NeardupTool.archive])
        let remove = try NeardupTool.run(["index", "remove", index, "reuters-wire-putin-invites-trump.txt", "nothing.txt"])
        #expect(remove.status == 0)
        #expect(remove.stderr == "1 document removed; 1 id not in the index: \"nothing.txt\"\n")
        let export = try Self.exportLines(index).joined(separator: "\n")
        #expect(!export.contains("\"reuters-wire-putin-invites-trump.txt\""))
        #expect(export.contains("\"representative\": \"moscowtimes-2018-07-28-putin-invites-trump.txt\""))
    }

    /// Each add is killed at random moments, 24 times in all; after each kill the index checks
    /// intact and holds what the last completed add left, and the add run again completes it.
    @Test func anAddKilledAtAnyMomentLeavesTheLastCompletedCommand() throws {
        let folder = try NeardupTool.temporaryDirectory()
        let index = folder + "/archive.index"
        let (whole, parts) = try Self.corpus(count: 1_200, seed: 31, partSize: 300, in: folder)
        let executable = try NeardupTool.executable.get()
        var random = SeededRandom(state: 0x5EED)
        var documents = 0
        for part in parts {
            for _ in 0..<6 {
                let process = Process()
                process.executableURL = executable
                process.arguments = ["index", "add", index, part, "--quiet"]
                process.standardError = FileHandle.nullDevice
                try process.run()
                usleep(UInt32(random.next() % 1_500_000))
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                let check = try NeardupTool.run(["index", "check", index])
                #expect(check.status == 0, "\(check.stderr)")
                let count = try Self.exportLines(index).count
                #expect(count == documents || count == documents + 300, "holds \(count) documents")
            }
            let completed = try NeardupTool.run(["index", "add", index, part, "--quiet"])
            #expect(completed.status == 0, "\(completed.stderr)")
            documents += 300
            #expect(try Self.exportLines(index).count == documents)
        }
        let cluster = try NeardupTool.run(["cluster", whole, "--quiet"])
        #expect(try Self.exportLines(index) == cluster.stdoutLines.filter { !$0.isEmpty })
    }

    /// Queries and exports while an add runs see the index as of the last completed command.
    @Test func readersWorkWhileAnAddRuns() throws {
        let folder = try NeardupTool.temporaryDirectory()
        let index = folder + "/archive.index"
        let (_, parts) = try Self.corpus(count: 1_600, seed: 32, partSize: 400, in: folder)
        _ = try NeardupTool.run(["index", "add", index, parts[0], "--quiet"])
        let before = try Self.exportLines(index)
        let process = Process()
        process.executableURL = try NeardupTool.executable.get()
        process.arguments = ["index", "add", index, parts[1], parts[2], parts[3], "--quiet"]
        try process.run()
        var reads = 0
        // Reads that began and ended while the add ran, and saw the index as it was before:
        // a reader that waited for the writer would have none.
        var readsBesideTheWriter = 0
        let story = try String(contentsOfFile: parts[0], encoding: .utf8).split(separator: "\n")[0]
        let text = try NeardupTool.jsonObject(String(story))["text"] as? String ?? ""
        while process.isRunning || reads < 2 {
            let began = process.isRunning
            let export = try Self.exportLines(index)
            let query = try NeardupTool.run(["index", "query", index, "--text", text])
            if began && process.isRunning && export == before { readsBesideTheWriter += 1 }
            #expect(export == before || export.count == 1_600, "an export saw \(export.count) documents")
            #expect(query.status == 0, "\(query.stderr)")
            #expect(query.stdout.contains("\"relation\": \"copy\""))
            reads += 1
        }
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(readsBesideTheWriter >= 1, "no read finished while the add ran (\(reads) reads)")
        #expect(try Self.exportLines(index).count == 1_600)
    }
}

/// xorshift64: the same delays on every run.
struct SeededRandom {
    var state: UInt64

    mutating func next() -> UInt64 {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return state
    }
}
