import Foundation
import Testing

/// The defaults are calibrated for word 5-grams; character shingles get them scaled (and
/// say so), and an option given on the command line is used as it is.
@Suite("neardup shingle defaults", .serialized)
struct ShingleDefaultsCLITests {
    /// `cluster` then `eval`: the adjusted Rand index against the labels, and `cluster`'s
    /// standard error.
    private static func adjustedRandIndex(_ input: String, labels: String, _ options: [String]) throws -> (ari: Double, stderr: String) {
        let output = try NeardupTool.temporaryDirectory() + "/assignments.jsonl"
        let cluster = try NeardupTool.run(["cluster", input, "--output", output] + options)
        #expect(cluster.status == 0, "\(cluster.stderr)")
        let eval = try NeardupTool.run(["eval", "--labels", labels, "--format", "json", output])
        #expect(eval.status == 0, "\(eval.stderr)")
        let figures = try NeardupTool.jsonObject(eval.stdout)
        return (try #require(figures["adjusted_rand_index"] as? Double, "\(eval.stdout)"), cluster.stderr)
    }

    private static let sets = [
        (NeardupTool.archive, NeardupTool.fixture("archive.labels.json")),
        (NeardupTool.fixture("news-dev/census_articles.csv"), NeardupTool.fixture("news-dev/census.labels.json")),
        (NeardupTool.fixture("news-dev/spotify_articles.csv"), NeardupTool.fixture("news-dev/spotify.labels.json")),
    ]

    /// With the word defaults, 5-character shingles joined same-subject stories (ARI 0.80 on
    /// the archive, 0.18 on census, 0.30 on Spotify); scaled, they find the labelled copies.
    @Test func characterShinglesFindTheLabelledCopies() throws {
        for (input, labels) in Self.sets {
            let (ari, stderr) = try Self.adjustedRandIndex(input, labels: labels, ["--shingle", "chars:5"])
            #expect(ari == 1, "\(input): \(ari)")
            #expect(stderr.contains(
                "chars:5 shingles: threshold 0.8 (half the text, with the 60% of chars:5 shingles that recur by chance counted in), "
                    + "at least 300 shared shingles (--min-shared-words 50: 50 words of text)"), "\(stderr)")
        }
    }

    /// Word 5-grams keep their defaults and their figures, without a note.
    @Test func wordShinglesKeepTheirDefaults() throws {
        for (input, labels) in Self.sets {
            let (ari, stderr) = try Self.adjustedRandIndex(input, labels: labels, [])
            #expect(ari == 1, "\(input): \(ari)")
            #expect(!stderr.contains("shingles:"), "\(stderr)")
        }
    }

    /// A threshold given is used as it is: 0.5 with 5-character shingles is the old result.
    @Test func anExplicitThresholdWins() throws {
        let (ari, stderr) = try Self.adjustedRandIndex(
            NeardupTool.archive, labels: NeardupTool.fixture("archive.labels.json"), ["--shingle", "chars:5", "--threshold", "0.5"])
        #expect(ari < 0.9)
        #expect(stderr.contains("chars:5 shingles: threshold 0.5 (as given)"), "\(stderr)")
    }

    /// `--min-shared-words` has one definition, the README's: an amount of text in words,
    /// counted as shared shingles of the chosen kind.
    @Test func minSharedWordsIsDefinedAsTheReadmeDefinesIt() throws {
        let help = try NeardupTool.run(["help", "scan"])
        #expect(help.status == 0)
        let text = help.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(text.contains("--min-shared-words <min-shared-words> Text a copy must share with its original on overlap alone, in words: "
            + "that many shared word shingles (a 54-word passage holds 50 word 5-grams), or six shared character shingles a word."), "\(text)")
        let readme = try String(contentsOf: NeardupTool.fixtures.appendingPathComponent("../../../README.md").standardized, encoding: .utf8)
        #expect(readme.contains("a 54-word passage holds 50 word 5-grams"))
    }
}
