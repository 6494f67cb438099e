import Foundation
import Testing

/// Outputs never destroy what the user pointed at: devices, FIFOs and symbolic links are
/// written through, an output that is an input is refused before anything is read, and
/// `dedup`'s two outputs are put in place together or not at all.
@Suite("neardup outputs", .serialized)
struct OutputSafetyCLITests {
    private static let archive = NeardupTool.fixture("hostile/dedup-archive.jsonl")

    /// A copy of the small JSONL archive in a new folder.
    private func workspace() throws -> (folder: String, input: String) {
        let folder = try NeardupTool.temporaryDirectory()
        let input = folder + "/archive.jsonl"
        try FileManager.default.copyItem(atPath: Self.archive, toPath: input)
        return (folder, input)
    }

    /// The lines of `text`, split on line feeds alone (a CRLF record is one Character in Swift).
    private func assignments(_ text: String) -> [Substring.UTF8View.SubSequence] {
        text.utf8.split(separator: 0x0A)
    }

    // MARK: Where outputs go

    @Test func devStdoutIsStandardOutputAndStaysALink() throws {
        let (_, input) = try workspace()
        let run = try NeardupTool.run(["cluster", input, "--output", "/dev/stdout"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(assignments(run.stdout).count == 24)
        let type = try FileManager.default.attributesOfItem(atPath: "/dev/stdout")[.type] as? FileAttributeType
        #expect(type == .typeSymbolicLink)
    }

    @Test(arguments: ["cluster", "scan", "dedup"])
    func dashIsStandardOutput(command: String) throws {
        let (folder, input) = try workspace()
        let run = try NeardupTool.run([command, input, "--output", "-"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!run.stdout.isEmpty)
        if command == "dedup" { #expect(assignments(run.stdout).count == 18, "the kept records") }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["archive.jsonl"])
    }

    @Test func synthWritesItsCorpusToStandardOutput() throws {
        let (folder, _) = try workspace()
        let run = try NeardupTool.run(["synth", "--documents", "30", "--output", "-", "--labels", "labels.json"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(assignments(run.stdout).count == 30)
        #expect(FileManager.default.fileExists(atPath: folder + "/labels.json"))
    }

    @Test func aSymbolicLinkIsFollowedAndKept() throws {
        let (folder, input) = try workspace()
        try NeardupTool.write("old\n", to: folder + "/target.jsonl")
        try FileManager.default.createSymbolicLink(atPath: folder + "/link.jsonl", withDestinationPath: "target.jsonl")
        let run = try NeardupTool.run(["cluster", input, "--output", folder + "/link.jsonl"])
        #expect(run.status == 0, "\(run.stderr)")
        let type = try FileManager.default.attributesOfItem(atPath: folder + "/link.jsonl")[.type] as? FileAttributeType
        #expect(type == .typeSymbolicLink)
        let written = try String(contentsOfFile: folder + "/target.jsonl", encoding: .utf8)
        #expect(assignments(written).count == 24)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["archive.jsonl", "link.jsonl", "target.jsonl"])
    }

    @Test func aDanglingLinkCreatesItsTarget() throws {
        let (folder, input) = try workspace()
        try FileManager.default.createSymbolicLink(atPath: folder + "/link.jsonl", withDestinationPath: "new.jsonl")
        let run = try NeardupTool.run(["cluster", input, "--output", folder + "/link.jsonl"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(assignments(try String(contentsOfFile: folder + "/new.jsonl", encoding: .utf8)).count == 24)
    }

    @Test func aFIFOIsWrittenInPlace() throws {
        let (folder, input) = try workspace()
        let fifo = folder + "/pipe"
        #expect(mkfifo(fifo, 0o600) == 0)
        let received = Received()
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            // Opening for reading waits for the writer, as a reader of the FIFO would.
            if let handle = FileHandle(forReadingAtPath: fifo) { received.data = handle.readDataToEndOfFile() }
            done.signal()
        }
        let run = try NeardupTool.run(["cluster", input, "--output", fifo])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(done.wait(timeout: .now() + 30) == .success, "the reader of the FIFO never saw the end")
        #expect(assignments(String(decoding: received.data, as: UTF8.self)).count == 24)
        var info = stat()
        #expect(stat(fifo, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
    }

    @Test func aFolderIsNoOutputFile() throws {
        let (folder, input) = try workspace()
        let run = try NeardupTool.run(["cluster", input, "--output", folder])
        #expect(run.status == 73)
        #expect(run.stderr.contains("is a directory"), "\(run.stderr)")
    }

    // MARK: Outputs that are inputs

    @Test(arguments: ["cluster", "scan"])
    func anOutputThatIsTheInputIsRefused(command: String) throws {
        let (folder, input) = try workspace()
        let before = try Data(contentsOf: URL(fileURLWithPath: input))
        try FileManager.default.createSymbolicLink(atPath: folder + "/via-link.jsonl", withDestinationPath: input)
        #expect(link(input, folder + "/hard-link.jsonl") == 0)
        for output in [input, folder + "/./archive.jsonl", folder + "/via-link.jsonl", folder + "/hard-link.jsonl"] {
            let run = try NeardupTool.run([command, input, "--output", output])
            #expect(run.status == 64, "\(output): \(run.stderr)")
            #expect(run.stderr.contains(output) && run.stderr.contains(input), "\(run.stderr)")
            #expect(!run.stderr.contains("documents read"), "refused before reading")
            #expect(try Data(contentsOf: URL(fileURLWithPath: input)) == before)
        }
    }

    @Test func anOutputInsideAnInputFolderIsRefused() throws {
        let folder = try NeardupTool.temporaryDirectory()
        try FileManager.default.copyItem(atPath: NeardupTool.archive, toPath: folder + "/archive")
        let run = try NeardupTool.run(["scan", folder + "/archive", "--output", folder + "/archive/report.txt"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("inside the input folder"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder + "/archive/report.txt"))
    }

    @Test func synthRefusesToOverwriteItsBase() throws {
        let (folder, input) = try workspace()
        let before = try Data(contentsOf: URL(fileURLWithPath: input))
        let run = try NeardupTool.run(["synth", "--documents", "10", "--base", input, "--output", input,
                                       "--labels", folder + "/labels.json"])
        #expect(run.status == 64, "\(run.stderr)")
        #expect(run.stderr.contains("--output"), "\(run.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: input)) == before)
    }

    @Test func synthRefusesTwoOutputsThatAreOneFile() throws {
        let (folder, _) = try workspace()
        try FileManager.default.createSymbolicLink(atPath: folder + "/labels-link.json", withDestinationPath: "corpus.jsonl")
        let run = try NeardupTool.run(["synth", "--documents", "10", "--base", NeardupTool.fixture("corpus/sample.jsonl"),
                                       "--output", folder + "/corpus.jsonl", "--labels", folder + "/labels-link.json"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("name the same file"), "\(run.stderr)")
    }

    // MARK: dedup's pair of outputs

    @Test func dedupPutsNeitherOutputInPlaceWhenOneFails() throws {
        let (folder, input) = try workspace()
        let kept = folder + "/kept.jsonl"
        try NeardupTool.write("what was here before\n", to: kept)
        // Every write to /dev/full fails with "no space left": the removed records cannot be written.
        try FileManager.default.createSymbolicLink(atPath: folder + "/removed.jsonl", withDestinationPath: "/dev/full")
        let run = try NeardupTool.run(["dedup", input, "--output", kept, "--removed", folder + "/removed.jsonl"])
        #expect(run.status == 73, "\(run.stderr)")
        #expect(run.stderr.contains("removed.jsonl"), "\(run.stderr)")
        #expect(try String(contentsOfFile: kept, encoding: .utf8) == "what was here before\n")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty, "temporary files left: \(leftovers)")
    }

    // MARK: gzip output

    @Test func outputsNamedGzAreGzip() throws {
        let (folder, input) = try workspace()
        let runs = [
            try NeardupTool.run(["cluster", input, "--output", folder + "/assignments.jsonl.gz"]),
            try NeardupTool.run(["scan", input, "--format", "json", "--output", folder + "/report.json.gz"]),
            try NeardupTool.run(["dedup", input, "--output", folder + "/kept.jsonl.gz", "--removed", folder + "/removed.jsonl.gz"]),
        ]
        for run in runs { #expect(run.status == 0, "\(run.stderr)") }
        let plain = try NeardupTool.run(["cluster", input])
        #expect(try gunzip(folder + "/assignments.jsonl.gz") == plain.stdout)
        let report = try gunzip(folder + "/report.json.gz")
        #expect(try NeardupTool.jsonObject(report)["summary"] != nil)
        let kept = assignments(try gunzip(folder + "/kept.jsonl.gz")).count
        let removed = assignments(try gunzip(folder + "/removed.jsonl.gz")).count
        #expect(kept + removed == 24 && removed > 0, "kept \(kept), removed \(removed)")
    }

    private func gunzip(_ path: String) throws -> String {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(bytes.starts(with: [0x1F, 0x8B]), "\(path) is not gzip")
        let plain = path + ".txt"
        #expect(FileManager.default.createFile(atPath: plain, contents: nil))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-dc", path]
        process.standardOutput = FileHandle(forWritingAtPath: plain)
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return try String(contentsOfFile: plain, encoding: .utf8)
    }
}

/// What the FIFO's reader thread received.
private final class Received: @unchecked Sendable {
    var data = Data()
}
