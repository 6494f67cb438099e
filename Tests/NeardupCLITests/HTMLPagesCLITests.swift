import Foundation
import Testing
import TestScratch

/// Pages of two news sites, each story in its site's template: unrelated stories that share
/// a template must not be copies, and the same story in the two templates must be.
@Suite("HTML pages")
struct HTMLPagesCLITests {
    static var pages: String { NeardupTool.fixture("pages") }

    @Test func sameStoryAcrossTemplatesClustersAndTemplatesAloneDoNot() throws {
        let run = try NeardupTool.run(["cluster", Self.pages])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdoutLines.filter { !$0.isEmpty }
        #expect(lines == [
            #"{"id": "harbour-courier/brazil-inflation-plan.html", "cluster": 0, "representative": "valley-ledger/brazil-inflation-plan.html", "similarity": 1.0000}"#,
            #"{"id": "harbour-courier/gulf-barge-rates.html", "cluster": 1, "representative": "harbour-courier/gulf-barge-rates.html", "similarity": 1.0000}"#,
            #"{"id": "harbour-courier/senate-export-licensing.html", "cluster": 2, "representative": "harbour-courier/senate-export-licensing.html", "similarity": 1.0000}"#,
            #"{"id": "valley-ledger/argentine-grain.html", "cluster": 3, "representative": "valley-ledger/argentine-grain.html", "similarity": 1.0000}"#,
            #"{"id": "valley-ledger/brazil-inflation-plan.html", "cluster": 0, "representative": "valley-ledger/brazil-inflation-plan.html", "similarity": 1.0000}"#,
            #"{"id": "valley-ledger/lantern-festival-gallery.html", "cluster": 4, "representative": "valley-ledger/lantern-festival-gallery.html", "similarity": 1.0000}"#,
            #"{"id": "valley-ledger/nuclear-plant-veto.html", "cluster": 5, "representative": "valley-ledger/nuclear-plant-veto.html", "similarity": 1.0000}"#,
        ])
    }

    @Test func scanCountsPagesWithNoStoryAndShowsTheirStory() throws {
        let text = try NeardupTool.run(["scan", Self.pages])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stderr.contains("7 documents read, 1 cluster, 1 document is a copy (* = likely original); 1 page has no story text"))
        #expect(text.stdout.contains("valley-ledger/brazil-inflation-plan.html    1.00  Brazil Anti-Inflation Plan Limps To Anniversary RIO DE JANEIRO, Feb 26 - …"))
        let json = try NeardupTool.run(["scan", "--format", "json", Self.pages])
        #expect(json.stdout.contains(#""no_story_pages": 1"#))
        #expect(json.stdout.contains(#""date": "1987-02-26T21:02:00Z""#))
    }

    @Test func pagesInsideJSONLRecordsAreReadAsPages() throws {
        let scratch = try NeardupTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        var lines = ""
        for name in try FileManager.default.subpathsOfDirectory(atPath: Self.pages).filter({ $0.hasSuffix(".html") }).sorted() {
            let page = String(decoding: try Data(contentsOf: URL(fileURLWithPath: Self.pages + "/" + name)), as: UTF8.self)
            let object = try JSONSerialization.data(withJSONObject: ["id": name, "text": page], options: [.sortedKeys])
            lines += String(decoding: object, as: UTF8.self) + "\n"
        }
        let path = scratch + "/pages.jsonl"
        try lines.write(toFile: path, atomically: true, encoding: .utf8)
        let run = try NeardupTool.run(["scan", path])
        #expect(run.stderr.contains("7 documents read, 1 cluster, 1 document is a copy (* = likely original); 1 page has no story text"))
    }

    @Test func extractionCanBeTurnedOff() throws {
        let run = try NeardupTool.run(["scan", "--no-html-extraction", Self.pages])
        #expect(run.status == 0)
        // Read as text, the templates' menus, lists and boxes make unrelated stories copies.
        #expect(!run.stdout.contains("1 cluster, 1 document is a copy"))
        #expect(!run.stdout.contains("no story text"))
    }
}
