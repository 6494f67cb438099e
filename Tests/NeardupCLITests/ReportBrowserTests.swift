import Foundation
import Testing

/// `neardup report` opened in a real browser: headless Chromium (Debian's `chromium`, which
/// `scripts/setup.sh` installs). The page's `#check` mode opens every cluster and every diff
/// and writes what it found, with any script error, into `#nd-check`; Chromium prints the
/// DOM it ends with, and its console on standard error.
@Suite("neardup report in Chromium", .serialized)
struct ReportBrowserTests {
    @Test func theArchiveReportOpensEveryClusterWithoutErrors() throws {
        let folder = try NeardupTool.temporaryDirectory()
        let report = folder + "/archive.html"
        let run = try NeardupTool.run(["report", Self.archive, "--output", report])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.hasSuffix("24 documents read, 2 clusters, 6 documents are copies\n"), "\(run.stderr)")

        let browser = try Chromium.open(report, fragment: "check", in: folder)
        let check = try #require(Self.checkResult(in: browser.dom), "no #nd-check in the page: the script did not finish\n\(browser.console)")
        #expect(check.status == "ok", "\(check.json)")
        #expect(check.json.contains("\"stories\":2,\"opened\":2,\"diffs\":6,\"copies\":6,\"errors\":[]"), "\(check.json)")
        #expect(browser.console.isEmpty, "console messages:\n\(browser.console.joined(separator: "\n"))")

        // Every cluster and every member, the original and its reason, and the diffs' marks.
        for text in ["Cluster 6", "Cluster 2", "holds most of the others' text", "excerpt: cut after paragraph 7 of 21",
                     "class=\"para dropped\"", "class=\"para added\"", "<ins>", "<del>"] {
            #expect(browser.dom.contains(text), "\(text) is not in the opened report")
        }
        let members = try FileManager.default.contentsOfDirectory(atPath: Self.archive).filter { Self.clustered.contains($0) }
        #expect(members.count == 8)
        for id in members { #expect(browser.dom.contains(">\(id)</code>"), "\(id) is not shown") }
    }

    @Test func anOpenedClusterShowsItsDiffInAScreenshot() throws {
        let folder = try NeardupTool.temporaryDirectory()
        let report = folder + "/archive.html"
        let run = try NeardupTool.run(["report", Self.archive, "--output", report])
        #expect(run.status == 0, "\(run.stderr)")

        let opened = try Chromium.open(report, fragment: "cluster=6", in: folder)
        #expect(opened.console.isEmpty, "console messages:\n\(opened.console.joined(separator: "\n"))")
        #expect(opened.dom.contains("class=\"diff\""), "opening cluster 6 shows no diff")
        #expect(opened.dom.contains("reuters-wire-putin-invites-trump.txt"))

        let screenshot = folder + "/report.png"
        try Chromium.screenshot(report, fragment: "cluster=6", to: screenshot, in: folder)
        let bytes = try #require(FileManager.default.contents(atPath: screenshot), "no screenshot written")
        #expect(bytes.count > 10_000, "the screenshot is \(bytes.count) bytes")
        #expect(Array(bytes.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "the screenshot is no PNG")
    }

    @Test func hostileTextIsShownAndNeverRun() throws {
        let folder = try NeardupTool.temporaryDirectory()
        let input = folder + "/hostile.jsonl"
        try NeardupTool.write(ReportHostileInput.jsonLines, to: input)
        let report = folder + "/hostile.html"
        let run = try NeardupTool.run(["report", input, "--output", report])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("1 cluster, 2 documents are copies"), "\(run.stderr)")

        let browser = try Chromium.open(report, fragment: "check", in: folder)
        let check = try #require(Self.checkResult(in: browser.dom), "no #nd-check in the page\n\(browser.console)")
        #expect(check.status == "ok", "\(check.json)")
        #expect(browser.console.isEmpty, "console messages:\n\(browser.console.joined(separator: "\n"))")
        // Had any payload run, it would have marked the body or added an element.
        #expect(!browser.dom.contains("data-pwned"), "an injected script or handler ran")
        #expect(!browser.dom.contains("<img"), "an injected element was created")
        #expect(!browser.dom.contains("<textarea"), "an injected element was created")
        // The payloads are there, as text.
        #expect(browser.dom.contains("&lt;script&gt;document.body.dataset.pwned"))
    }

    /// Addresses the input gives link each copy to its page; only http and https ones.
    @Test func copiesLinkToTheirPagesAndNoScriptAddressBecomesALink() throws {
        let folder = try NeardupTool.temporaryDirectory()
        let input = folder + "/linked.jsonl"
        let story = try String(contentsOfFile: Self.archive + "/reuters-wire-putin-invites-trump.txt", encoding: .utf8)
        let reprint = try String(contentsOfFile: Self.archive + "/moscowtimes-2018-07-28-putin-invites-trump.txt", encoding: .utf8)
        let records: [[String: String]] = [
            ["id": "wire", "text": story, "page": "https://wire.example/world/putin-trump"],
            ["id": "reprint", "text": reprint, "page": "javascript:document.body.dataset.pwned=1"],
            ["id": "second", "text": "Moscow Times\n\n" + reprint, "page": " HTTP://second.example/story?a=1&b=2 "],
        ]
        let lines = try records.map { String(decoding: try JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys]), as: UTF8.self) }
        try NeardupTool.write(lines.joined(separator: "\n") + "\n", to: input)
        let report = folder + "/linked.html"
        let run = try NeardupTool.run(["report", input, "--url-field", "page", "--output", report])
        #expect(run.status == 0, "\(run.stderr)")

        let browser = try Chromium.open(report, fragment: "check", in: folder)
        let check = try #require(Self.checkResult(in: browser.dom), "no #nd-check in the page\n\(browser.console)")
        #expect(check.status == "ok", "\(check.json)")
        #expect(browser.dom.contains("href=\"https://wire.example/world/putin-trump\""), "the original links to its page")
        #expect(browser.dom.contains("href=\"HTTP://second.example/story?a=1&amp;b=2\""), "a copy links to its page")
        #expect(!browser.dom.contains("javascript:"), "a script address became a link")
        #expect(!browser.dom.contains("data-pwned"))
    }

    static let archive: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Data/archive").path

    static let clustered: Set<String> = [
        "reuters-wire-putin-invites-trump.txt", "moscowtimes-2018-07-28-putin-invites-trump.txt",
        "fernbrook-ledger-truncated-putin-invites-trump.txt", "kestrel-bay-gazette-ocr-putin-invites-trump.txt",
        "marlow-ridge-observer-byline-footer-putin-invites-trump.txt",
        "cbsnews.com-8200.txt", "syracuse.com-8818.txt", "dailymail.co.uk-9990.txt",
    ]

    /// `#nd-check`'s status and text.
    static func checkResult(in dom: String) -> (status: String, json: String)? {
        guard let start = dom.range(of: "<pre id=\"nd-check\" data-status=\""),
              let quote = dom[start.upperBound...].firstIndex(of: "\""),
              let open = dom[quote...].firstIndex(of: ">"),
              let close = dom[open...].range(of: "</pre>") else { return nil }
        return (String(dom[start.upperBound..<quote]), String(dom[dom.index(after: open)..<close.lowerBound]))
    }
}

/// Headless Chromium, run as the tests need it: as root it needs `--no-sandbox`, and each
/// run gets a profile folder of its own.
enum Chromium {
    struct Page {
        var dom: String
        /// What the page wrote to the console (errors included), one message a line.
        var console: [String]
    }

    struct Missing: Error, CustomStringConvertible {
        var description: String {
            "chromium is not installed: run scripts/setup.sh (it installs Debian's chromium package), then the tests again"
        }
    }

    static func executable() throws -> URL {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("chromium")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw Missing()
    }

    static func arguments(profile: String) -> [String] {
        // The virtual time budget lets the page finish what it does after loading (inflating
        // the details it opens) before Chromium prints the DOM or takes the picture.
        ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars", "--virtual-time-budget=10000",
         "--user-data-dir=" + profile]
    }

    /// The page's DOM once its scripts have run, and its console.
    static func open(_ file: String, fragment: String, in folder: String) throws -> Page {
        let run = try NeardupTool.run(
            arguments(profile: folder + "/profile-" + UUID().uuidString) + ["--enable-logging=stderr", "--v=0", "--dump-dom", url(file, fragment)],
            executable: executable())
        #expect(run.status == 0, "chromium failed: \(run.stderr)")
        let console = run.stderr.split(separator: "\n").filter { $0.contains(":CONSOLE") }.map(String.init)
        return Page(dom: run.stdout, console: console)
    }

    static func screenshot(_ file: String, fragment: String, to png: String, in folder: String) throws {
        let run = try NeardupTool.run(
            arguments(profile: folder + "/profile-" + UUID().uuidString) + ["--screenshot=" + png, "--window-size=1280,1600", url(file, fragment)],
            executable: executable())
        #expect(run.status == 0, "chromium failed: \(run.stderr)")
    }

    private static func url(_ file: String, _ fragment: String) -> String {
        URL(fileURLWithPath: file).absoluteString + "#" + fragment
    }
}
