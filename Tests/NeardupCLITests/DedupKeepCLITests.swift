import Foundation
import Testing

/// `dedup --keep`: which copy of a cluster is kept; the removed records name it, and every
/// record read is kept or removed once.
@Suite("neardup dedup --keep", .serialized)
struct DedupKeepCLITests {
    struct Record: Decodable {
        var id: String
        var duplicate_of: String?
    }

    /// A wire story, a longer reprint, a later correction and an unrelated story.
    static func archive(in directory: String) throws -> String {
        let stories = try DedupFiles.lines(DedupFiles.bytes(DedupFiles.reutersSample)).map {
            try JSONDecoder().decode([String: String].self, from: Data(DedupFiles.content($0)))
        }
        let wire = stories[0]["text"]!
        let other = stories[3]["text"]!
        let corrected = wire.replacingOccurrences(of: "Showers continued", with: "Heavy showers continued")
            .replacingOccurrences(of: "weekly review", with: "weekly crop review")
        let records: [[String: String]] = [
            ["id": "wire", "source": "Reuters", "date": "2024-01-02", "text": wire],
            ["id": "reprint", "source": "Gazette", "date": "2024-01-03",
             "text": wire + "\n\nThe Gazette adds that local growers expect a better harvest than last season."],
            ["id": "correction", "source": "Daily Planet", "date": "2024-01-05", "text": corrected],
            ["id": "other", "source": "Reuters", "date": "2024-01-04", "text": other],
        ]
        let path = directory + "/archive.jsonl"
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        try NeardupTool.write(try records.map { String(decoding: try encoder.encode($0), as: UTF8.self) }.joined(separator: "\n") + "\n", to: path)
        return path
    }

    static func records(_ path: String) throws -> [Record] {
        try DedupFiles.lines(DedupFiles.bytes(path)).map { try JSONDecoder().decode(Record.self, from: Data(DedupFiles.content($0))) }
    }

    @Test(arguments: [
        (nil, "wire"), ("original", "wire"), ("earliest", "wire"), ("latest", "correction"), ("longest", "reprint"),
        ("source:Daily Planet", "correction"), ("source:nobody,gazette", "reprint"), ("source:nobody", "wire"),
    ] as [(String?, String)])
    func theCopyThePolicyNamesIsKept(policy: String?, keptID: String) throws {
        let directory = try NeardupTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let input = try Self.archive(in: directory)
        let run = try NeardupTool.run(
            ["dedup", input, "--date-field", "date", "--output", directory + "/kept.jsonl", "--removed", directory + "/removed.jsonl"]
                + (policy.map { ["--keep", $0] } ?? []))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(DedupFiles.summary(run) == "4 read, 2 kept, 2 removed, 0 skipped")
        #expect(try Self.records(directory + "/kept.jsonl").map(\.id) == [keptID, "other"])
        let removed = try Self.records(directory + "/removed.jsonl")
        #expect(Set(removed.map(\.id)) == Set(["wire", "reprint", "correction"]).subtracting([keptID]))
        #expect(removed.allSatisfy { $0.duplicate_of == keptID })
    }

    @Test func datesThatWereNotReadAreNamed() throws {
        let directory = try NeardupTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let input = try Self.archive(in: directory)
        let run = try NeardupTool.run(["dedup", input, "--output", directory + "/kept.jsonl", "--keep", "latest"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("--keep latest: no document has a date that was read (name its field with --date-field)"), "\(run.stderr)")
    }

    @Test func anUnknownPolicyIsAUsageError() throws {
        let directory = try NeardupTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let input = try Self.archive(in: directory)
        for policy in ["newest", "source:", "source: ,"] {
            let run = try NeardupTool.run(["dedup", input, "--output", directory + "/kept.jsonl", "--keep", policy])
            #expect(run.status == 64, "\(policy): \(run.stderr)")
            #expect(run.stderr.contains("--keep"), "\(run.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: directory + "/kept.jsonl"))
    }
}
