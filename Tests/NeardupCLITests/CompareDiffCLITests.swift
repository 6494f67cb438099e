import Foundation
import Testing

/// `compare` shows what B changed against A: paragraphs aligned, words changed inside them;
/// plain text when standard output is no terminal, and the same diff in JSON.
@Suite("compare diff")
struct CompareDiffCLITests {
    static func archive(_ name: String) -> String {
        DedupFiles.packageRoot.appendingPathComponent("Data/archive/\(name)").path
    }

    @Test func aReprintShowsItsNewHeadlineItsAddedLinesAndItsCopyEdits() throws {
        let run = try NeardupTool.run([
            "compare", Self.archive("reuters-wire-putin-invites-trump.txt"),
            Self.archive("marlow-ridge-observer-byline-footer-putin-invites-trump.txt"),
        ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!run.stdout.contains("\u{1B}["), "no colour when standard output is a pipe")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        guard let start = lines.firstIndex(where: { $0.hasPrefix("B against A: ") }) else {
            Issue.record("no diff in \(run.stdout)")
            return
        }
        #expect(lines[start].hasPrefix("B against A: 20 of 21 paragraphs of A kept (9 with 52 words changed), 1 dropped, 10 added"))
        let diff = lines[(start + 1)...]
        #expect(diff.first == "  -  1     Putin says he wants Trump as his guest in Moscow, White House welcomes idea")
        #expect(diff.contains("  +     3  By Reuters Staff"))
        #expect(diff.contains("  +    10  RELATED ARTICLES"))
        #expect(diff.contains { $0.hasPrefix("  ~  2  4  [-JOHANNESBURG (Reuters) --] Russian President Vladimir Putin said on Friday he wanted [-U.S.-] {+US+} President") })
        #expect(diff.contains { $0.hasPrefix("  =  3  5  The Russian leader said") })
    }

    @Test func theDiffIsInTheJSONReport() throws {
        let run = try NeardupTool.run([
            "compare", "--format", "json", Self.archive("reuters-wire-putin-invites-trump.txt"),
            Self.archive("fernbrook-ledger-truncated-putin-invites-trump.txt"),
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        let diff = report?["diff"] as? [[String: Any]] ?? []
        let operations = diff.compactMap { $0["op"] as? String }
        #expect(operations.count == diff.count && !diff.isEmpty)
        // A copy cut short after its seventh paragraph, under a new headline and dateline,
        // with a "Read more" line at the end.
        #expect(operations.filter { $0 == "same" }.count == 6)
        #expect(diff.filter { $0["op"] as? String == "dropped" }.compactMap { $0["a"] as? Int } == [0] + Array(7...20))
        #expect(operations.filter { $0 == "added" }.count == 3)
        for entry in diff where entry["op"] as? String == "changed" {
            let words = entry["words"] as? [[String: String]] ?? []
            #expect(words.allSatisfy { $0.count == 1 && ["kept", "removed", "inserted"].contains($0.keys.first!) })
        }
    }
}
