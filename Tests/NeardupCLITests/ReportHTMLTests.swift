import Foundation
import Testing
@testable import neardup

/// Text of an archive in a report: escaped at one place for markup (`HTMLEscaping`) and at
/// one for the data scripts (`EmbeddedJSON`), so nothing it holds can end an element.
@Suite("neardup report's HTML", .serialized)
struct ReportHTMLTests {
    @Test func markupEscapingLeavesNoTagOrQuote() {
        #expect(HTMLEscaping.text("<script>alert(1)</script> & \"q\"") == "&lt;script&gt;alert(1)&lt;/script&gt; &amp; \"q\"")
        #expect(HTMLEscaping.attribute("a\"b'c<d>&") == "a&quot;b&#39;c&lt;d&gt;&amp;")
    }

    @Test func embeddedJSONCannotEndItsScript() throws {
        let hostile = "</script><!-- <script>alert(1)</script> & \u{2028}\u{2029} \"quoted\" \\ \n\t\u{01}"
        let bytes = EmbeddedJSON.encode(.array([.string(hostile), .object([("</script>", .int(-3))]), .fixed(0.956, digits: 2), .null]))
        let text = String(decoding: bytes, as: UTF8.self)
        for forbidden in ["<", ">", "&", "\u{2028}", "\u{2029}", "\n"] {
            #expect(!text.contains(forbidden), "\(forbidden) is written as it is: \(text)")
        }
        // What the page's JSON.parse reads back is the text as it was.
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [Any])
        #expect(parsed[0] as? String == hostile)
        #expect((parsed[1] as? [String: Int])?["</script>"] == -3)
        #expect((parsed[2] as? NSNumber)?.doubleValue == 0.96)
        #expect(text.hasSuffix(",0.96,null]"))
    }

    @Test func aHostileArchiveCannotBreakThePage() throws {
        let folder = try NeardupTool.temporaryDirectory()
        let input = folder + "/hostile.jsonl"
        try NeardupTool.write(ReportHostileInput.jsonLines, to: input)
        let report = folder + "/hostile.html"
        let run = try NeardupTool.run(["report", input, "--output", report])
        #expect(run.status == 0, "\(run.stderr)")
        let html = try String(contentsOfFile: report, encoding: .utf8)

        // Four script elements (three of data, one of code), each closed once, and nothing else;
        // the data is base64 (compressed JSON).
        #expect(html.components(separatedBy: "<script").count - 1 == 4)
        #expect(html.components(separatedBy: "</script").count - 1 == 4)
        for forbidden in ["<!--", "</textarea", "<textarea", "alert(1)</", "<img", "\u{2028}"] {
            #expect(!html.contains(forbidden), "\(forbidden) is in the page as it is")
        }
        // The data reads back whole: the ids as given, in the overview.
        let overview = try Self.inflated(try #require(Self.element("nd-overview", type: "text/plain", in: html)), in: folder)
        let data = try #require(try JSONSerialization.jsonObject(with: Data(overview.utf8)) as? [String: Any])
        let groups = try #require(data["groups"] as? [[Any]])
        #expect(groups.count == 1)
        let ids = (groups[0][2] as? [[Any]] ?? []).compactMap { $0[0] as? String }
        #expect(Set(ids) == Set(ReportHostileInput.ids))
        let outlets = try #require(data["outlets"] as? [String])
        #expect(Set(outlets) == Set(ReportHostileInput.outlets))
        // One detail line per story, and the paragraph table it refers to, compressed; they
        // read back with their payloads.
        let details = try Self.inflated(try #require(Self.element("nd-details", type: "text/plain", in: html)), in: folder)
        let lines = details.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 1)
        let detail = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        let numbers = try #require(detail["text"] as? [Int])
        let table = try Self.inflated(try #require(Self.element("nd-paragraphs", type: "text/plain", in: html)), in: folder)
            .split(separator: "\n").map(String.init)
        let text = numbers.map { table[$0] }.joined(separator: "\n")
        #expect(text.contains("</textarea><script>document.body.dataset.pwned='yes'</script>"))
        #expect(((detail["copies"] as? [[String: Any]]) ?? []).compactMap { $0["kind"] as? String }.sorted() == ["excerpt", "expanded"])
    }

    @Test func outputIsRequiredAndNeverAnInput() throws {
        let missing = try NeardupTool.run(["report", NeardupTool.archive])
        #expect(missing.status == 64)
        #expect(missing.stderr.contains("--output"), "\(missing.stderr)")

        let folder = try NeardupTool.temporaryDirectory()
        let input = folder + "/hostile.jsonl"
        try NeardupTool.write(ReportHostileInput.jsonLines, to: input)
        let overwrite = try NeardupTool.run(["report", input, "--output", input])
        #expect(overwrite.status == 64)
        #expect(overwrite.stderr.contains("is the input"), "\(overwrite.stderr)")
        #expect(try String(contentsOfFile: input, encoding: .utf8) == ReportHostileInput.jsonLines)

        let bad = folder + "/bad.jsonl"
        try NeardupTool.write("{\"id\": \"a\", \"text\": \n", to: bad)
        let broken = try NeardupTool.run(["report", bad, "--output", folder + "/bad.html"])
        #expect(broken.status == 65)
        #expect(broken.stderr.contains("bad.jsonl:1"), "\(broken.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder + "/bad.html"))
    }

    @Test func standardOutputTakesThePage() throws {
        let run = try NeardupTool.run(["report", NeardupTool.archive, "--output", "-"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("<!doctype html>"))
        #expect(run.stdout.hasSuffix("</html>\n"))
    }

    /// The text of the `<script>` element with `id`.
    static func element(_ id: String, type: String, in html: String) -> String? {
        guard let start = html.range(of: "<script type=\"\(type)\" id=\"\(id)\">"),
              let end = html[start.upperBound...].range(of: "</script>") else { return nil }
        return String(html[start.upperBound..<end.lowerBound])
    }

    /// A block of compressed text as the page reads it back: base64, then gzip (through
    /// `gzip -d`, as the tests have no inflater of their own).
    static func inflated(_ base64: String, in folder: String) throws -> String {
        let compressed = try #require(Data(base64Encoded: base64), "not base64")
        let path = folder + "/block-" + UUID().uuidString + ".gz"
        try compressed.write(to: URL(fileURLWithPath: path))
        let run = try NeardupTool.run(["-dc", path], executable: URL(fileURLWithPath: "/bin/gzip"))
        #expect(run.status == 0, "\(run.stderr)")
        return run.stdout
    }
}

/// Three copies of one story whose ids, outlets and text carry markup, quotes and script.
enum ReportHostileInput {
    static let ids = ["<script>alert(1)</script>", "quote\"d 'id' </textarea>", "</script><!--"]
    static let outlets = ["<img src=x onerror=\"document.body.dataset.pwned='yes'\">", "Daily \"</script>\" & Co", "\u{2028}Line\u{2029}Sep"]

    static var jsonLines: String {
        let story = [
            "Putin </textarea><script>document.body.dataset.pwned='yes'</script> says he wants Trump as his guest in Moscow.",
            "JOHANNESBURG (Reuters) - Russian President Vladimir Putin said on Friday he wanted U.S. President Donald Trump to be his guest in Moscow, an idea that the White House welcomed despite lingering criticism over the Helsinki summit.",
            "The Russian leader said on a visit to South Africa for an economic conference that appropriate conditions were required in both countries for another summit to take place, an apparent reference to a political uproar.",
            "The White House said Trump was enthusiastic about another summit. Trump has said he wants to improve ties between the two nuclear powers, whose relations have dipped to a post-Cold War low in recent years.",
        ]
        let texts = [
            story.joined(separator: "\n\n"),
            (story + ["<img src=x onerror=\"document.body.dataset.pwned='yes'\"> Related: more news"]).joined(separator: "\n\n"),
            story.dropLast().joined(separator: "\n\n"),
        ]
        return zip(zip(ids, outlets), texts).map { pair, text in
            let object: [String: String] = ["id": pair.0, "source": pair.1, "text": text]
            let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            return String(decoding: data, as: UTF8.self)
        }.joined(separator: "\n") + "\n"
    }
}
