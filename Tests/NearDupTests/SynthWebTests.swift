import Foundation
import Testing
@testable import NearDup
@testable import NearDupSynth

/// Runs the simulator in web-page mode on the bundled Reuters sample.
private enum WebFixture {
    /// `Data/reuters/reuters-sample.jsonl` in the package source tree.
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let stories: [BaseStory] = (try? BaseStory.read(from: root.appendingPathComponent("Data/reuters/reuters-sample.jsonl").path)) ?? []

    struct Run {
        var documents: [SyntheticDocument]
        var result: SynthesisResult
        var corpus: [UInt8]
        var log: [UInt8]
        var byID: [String: SyntheticDocument]
    }

    static func run(count: Int, seed: UInt64, configure: (inout SynthConfiguration) -> Void = { _ in }) throws -> Run {
        var configuration = SynthConfiguration(seed: seed)
        configuration.format = .html
        configure(&configuration)
        var documents: [SyntheticDocument] = []
        var corpus: [UInt8] = []
        var log: [UInt8] = []
        let result = try ReprintSimulator(configuration: configuration).generate(count: count, from: stories) { document in
            documents.append(document)
            document.appendCorpusLine(to: &corpus)
            document.appendLogLine(to: &log)
        }
        return Run(documents: documents, result: result, corpus: corpus, log: log,
                   byID: Dictionary(uniqueKeysWithValues: documents.map { ($0.id, $0) }))
    }

    /// One shared run for the checks of labels and pages.
    static let standard: Result<Run, Error> = Result { try run(count: 1200, seed: 11) }
}

/// Word 5-grams of a text: lower case, words are runs of letters and digits.
private func fiveGrams(_ text: String) -> Set<[Substring]> {
    let words = text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) })
    guard words.count >= 5 else { return [Array(words)] }
    return Set((0...(words.count - 5)).map { Array(words[$0..<($0 + 5)]) })
}

/// Share of `part`'s 5-grams found in `whole`.
private func containment(of part: String, in whole: String) -> Double {
    let small = fiveGrams(part)
    let large = fiveGrams(whole)
    guard !small.isEmpty else { return 0 }
    return Double(small.filter(large.contains).count) / Double(small.count)
}

/// Problems with the nesting of a page's elements: every element closed in order, void
/// elements never closed, script and style bodies skipped.
private func nestingProblems(_ html: String) -> [String] {
    let voids: Set<String> = ["meta", "link", "img", "br", "input", "hr", "!doctype"]
    var stack: [String] = []
    var problems: [String] = []
    var rest = Substring(html)
    while let open = rest.firstIndex(of: "<") {
        rest = rest[rest.index(after: open)...]
        guard let close = rest.firstIndex(of: ">") else { break }
        let inside = rest[..<close]
        rest = rest[rest.index(after: close)...]
        let isClosing = inside.hasPrefix("/")
        let name = String(inside.drop { $0 == "/" }.prefix { !$0.isWhitespace && $0 != "/" }).lowercased()
        if voids.contains(name) { continue }
        if isClosing {
            if stack.last == name { stack.removeLast() } else { problems.append("</\(name)> closes <\(stack.last ?? "nothing")>") }
        } else if name == "script" || name == "style" {
            guard let end = rest.range(of: "</\(name)>") else { return problems + ["unclosed \(name)"] }
            rest = rest[end.upperBound...]
        } else {
            stack.append(name)
        }
    }
    return problems + stack.map { "<\($0)> never closed" }
}

@Suite("Synth: web pages", .serialized)
struct SynthWebTests {
    @Test func sameSeedGivesIdenticalPagesAndAnotherSeedDoesNot() throws {
        let first = try WebFixture.run(count: 300, seed: 5)
        let again = try WebFixture.run(count: 300, seed: 5)
        let other = try WebFixture.run(count: 300, seed: 6)
        #expect(first.corpus == again.corpus)
        #expect(first.log == again.log)
        #expect(first.result.labelsJSON() == again.result.labelsJSON())
        #expect(first.corpus != other.corpus)
        #expect(first.documents.count == 300)
    }

    @Test func everyKindOfPageIsPresentAndEachIsAWholePage() throws {
        let run = try WebFixture.standard.get()
        let kinds = Set(run.documents.map(\.kind))
        #expect(kinds == [.original, .writeThru, .reprint, .digest, .negative, .gallery, .liveBlog, .listing], "\(kinds)")
        for document in run.documents {
            let text = document.text
            #expect(text.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">") && text.hasSuffix("</html>\n"), "\(document.id)")
            #expect(text.contains("<title>"), "\(document.id)")
            #expect(document.url?.hasPrefix("https://www.") == true && document.url?.contains(".example/") == true)
            #expect(document.date.count == 20 && document.date.hasSuffix("Z"), "\(document.date)")
        }
        // Publication metadata: every style shows up, and what a page says is its date.
        let texts = run.documents.map(\.text)
        #expect(texts.contains { $0.contains("<meta property=\"og:title\"") })
        #expect(texts.contains { $0.contains("<script type=\"application/ld+json\">") })
        #expect(texts.contains { $0.contains("<time class=") && $0.contains(" datetime=\"") })
        for document in run.documents.prefix(300) where document.text.contains("article:published_time") {
            #expect(document.text.contains("\"\(document.date)\""), "\(document.id): the page names its date")
        }
    }

    @Test func pagesAreWellNested() throws {
        let run = try WebFixture.standard.get()
        for document in run.documents.prefix(400) {
            let problems = nestingProblems(document.text)
            #expect(problems.isEmpty, "\(document.id) \(document.kind): \(problems.prefix(3))")
        }
    }

    @Test func labelsAreConsistentWithTheLog() throws {
        let run = try WebFixture.standard.get()
        var clusterOf: [String: Int] = [:]
        for (index, cluster) in run.result.clusters.enumerated() {
            #expect(cluster.count >= 2)
            for id in cluster {
                #expect(run.byID[id] != nil, "\(id) is in the corpus")
                #expect(clusterOf.updateValue(index, forKey: id) == nil, "\(id) is in one cluster only")
            }
            // A cluster is one story's pages or one live blog's snapshots, never a mix.
            let documents = cluster.compactMap { run.byID[$0] }
            #expect(Set(documents.map(\.story)).count == 1)
            let isBlog = documents.contains { $0.kind == .liveBlog }
            #expect(!isBlog || documents.allSatisfy { $0.kind == .liveBlog })
            #expect(Set(documents.map(\.original)).count == 1)
        }
        var blogs = 0
        for document in run.documents {
            switch document.kind {
            case .gallery, .listing, .digest:
                #expect(clusterOf[document.id] == nil, "\(document.id): a \(document.kind) is a singleton")
            case .liveBlog:
                blogs += 1
                let snapshots = run.documents.filter { $0.story == document.story }
                if snapshots.count >= 2 { #expect(clusterOf[document.id] != nil, "a live blog's snapshots are one cluster") }
                // Never with the story one of its items carries.
                let itemStory = try #require(document.items.first)
                if let cluster = clusterOf[document.id] {
                    #expect(run.result.clusters[cluster].allSatisfy { run.byID[$0]?.story != itemStory })
                }
                #expect(run.documents.contains { $0.story == itemStory && $0.kind == .original }, "the item's story is published on its own")
            default:
                let storyPages = run.documents.filter { $0.story == document.story }
                #expect((clusterOf[document.id] != nil) == (storyPages.count >= 2), "\(document.id)")
            }
        }
        #expect(blogs > 0)
    }

    @Test func theOriginalIsTheEarliestPageOfItsCluster() throws {
        let run = try WebFixture.standard.get()
        for cluster in run.result.clusters {
            let documents = cluster.compactMap { run.byID[$0] }
            let original = try #require(run.byID[documents[0].original ?? ""])
            for document in documents where document.id != original.id {
                #expect(original.date < document.date, "\(original.id) \(original.date) vs \(document.id) \(document.date)")
            }
        }
    }

    @Test func liveBlogSnapshotsShareMostItemsAndOneCarriesTheStory() throws {
        let run = try WebFixture.standard.get()
        let blogs = Dictionary(grouping: run.documents.filter { $0.kind == .liveBlog }, by: { $0.story! })
        #expect(blogs.count >= 5)
        var withStory = 0
        for (_, snapshots) in blogs {
            let ordered = snapshots.sorted { $0.date < $1.date }
            #expect(ordered.first?.id == ordered.first?.original, "the first snapshot is the blog's original")
            for (earlier, later) in zip(ordered, ordered.dropFirst()) {
                #expect(containment(of: earlier.body, in: later.body) >= 0.5, "\(earlier.id) -> \(later.id)")
                #expect(later.body.count > earlier.body.count / 2)
            }
            let itemStory = try #require(ordered[0].items.first)
            let story = try #require(run.documents.first { $0.story == itemStory && $0.kind == .original })
            let last = try #require(ordered.last)
            #expect(containment(of: story.body, in: last.body) > 0.95, "the newest snapshot carries the story item")
            #expect(containment(of: last.body, in: story.body) < 0.8, "but is more than it")
            withStory += 1
        }
        #expect(withStory == blogs.count)
    }

    @Test func captionsAreSharedBetweenAnEventsPagesWithoutMakingCopies() throws {
        let run = try WebFixture.standard.get()
        let galleries = run.documents.filter { $0.kind == .gallery }
        #expect(galleries.count >= 20)
        var shared = 0
        for gallery in galleries {
            let event = try #require(gallery.items.first)
            let pages = run.documents.filter { ($0.story == event || $0.shadows == event) && $0.kind != .liveBlog }
            let captions = gallery.body.split(separator: "\n").map(String.init)
            #expect(captions.count >= 5)
            #expect(captions.allSatisfy { $0.contains("AP Photo/") || $0.contains("REUTERS/") || $0.contains("AFP") || $0.contains(" via AP)") || $0.contains("/Getty Images)") })
            // The same caption, word for word, on a story page of the event.
            let pageTexts = pages.map(\.text)
            let first = captions.compactMap { caption in caption.split(separator: " ").prefix(8).joined(separator: " ") }
            if first.contains(where: { prefix in pageTexts.contains { $0.contains(prefix) } }) { shared += 1 }
            if let original = pages.first(where: { $0.kind == .original }) {
                #expect(containment(of: gallery.body, in: original.body) < 0.5, "a gallery is no copy of its story")
            }
        }
        #expect(shared * 2 >= galleries.count, "\(shared) of \(galleries.count) galleries share a caption with a story page")
        // Credits in every picture desk's format.
        let all = run.documents.filter { $0.kind == .gallery }.map(\.body).joined(separator: "\n")
        for credit in ["(AP Photo/", "REUTERS/", "AFP", " via AP)", "/Getty Images)"] { #expect(all.contains(credit), "\(credit)") }
    }

    @Test func listingsCarryHeadlinesAndSnippetsOnly() throws {
        let run = try WebFixture.standard.get()
        let listings = run.documents.filter { $0.kind == .listing }
        #expect(listings.count >= 40)
        for listing in listings.prefix(20) {
            #expect((10...24).contains(listing.items.count))
            for key in listing.items {
                if let original = run.documents.first(where: { $0.story == key && $0.kind == .original }) {
                    #expect(containment(of: original.body, in: listing.body) < 0.5)
                }
            }
        }
    }

    @Test func sitesHaveTheirOwnTemplatesAndNetworksShareWidgets() throws {
        var configuration = SynthConfiguration(seed: 3)
        configuration.format = .html
        let roster = OutletRoster(count: 120, seed: 3, printShare: 0.25)
        let sites = SiteRoster(outlets: roster.outlets, configuration: configuration)
        #expect(Set(sites.outlets.map(\.bodyTop)).count == sites.outlets.count, "no two sites look alike")
        #expect(Set(sites.outlets.map(\.layout)) == [.semantic, .divs, .tables])
        #expect(Set(sites.outlets.map(\.classes.scheme)).count == SiteClassNames.Scheme.allCases.count)
        let networked = sites.networkOf.enumerated().filter { $0.element >= 0 }
        #expect(abs(Double(networked.count) / 120 - 0.6) < 0.05)
        let byNetwork = Dictionary(grouping: networked.map(\.offset), by: { sites.networkOf[$0] })
        for (_, members) in byNetwork {
            #expect(members.count >= 2)
            let widgets = members.map { sites.outlets[$0].widgets }
            #expect(Set(widgets.map(\.cookie)).count == 1 && Set(widgets.map(\.commentPolicy)).count == 1)
            #expect(Set(widgets.map(\.newsletterPitch)).count == 1)
        }
        let independent = sites.networkOf.enumerated().filter { $0.element < 0 }.map { sites.outlets[$0.offset].widgets.commentPolicy }
        #expect(Set(independent).count > independent.count * 9 / 10)
    }

    @Test func pagePathIdsNameTheSiteFolders() throws {
        let run = try WebFixture.run(count: 120, seed: 7) { $0.pagePathIds = true }
        for document in run.documents {
            let parts = document.id.split(separator: "/")
            #expect(parts.count == 3 && document.id.hasSuffix(".html"), "\(document.id)")
            #expect(parts.first.map(String.init) == HTMLBytes.slug(Array(document.source.utf8), words: 6))
        }
        #expect(Set(run.documents.map(\.id)).count == 120)
        #expect(Set(run.result.clusters.joined()).isSubset(of: Set(run.documents.map(\.id))))
    }

    @Test func savedArticlesGiveTheirHeadlineAndLead() {
        var story = BaseStory(id: "a", title: "", text: "Spotify Will No Longer Punish Musicians\n\nMay 30, 2019\n\nBy Anna Abbott\n\nThe company said on Friday it would drop the policy after criticism from artists and labels across the industry.\n\nMore text.")
        story.takeHeadlineFromFirstParagraph()
        #expect(story.title == "Spotify Will No Longer Punish Musicians")
        #expect(story.text.hasPrefix("The company said on Friday"))
        var dated = BaseStory(id: "b", title: "", text: "May 31 at 3:41 PM\n\nThis week, the hood came off.\n\nThe rest.")
        dated.takeHeadlineFromFirstParagraph()
        #expect(dated.title.isEmpty, "a time stamp is no headline")
        #expect(dated.text.hasPrefix("This week"))
    }

    @Test func slugsAndTimesAreWrittenWithoutFoundation() {
        #expect(HTMLBytes.slug(Array("Oil prices climb as O.P.E.C. meets".utf8)) == "oil-prices-climb-as-o-p-e-c")
        #expect(HTMLBytes.slug(Array("Oil prices climb".utf8), words: 2) == "oil-prices")
        let time = PageTime.day(6265, minute: 14 * 60 + 5)
        #expect(time.iso == "1987-02-26T14:05:00Z")
        #expect(time.clock12 == "2:05 p.m.")
        #expect(time.display(style: 0) == "February 26, 1987 2:05 PM")
        var escaped: [UInt8] = []
        HTMLBytes.appendAttribute("AT&T \"<b>\"", to: &escaped)
        #expect(String(decoding: escaped, as: UTF8.self) == "AT&amp;T &quot;&lt;b&gt;&quot;")
    }
}
