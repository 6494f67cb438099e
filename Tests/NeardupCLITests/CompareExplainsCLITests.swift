import Foundation
import Testing

/// `compare` says what it left out of each page before comparing, and why.
@Suite("compare explains")
struct CompareExplainsCLITests {
    @Test func pagesListWhatTheirTemplatesHeldAndWhy() throws {
        let pages = NeardupTool.fixture("pages")
        let run = try NeardupTool.run([
            "compare", "--input", pages, "valley-ledger/brazil-inflation-plan.html", "harbour-courier/brazil-inflation-plan.html",
            "--dropped-lines", "50",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("verdict                 copies"))
        #expect(run.stdout.contains("left out of A as furniture: "))
        #expect(run.stdout.contains("left out of B as furniture: "))
        #expect(run.stdout.contains("[caption] "), "the wire photo's caption")
        #expect(run.stdout.contains("[page structure] "), "the semantic template's nav and footer")

        let json = try NeardupTool.run([
            "compare", "--format", "json", "--input", pages, "valley-ledger/brazil-inflation-plan.html",
            "harbour-courier/brazil-inflation-plan.html",
        ])
        let report = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let dropped = report?["dropped_from_first"] as? [[String: Any]] ?? []
        #expect(!dropped.isEmpty)
        #expect(dropped.allSatisfy { ($0["reason"] as? String).map { !$0.isEmpty } ?? false && $0["text"] is String })
        #expect(report?["first_is_bundle"] as? Bool == false)
    }

    @Test func withItsArchiveLearnedFurnitureIsNamedAndLeftOut() throws {
        let folder = try NeardupTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let site = folder + "/gazette"
        try FileManager.default.createDirectory(atPath: site, withIntermediateDirectories: true)
        let footer = [
            "Sign up for our morning newsletter and get the best of the Gazette in your inbox every day before breakfast.",
            "Enter City and State or Zip Code to set your weather. Your weather is set to the place you entered last time.",
            "Get breaking news alerts on your phone. Turn on notifications? You can change this in the settings at any time.",
            "Copyright The Gazette. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.",
        ].joined(separator: "\n\n")
        for index in 0..<5 {
            let story = (0..<45).map { "s\(index)x\($0 % 7 == 0 ? "" : "w")\($0)" }.joined(separator: " ") + "."
            try (story + "\n\n" + footer).write(toFile: "\(site)/story-\(index).txt", atomically: true, encoding: .utf8)
        }
        let arguments = ["--learn-furniture", "all", "--min-shared-words", "20", "gazette/story-0.txt", "gazette/story-1.txt"]
        let learned = try NeardupTool.run(["compare", "--input", folder] + arguments)
        #expect(learned.status == 0, "\(learned.stderr)")
        #expect(learned.stdout.contains("left out of A as furniture learned from the archive"))
        #expect(learned.stdout.contains("[learned] sign up for our morning newsletter"))
        #expect(learned.stdout.contains("verdict                 not copies"))

        let alone = try NeardupTool.run(["compare", "\(site)/story-0.txt", "\(site)/story-1.txt"] + arguments.dropLast(2))
        #expect(alone.status == 0, "\(alone.stderr)")
        #expect(alone.stdout.contains("verdict                 copies"), "without the archive the footer makes them copies")
        #expect(!alone.stdout.contains("[learned]"))
    }
}
