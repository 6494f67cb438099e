import Foundation
import Testing

/// `neardup stage`: the four stages, joined as a distributed driver joins them (grouped by
/// source, by band key and hub, by component), give `cluster`'s output byte for byte.
@Suite("neardup stage", .serialized)
struct StageCLITests {
    /// One stage over `lines`; its output lines.
    static func stage(_ name: String, _ lines: [String], options: [String] = []) throws -> [String] {
        let run = try NeardupTool.run(["stage", name] + options, stdin: lines.map { $0 + "\n" }.joined())
        #expect(run.status == 0, "\(name): \(run.stderr)")
        return run.stdoutLines.filter { !$0.isEmpty }
    }

    static func fields(_ line: String) -> [String] {
        line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
    }

    /// The stages joined in one process: what `Integrations/spark` does with Spark's shuffles.
    /// Positions go up by 3 to show that only their order counts.
    static func clusterByStages(_ path: String, options: [String]) throws -> String {
        let records = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").enumerated().map { line, record in
            "\(line * 3)\t\(line + 1)\t\(path)\t\(record)"
        }
        var documents: [Int: String] = [:]
        var groups: [String: [String]] = [:]
        for line in try stage("sketch", records, options: options) {
            let fields = fields(line)
            if fields[2] == "-" { documents[Int(fields[1])!] = line } else { groups[fields[2], default: []].append(line) }
        }
        let grouped = groups.keys.sorted().flatMap { groups[$0]! }
        for line in try stage("furniture", grouped, options: options) { documents[Int(fields(line)[1])!] = line }

        var runs: [String: [Int]] = [:]
        for (position, line) in documents {
            let fields = fields(line)
            guard Int(fields[3])! > 0, !fields[4].isEmpty else { continue }
            for key in fields[4].split(separator: ",") { runs[String(key), default: []].append(position) }
        }
        var spokes: [Int: Set<Int>] = [:]
        for run in runs.values {
            let sorted = run.sorted()
            for other in sorted.dropFirst() { spokes[sorted[0], default: []].insert(other) }
        }
        var blocks: [String] = []
        for (hub, others) in spokes.sorted(by: { $0.key < $1.key }) {
            blocks += [documents[hub]!] + others.sorted().map { documents[$0]! } + others.sorted().map { "P\t\(hub)\t\($0)" } + ["B"]
        }
        let edges = try stage("verify", blocks, options: options).filter { $0.hasPrefix("E\t") }

        var parent: [Int: Int] = [:]
        func root(_ node: Int) -> Int {
            var node = node
            while let up = parent[node], up != node { node = up }
            return node
        }
        for edge in edges {
            let fields = fields(edge)
            let (a, b) = (root(Int(fields[1])!), root(Int(fields[2])!))
            if a != b { parent[max(a, b)] = min(a, b) }
        }
        var components: [Int: (members: Set<Int>, edges: [String])] = [:]
        for edge in edges {
            let fields = fields(edge)
            let component = root(Int(fields[1])!)
            components[component, default: ([], [])].members.formUnion([Int(fields[1])!, Int(fields[2])!])
            components[component, default: ([], [])].edges.append(edge)
        }
        var resolveInput: [String] = []
        for (_, component) in components.sorted(by: { $0.key < $1.key }) {
            resolveInput += component.members.sorted().map { documents[$0]! } + component.edges + ["B"]
        }
        var assigned: [Int: (representative: Int, similarity: String)] = [:]
        for line in try stage("resolve", resolveInput, options: options) {
            let fields = fields(line)
            assigned[Int(fields[1])!] = (Int(fields[2])!, fields[3])
        }
        var numbers: [Int: Int] = [:]
        var output = ""
        for position in documents.keys.sorted() {
            let (representative, similarity) = assigned[position] ?? (position, "1.0000")
            let number = numbers[representative] ?? numbers.count
            numbers[representative] = number
            output += "{\"id\": \(fields(documents[position]!)[5]), \"cluster\": \(number), "
                + "\"representative\": \(fields(documents[representative]!)[5]), \"similarity\": \(similarity)}\n"
        }
        return output
    }

    @Test(arguments: [["--documents", "600", "--seed", "5"], ["--documents", "300", "--seed", "6", "--html"]])
    func stagesJoinedGiveClustersOutput(synth: [String]) throws {
        let directory = try NeardupTool.temporaryDirectory()
        let corpus = directory + "/corpus.jsonl"
        let made = try NeardupTool.run(["synth"] + synth + ["--output", corpus, "--labels", directory + "/labels.json"])
        #expect(made.status == 0, "\(made.stderr)")
        for options in [[], ["--date-field", "date", "--threshold", "0.6"]] {
            let batch = try NeardupTool.run(["cluster", corpus, "--quiet"] + options)
            #expect(batch.status == 0)
            let staged = try Self.clusterByStages(corpus, options: options)
            #expect(staged == batch.stdout)
            #expect(batch.stdout.contains("\"similarity\": 0."), "the corpus has copies")
        }
    }

    @Test func badRecordNamesItsFileAndLineOrIsSkipped() throws {
        let lines = ["0\t1\tnews.jsonl\t{\"id\": \"a\", \"text\": \"one story\"}", "1\t2\tnews.jsonl\t{\"id\": \"b\", \"text\": "]
        let stopped = try NeardupTool.run(["stage", "sketch"], stdin: lines.joined(separator: "\n") + "\n")
        #expect(stopped.status == 65)
        #expect(stopped.stderr.contains("news.jsonl:2: invalid JSON"), "\(stopped.stderr)")
        let skipped = try Self.stage("sketch", lines, options: ["--skip-invalid"])
        #expect(skipped.count == 2)
        #expect(skipped[0].hasPrefix("D\t0\t"))
        #expect(skipped[1].hasPrefix("X\t1\tnews.jsonl:2: invalid JSON"))
    }

    @Test func malformedStageInputIsRefused() throws {
        let run = try NeardupTool.run(["stage", "verify"], stdin: "P\t1\t2\nB\n")
        #expect(run.status == 65)
        #expect(run.stderr.contains("standard input:1:"), "\(run.stderr)")
    }
}
