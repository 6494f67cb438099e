import NearDup

/// One site's template: the chrome around every page it publishes (header, menus, alert
/// and cookie boxes, rail, footer, scripts) and the markup of the parts of an article.
///
/// Each site draws its template from its own random stream: a layout (semantic HTML5
/// elements, nested divs with class names, or layout tables with `<font>` and `<br>`),
/// a naming scheme for classes (`SiteClassNames`), wrapper depth, where the rail sits,
/// which widgets it has and where, how paragraphs, photos, times and related links are
/// marked up, which publication metadata the head carries, and its typography. The
/// chrome that does not change from page to page is rendered once, here; what changes
/// (the "Most read" list of the day, the weather, sponsored links, the article) is
/// written by `WebPageComposer` through the element writers below.
struct SiteTemplate: Sendable {
    enum Layout: String, CaseIterable, Sendable {
        case semantic, divs, tables
    }

    enum ParagraphMarkup: CaseIterable, Sendable {
        case plain, classed, division, breaks, spans
    }

    enum MetaStyle: CaseIterable, Sendable {
        case openGraph, linkedData, minimal
    }

    let name: String
    /// The folder of its pages in `--pages-dir` output.
    let folder: String
    let host: String
    let isAgency: Bool
    let layout: Layout
    let classes: SiteClassNames
    let widgets: SiteWidgets
    let typography: HTMLBytes.Typography
    let paragraphMarkup: ParagraphMarkup
    let metaStyle: MetaStyle
    let titleStyle: Int
    let timeStyle: Int
    let railFirst: Bool
    let mostReadCount: Int
    let hasWeather: Bool
    let weatherCity: String
    let sponsoredCount: Int
    /// An advertisement slot after every `adEvery` paragraphs (0: none).
    let adEvery: Int
    let relatedAsBox: Bool
    let shareOnTop: Bool
    let hasComments: Bool
    let sections: [String]

    private(set) var headTail: [UInt8] = []
    private(set) var bodyTop: [UInt8] = []
    private(set) var railOpen: [UInt8] = []
    private(set) var railClose: [UInt8] = []
    private(set) var contentOpen: [UInt8] = []
    private(set) var contentClose: [UInt8] = []
    private(set) var bodyOpen: [UInt8] = []
    private(set) var bodyClose: [UInt8] = []
    private(set) var shareBar: [UInt8] = []
    private(set) var commentBox: [UInt8] = []
    private(set) var newsletterBox: [UInt8] = []
    private(set) var inlineNewsletter: [UInt8] = []
    private(set) var bodyBottom: [UInt8] = []

    /// `region` names the place the site serves (its weather city); `footerLines` its own
    /// footer text; `sisters` the other sites of its network; `year` the footer's copyright year.
    init(name: String, region: String, isAgency: Bool, widgets: SiteWidgets, footerLines: [String], sisters: [String],
         year: Int, random: inout SynthRandom) {
        self.name = name
        self.isAgency = isAgency
        self.widgets = widgets
        let slug = HTMLBytes.slug(Array(name.utf8), words: 6)
        folder = slug
        host = "www." + slug.replacingOccurrences(of: "-", with: "") + ".example"
        layout = random.chance(0.15) ? .tables : random.chance(0.5) ? .semantic : .divs
        var scheme = random.pick(SiteClassNames.Scheme.allCases)
        if layout == .tables, scheme == .hashed { scheme = .neutral }
        classes = SiteClassNames(scheme: scheme, random: &random)
        typography = random.pick([.plain, .plain, .entities, .unicode])
        paragraphMarkup = layout == .tables ? .breaks : random.pick([.plain, .plain, .classed, .division, .spans])
        metaStyle = layout == .tables ? .minimal : random.pick(MetaStyle.allCases)
        titleStyle = random.below(4)
        timeStyle = random.below(5)
        railFirst = random.chance(layout == .tables ? 0.7 : 0.25)
        mostReadCount = random.chance(0.85) ? random.int(in: 5...10) : 0
        hasWeather = !isAgency && random.chance(0.5)
        weatherCity = region
        sponsoredCount = random.chance(0.45) ? random.int(in: 3...6) : 0
        adEvery = random.chance(0.5) ? random.int(in: 3...6) : 0
        relatedAsBox = random.chance(0.5)
        shareOnTop = random.chance(0.5)
        hasComments = random.chance(isAgency ? 0.1 : 0.6)
        var sections = WebVocabulary.sections
        random.shuffle(&sections)
        self.sections = Array(sections.prefix(random.int(in: 6...14)))
        buildChrome(footerLines: footerLines, sisters: sisters, year: year, random: &random)
    }

    // MARK: Element writers

    /// The tag a role gets in this layout.
    func tag(_ role: SiteRole) -> String {
        switch layout {
        case .semantic:
            switch role {
            case .header: "header"
            case .nav: "nav"
            case .main: "main"
            case .article: "article"
            case .rail: "aside"
            case .footer: "footer"
            case .figure: "figure"
            case .caption: "figcaption"
            case .time: "time"
            case .mostRead, .newsletter, .comments, .related, .sponsored, .liveItem, .teaser: "section"
            case .credit, .byline: "span"
            default: "div"
            }
        case .divs: role == .time || role == .credit ? "span" : "div"
        case .tables: role == .time || role == .credit || role == .byline ? "font" : "div"
        }
    }

    func open(_ role: SiteRole, _ output: inout [UInt8], tag explicit: String? = nil, attributes: String = "") {
        let tag = explicit ?? self.tag(role)
        output.append("<\(tag)")
        if tag == "font" {
            output.append(role == .time || role == .credit ? " size=\"1\"" : " size=\"2\"")
        } else {
            output.append(" class=\"")
            output.append(classes[role])
            output.append("\"")
        }
        output.append(attributes)
        output.append(">")
    }

    func close(_ role: SiteRole, _ output: inout [UInt8], tag explicit: String? = nil) {
        output.append("</\(explicit ?? tag(role))>")
    }

    func writeHeadline(_ text: [UInt8], into output: inout [UInt8]) {
        if layout == .tables {
            output.append("<font size=\"5\" face=\"Georgia, serif\"><b>")
            HTMLBytes.appendStyledText(text, typography: typography, to: &output)
            output.append("</b></font><br>\n")
        } else {
            open(.headline, &output, tag: "h1")
            HTMLBytes.appendStyledText(text, typography: typography, to: &output)
            output.append("</h1>\n")
        }
    }

    func writeByline(_ text: String, into output: inout [UInt8]) {
        open(.byline, &output)
        if layout != .tables, text.hasPrefix("By "), random(text) % 2 == 0 {
            output.append("By <a href=\"/author/\(HTMLBytes.slug(Array(text.dropFirst(3).utf8), words: 3))\">")
            HTMLBytes.appendText(text.dropFirst(3).utf8, to: &output)
            output.append("</a>")
        } else {
            HTMLBytes.appendText(text, to: &output)
        }
        close(.byline, &output)
        output.append(layout == .tables ? "<br>\n" : "\n")
    }

    func writeTime(_ time: PageTime, prefix: String = "", into output: inout [UInt8]) {
        let attributes = layout == .semantic ? " datetime=\"\(time.iso)\"" : layout == .divs ? " data-timestamp=\"\(time.iso)\"" : ""
        open(.time, &output, attributes: attributes)
        HTMLBytes.appendText(prefix + time.display(style: timeStyle), to: &output)
        close(.time, &output)
        output.append(layout == .tables ? "<br><br>\n" : "\n")
    }

    func writeParagraph(_ text: [UInt8], into output: inout [UInt8]) {
        switch paragraphMarkup {
        case .plain: output.append("<p>")
        case .classed: output.append("<p class=\"\(classes[.paragraph])\">")
        case .division: output.append("<div class=\"\(classes[.paragraph])\">")
        case .spans: output.append("<p><span class=\"\(classes[.paragraph])\">")
        case .breaks: break
        }
        HTMLBytes.appendStyledText(text, typography: typography, to: &output)
        switch paragraphMarkup {
        case .plain, .classed: output.append("</p>\n")
        case .division: output.append("</div>\n")
        case .spans: output.append("</span></p>\n")
        case .breaks: output.append("<br><br>\n")
        }
    }

    func writeFigure(_ photo: WirePhoto, counter: String? = nil, into output: inout [UInt8]) {
        let source = "https://\(host)/resources/images/\(photo.file).jpg?w=\(layout == .tables ? 400 : 1024)"
        if layout == .tables {
            output.append("<table class=\"\(classes[.figure])\" width=\"400\"><tr><td><img src=\"\(source)\" alt=\"")
            HTMLBytes.appendAttribute(photo.alt, to: &output)
            output.append("\" width=\"400\"></td></tr><tr><td><font size=\"1\">")
            if let counter { output.append("\(counter) ") }
            HTMLBytes.appendText(photo.caption, to: &output)
            output.append(" ")
            HTMLBytes.appendText(photo.credit, to: &output)
            output.append("</font></td></tr></table>\n")
            return
        }
        open(.figure, &output)
        output.append("<img src=\"\(source)\" alt=\"")
        HTMLBytes.appendAttribute(photo.alt, to: &output)
        output.append("\" loading=\"lazy\">")
        if let counter { output.append("<span class=\"\(classes[.time])\">\(counter)</span>") }
        open(.caption, &output)
        HTMLBytes.appendStyledText(photo.caption, typography: typography, to: &output)
        output.append(" ")
        open(.credit, &output)
        HTMLBytes.appendText(photo.credit, to: &output)
        close(.credit, &output)
        close(.caption, &output)
        close(.figure, &output)
        output.append("\n")
    }

    func writeRelated(_ links: [(headline: [UInt8], url: String)], into output: inout [UInt8]) {
        guard !links.isEmpty else { return }
        if relatedAsBox {
            open(.related, &output)
            output.append(layout == .tables ? "<b>\(widgets.relatedBoxHeading)</b><br>" : "<h3>\(widgets.relatedBoxHeading)</h3><ul>")
            for link in links {
                output.append(layout == .tables ? "<a href=\"\(link.url)\">" : "<li><a href=\"\(link.url)\">")
                HTMLBytes.appendText(link.headline, to: &output)
                output.append(layout == .tables ? "</a><br>" : "</a></li>")
            }
            output.append(layout == .tables ? "" : "</ul>")
            close(.related, &output)
            output.append("\n")
        } else {
            for link in links {
                output.append("<p class=\"\(classes[.related])\"><strong>\(widgets.relatedLabel)</strong> <a href=\"\(link.url)\">")
                HTMLBytes.appendText(link.headline, to: &output)
                output.append("</a></p>\n")
            }
        }
    }

    func writeAd(_ slot: Int, into output: inout [UInt8]) {
        open(.ad, &output, attributes: " id=\"ad-slot-\(slot)\" data-ad-unit=\"/\(folder)/article/mid\(slot)\"")
        output.append("<span>\(widgets.adLabel)</span>")
        close(.ad, &output)
        output.append("\n")
    }

    /// One live-blog item: its time stamp, an optional headline, its paragraphs.
    func writeLiveItem(time: PageTime, headline: [UInt8]?, paragraphs: [[UInt8]], number: Int, into output: inout [UInt8]) {
        open(.liveItem, &output, attributes: " id=\"update-\(number)\"")
        let attributes = layout == .semantic ? " datetime=\"\(time.iso)\"" : ""
        open(.time, &output, attributes: attributes)
        output.append(time.itemStamp(style: timeStyle))
        close(.time, &output)
        if let headline {
            output.append(layout == .tables ? "<br><b>" : "<h2>")
            HTMLBytes.appendStyledText(headline, typography: typography, to: &output)
            output.append(layout == .tables ? "</b><br>" : "</h2>")
        }
        output.append("\n")
        for paragraph in paragraphs { writeParagraph(paragraph, into: &output) }
        close(.liveItem, &output)
        output.append("\n")
    }

    /// One entry of a section front: headline link, snippet, time.
    func writeTeaser(headline: [UInt8], url: String, snippet: [UInt8], time: String, into output: inout [UInt8]) {
        open(.teaser, &output)
        output.append(layout == .tables ? "<b><a href=\"\(url)\">" : "<h2><a href=\"\(url)\">")
        HTMLBytes.appendStyledText(headline, typography: typography, to: &output)
        output.append(layout == .tables ? "</a></b><br>" : "</a></h2>")
        output.append(layout == .tables ? "" : "<p>")
        HTMLBytes.appendStyledText(snippet, typography: typography, to: &output)
        output.append(layout == .tables ? "<br>" : "</p>")
        open(.time, &output)
        output.append(time)
        close(.time, &output)
        close(.teaser, &output)
        output.append("\n")
    }

    /// A cheap stable choice from a text (so one byline is always linked or never).
    private func random(_ text: String) -> UInt64 { ByteText.hash(text) }

    // MARK: Chrome

    private mutating func buildChrome(footerLines: [String], sisters: [String], year: Int, random: inout SynthRandom) {
        let w = widgets
        // Head: style sheets, scripts, analytics.
        var head: [UInt8] = []
        let build = String(random.next() & 0xFFFFFF, radix: 16)
        head.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        head.append("<link rel=\"stylesheet\" href=\"https://static.\(host.dropFirst(4))/css/main.\(build).css\">\n")
        if random.chance(0.6) {
            head.append("<style>.\(classes[.headline].split(separator: " ").first ?? "h"){font-family:Georgia,serif;font-size:2.2rem;line-height:1.15}")
            head.append(".\(classes[.rail].split(separator: " ").first ?? "r"){width:300px;float:right}@media (max-width:720px){.\(classes[.rail].split(separator: " ").first ?? "r"){display:none}}</style>\n")
        }
        head.append("<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}gtag('js',new Date());gtag('config','G-\(build.uppercased())');</script>\n")
        if random.chance(0.5) {
            head.append("<script async src=\"https://securepubads.g.doubleclick.example/tag/js/gpt.js\"></script>\n")
        }
        headTail = head

        // Pieces reused below.
        var alert: [UInt8] = []
        if !isAgency, random.chance(0.55) {
            open(.alert, &alert, attributes: " role=\"dialog\"")
            alert.append("<p><strong>")
            HTMLBytes.appendText(w.alertLines[0], to: &alert)
            alert.append("</strong> ")
            HTMLBytes.appendText(w.alertLines[1], to: &alert)
            alert.append("</p><p>")
            HTMLBytes.appendText(w.alertLines[2], to: &alert)
            alert.append("</p>")
            for button in w.alertButtons { alert.append("<button type=\"button\">\(button)</button>") }
            close(.alert, &alert)
            alert.append("\n")
        }
        var cookie: [UInt8] = []
        if random.chance(0.7) {
            open(.cookie, &cookie, attributes: " id=\"cookie-consent\"")
            cookie.append("<p>")
            HTMLBytes.appendText(w.cookie, to: &cookie)
            cookie.append(" <a href=\"/privacy#cookies\">Cookie policy</a></p>")
            for button in w.cookieButtons { cookie.append("<button type=\"button\">\(button)</button>") }
            close(.cookie, &cookie)
            cookie.append("\n")
        }
        let alertOnTop = random.chance(0.5)
        let cookieOnTop = random.chance(0.4)

        // Header and menus.
        var wrapperDepth = 0
        var top: [UInt8] = []
        top.append("<body class=\"\(layout == .tables ? "home" : classes[.wrapper])\"\(layout == .tables ? " bgcolor=\"#ffffff\"" : "")>\n")
        if random.chance(0.4) { top.append("<a href=\"#main-content\" class=\"skip-link\">Skip to main content</a>\n") }
        if alertOnTop { top.append(contentsOf: alert) }
        if cookieOnTop { top.append(contentsOf: cookie) }
        var menu: [UInt8] = []
        var subsections = WebVocabulary.subsections
        random.shuffle(&subsections)
        let megaMenu = layout != .tables && random.chance(0.4)
        var accounts = WebVocabulary.accountLinks
        random.shuffle(&accounts)
        let accountLinks = Array(accounts.prefix(random.int(in: 2...4)))
        if layout == .tables {
            menu.append("<font size=\"2\">")
            menu.append(sections.map { "<a href=\"/\(HTMLBytes.slug(Array($0.utf8)))\">\($0)</a>" }.joined(separator: " | "))
            menu.append("</font>")
        } else {
            open(.nav, &menu, attributes: " aria-label=\"Main\"")
            menu.append("<ul>")
            var next = 0
            for section in sections {
                menu.append("<li><a href=\"/\(HTMLBytes.slug(Array(section.utf8)))\">\(HTMLBytes.escaped(section))</a>")
                if megaMenu {
                    menu.append("<ul>")
                    for _ in 0..<random.int(in: 2...5) {
                        let sub = subsections[next % subsections.count]
                        next += 1
                        menu.append("<li><a href=\"/\(HTMLBytes.slug(Array(section.utf8)))/\(HTMLBytes.slug(Array(sub.utf8)))\">\(HTMLBytes.escaped(sub))</a></li>")
                    }
                    menu.append("</ul>")
                }
                menu.append("</li>")
            }
            menu.append("</ul>")
            close(.nav, &menu)
        }
        if layout == .tables {
            top.append("<table width=\"100%\" cellpadding=\"4\" cellspacing=\"0\" border=\"0\">\n<tr><td colspan=\"2\" bgcolor=\"#003366\">")
            top.append("<a href=\"/\"><font size=\"6\" color=\"#ffffff\"><b>\(HTMLBytes.escaped(name))</b></font></a><br>")
            top.append(contentsOf: menu)
            top.append("<br><font size=\"1\">\(accountLinks.map { "<a href=\"/account\">\($0)</a>" }.joined(separator: " | "))</font>")
            top.append("</td></tr>\n")
            if !alertOnTop, !alert.isEmpty { top.append("<tr><td colspan=\"2\">"); top.append(contentsOf: alert); top.append("</td></tr>\n") }
            top.append("<tr>\n")
        } else {
            open(.header, &top)
            top.append("\n<div class=\"\(classes[.wrapper])\"><a href=\"/\" class=\"logo\" title=\"\(HTMLBytes.escaped(name))\">\(HTMLBytes.escaped(name))</a>")
            if random.chance(0.4) { top.append("<span class=\"tagline\">\(HTMLBytes.escaped(random.pick(["News you can trust", "Independent journalism since \(random.int(in: 1850...1990))", "Your source for local news", "Reporting without fear or favour"])))</span>") }
            top.append("</div>\n")
            top.append(contentsOf: menu)
            top.append("\n<ul class=\"account\">\(accountLinks.map { "<li><a href=\"/account\">\($0)</a></li>" }.joined())</ul>")
            top.append("<form action=\"/search\" role=\"search\"><input type=\"search\" name=\"q\" placeholder=\"Search\"><button type=\"submit\">Search</button></form>\n")
            close(.header, &top)
            top.append("\n")
            if !alertOnTop { top.append(contentsOf: alert) }
            wrapperDepth = random.int(in: 0...3)
            for _ in 0..<wrapperDepth { top.append("<div class=\"\(classes[.wrapper])\">") }
            open(.main, &top, attributes: " id=\"main-content\"")
            top.append("\n")
        }
        bodyTop = top

        // Rail and content containers.
        switch layout {
        case .tables:
            railOpen = Array("<td valign=\"top\" width=\"200\" class=\"\(classes[.rail])\">\n".utf8)
            railClose = Array("</td>\n".utf8)
            contentOpen = Array("<td valign=\"top\" class=\"\(classes[.article])\">\n".utf8)
            contentClose = Array("</td>\n".utf8)
            bodyOpen = Array("<font face=\"Arial, Helvetica\" size=\"2\">\n".utf8)
            bodyClose = Array("</font>\n".utf8)
        case .semantic, .divs:
            open(.rail, &railOpen)
            railOpen.append("\n")
            close(.rail, &railClose)
            railClose.append("\n")
            let columns = random.int(in: 0...2)
            for _ in 0..<columns { contentOpen.append("<div class=\"\(classes[.wrapper])\">") }
            open(.article, &contentOpen)
            contentOpen.append("\n")
            close(.article, &contentClose)
            for _ in 0..<columns { contentClose.append("</div>") }
            contentClose.append("\n")
            open(.body, &bodyOpen, attributes: random.chance(0.3) ? " itemprop=\"articleBody\"" : "")
            bodyOpen.append("\n")
            close(.body, &bodyClose)
            bodyClose.append("\n")
        }

        // Share bar and comment policy.
        open(.share, &shareBar)
        shareBar.append(layout == .tables ? "<b>\(w.shareLabel)</b> " : "<span>\(w.shareLabel)</span><ul>")
        for target in w.shareTargets {
            let link = "<a href=\"https://share.example/\(HTMLBytes.slug(Array(target.utf8)))\" rel=\"nofollow\">\(target)</a>"
            shareBar.append(layout == .tables ? link + " " : "<li>\(link)</li>")
        }
        shareBar.append(layout == .tables ? "" : "</ul>")
        close(.share, &shareBar)
        shareBar.append("\n")
        if hasComments {
            open(.comments, &commentBox, attributes: " id=\"comments\"")
            commentBox.append(layout == .tables ? "<b>\(w.commentHeading)</b><br>" : "<h2>\(w.commentHeading)</h2>")
            commentBox.append("<p>")
            HTMLBytes.appendText(w.commentPolicy, to: &commentBox)
            commentBox.append("</p><p>")
            HTMLBytes.appendText(w.commentSignIn, to: &commentBox)
            commentBox.append("</p><button type=\"button\">\(w.commentCount)</button>")
            close(.comments, &commentBox)
            commentBox.append("\n")
        }

        // Newsletter boxes.
        func newsletter(into output: inout [UInt8], inline: Bool) {
            open(.newsletter, &output, attributes: inline ? " data-placement=\"inline\"" : "")
            output.append(layout == .tables ? "<b>" : "<h3>")
            HTMLBytes.appendText(w.newsletterPitch, to: &output)
            output.append(layout == .tables ? "</b><br>" : "</h3><p>")
            HTMLBytes.appendText(w.newsletterPromise, to: &output)
            output.append(layout == .tables ? "<br>" : "</p>")
            output.append("<form action=\"/newsletters/subscribe\"><input type=\"email\" placeholder=\"\(w.emailPlaceholder)\"><button type=\"submit\">\(w.signUpButton)</button></form>")
            if !inline || random.chance(0.5) {
                output.append(layout == .tables ? "<font size=\"1\">" : "<p class=\"fine-print\">")
                HTMLBytes.appendText(w.newsletterFinePrint, to: &output)
                output.append(layout == .tables ? "</font>" : "</p>")
            }
            close(.newsletter, &output)
            output.append("\n")
        }
        var box: [UInt8] = []
        if random.chance(0.7) { newsletter(into: &box, inline: false) }
        newsletterBox = box
        box = []
        if !isAgency { newsletter(into: &box, inline: true) }
        inlineNewsletter = box

        // Footer, cookie notice at the bottom, scripts.
        var bottom: [UInt8] = []
        if layout == .tables {
            bottom.append("</tr>\n<tr><td colspan=\"2\" bgcolor=\"#eeeeee\"><font size=\"1\">")
        } else {
            close(.main, &bottom)
            bottom.append("\n")
            bottom.append(String(repeating: "</div>", count: wrapperDepth))
            bottom.append("\n")
            open(.footer, &bottom)
            bottom.append("\n")
            if random.chance(0.5) {
                bottom.append("<ul class=\"sections\">\(sections.map { "<li><a href=\"/\(HTMLBytes.slug(Array($0.utf8)))\">\(HTMLBytes.escaped($0))</a></li>" }.joined())</ul>\n")
            }
        }
        var links = WebVocabulary.footerLinks
        random.shuffle(&links)
        let footerLinks = links.prefix(random.int(in: 5...12)).map { "<a href=\"/\(HTMLBytes.slug(Array($0.utf8)))\">\(HTMLBytes.escaped($0))</a>" }
        bottom.append(layout == .tables ? footerLinks.joined(separator: " | ") + "<br>" : "<ul>" + footerLinks.map { "<li>\($0)</li>" }.joined() + "</ul>\n")
        for line in footerLines {
            bottom.append(layout == .tables ? "" : "<p>")
            HTMLBytes.appendText(line, to: &bottom)
            bottom.append(layout == .tables ? "<br>" : "</p>\n")
        }
        if let network = w.network {
            var line = "\(name) \(random.pick(WebVocabulary.networkPhrases)) \(network)"
            if !sisters.isEmpty { line += ", publishers of " + Self.list(sisters) }
            bottom.append(layout == .tables ? "" : "<p>")
            HTMLBytes.appendText(line + ".", to: &bottom)
            bottom.append(layout == .tables ? "<br>" : "</p>\n")
        }
        bottom.append(layout == .tables ? "" : "<p>")
        HTMLBytes.appendText("\u{A9} \(year) \(w.network ?? name). All rights reserved. " + w.legalLines.joined(separator: " "), to: &bottom)
        bottom.append(layout == .tables ? "</font></td></tr>\n</table>\n" : "</p>\n")
        if layout != .tables {
            close(.footer, &bottom)
            bottom.append("\n")
        }
        if !cookieOnTop { bottom.append(contentsOf: cookie) }
        bottom.append("<script src=\"https://static.\(host.dropFirst(4))/js/app.\(build).js\" defer></script>\n")
        if random.chance(0.5) {
            bottom.append("<script>var _sf_async_config=_sf_async_config||{};_sf_async_config.uid=\(random.int(in: 10000...99999));_sf_async_config.domain='\(host)';</script>\n")
        }
        bottom.append("<noscript><img src=\"https://pixel.example/\(build).gif\" alt=\"\" width=\"1\" height=\"1\"></noscript>\n</body>\n</html>\n")
        bodyBottom = bottom
    }

    /// "A", "A and B", "A, B and C".
    static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
    }
}

extension HTMLBytes {
    /// `text` with `&`, `<`, `>` and `"` escaped, as a string (for chrome built once per site).
    static func escaped(_ text: String) -> String {
        var output: [UInt8] = []
        appendAttribute(text, to: &output)
        return String(decoding: output, as: UTF8.self)
    }
}
