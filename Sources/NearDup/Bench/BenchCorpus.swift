/// A news-like corpus of any size built from real stories, for throughput runs.
///
/// Each new document strings together 6–20 paragraphs drawn at random from all the stories
/// (news pages run to several hundred words, while many wire items are short), so two new
/// documents share a paragraph now and then, as stories of one event share quotes; about one
/// in five documents is a reprint of an earlier one with a paragraph dropped and an outlet
/// line added, so later stages see real copies. Seeded and deterministic.
package enum BenchCorpus {
    package static func make(from stories: [Document], megabytes: Double, seed: UInt64 = 7) -> [Document] {
        let paragraphs = stories.flatMap { Paragraphs.split($0.text) }
        precondition(!paragraphs.isEmpty, "no text to build a corpus from")
        var counter: UInt64 = 0
        func nextRandom() -> UInt64 {
            counter &+= 1
            return mix64(seed ^ (counter &* 0x9E37_79B9_7F4A_7C15))
        }
        let target = Int(megabytes * 1_000_000)
        var documents: [Document] = []
        var bytes = 0
        while bytes < target {
            let text: String
            if documents.count > 10 && nextRandom() % 5 == 0 {
                let original = documents[Int(nextRandom() % UInt64(documents.count))].text
                var kept = original.components(separatedBy: "\n\n")
                if kept.count > 2 { kept.remove(at: Int(nextRandom() % UInt64(kept.count))) }
                text = "The Example Courier | World\n\n" + kept.joined(separator: "\n\n")
            } else {
                let parts = 6 + Int(nextRandom() % 15)
                var body: [String] = []
                for _ in 0..<parts {
                    body.append(paragraphs[Int(nextRandom() % UInt64(paragraphs.count))])
                }
                text = body.joined(separator: "\n\n")
            }
            bytes += text.utf8.count
            documents.append(Document(
                id: "bench-\(documents.count)", text: text,
                origin: SourceLocation(file: "<bench>", line: documents.count + 1)))
        }
        return documents
    }
}
