import NearDup

/// Assembles a whole HTML page: the head with the page's title and publication metadata,
/// the site's chrome, the rail (the day's "Most read" list, newsletter box, weather,
/// sponsored links) before or after the content as the site places it, and the content,
/// which the caller writes with the site's element writers.
struct WebPageComposer {
    struct Metadata {
        var headline: [UInt8]
        var description: [UInt8]
        var url: String
        var published: PageTime
        var modified: PageTime?
        var author: String?
        var section: String
        var isArticle = true
    }

    struct Weather {
        var temperature: Int
        var high: Int
        var low: Int
        var condition: String
    }

    struct Rail {
        var mostRead: [(headline: [UInt8], url: String)] = []
        var weather: Weather?
        var sponsored: [(headline: String, source: String)] = []
    }

    func page(site: SiteTemplate, metadata: Metadata, rail: Rail, content: (inout [UInt8]) -> Void) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(24_000)
        output.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
        let headline = String(decoding: metadata.headline, as: UTF8.self)
        let title: String
        switch site.titleStyle {
        case 0: title = "\(headline) | \(site.name)"
        case 1: title = "\(headline) - \(site.name)"
        case 2: title = "\(site.name): \(headline)"
        default: title = headline
        }
        HTMLBytes.appendText(title, to: &output)
        output.append("</title>\n")
        writeMetadata(metadata, site: site, into: &output)
        output.append(contentsOf: site.headTail)
        output.append("</head>\n")
        output.append(contentsOf: site.bodyTop)
        if site.railFirst { writeRail(rail, site: site, into: &output) }
        output.append(contentsOf: site.contentOpen)
        content(&output)
        output.append(contentsOf: site.contentClose)
        if !site.railFirst { writeRail(rail, site: site, into: &output) }
        output.append(contentsOf: site.bodyBottom)
        return output
    }

    private func writeMetadata(_ metadata: Metadata, site: SiteTemplate, into output: inout [UInt8]) {
        func meta(_ attribute: String, _ key: String, _ value: some Sequence<UInt8>) {
            output.append("<meta \(attribute)=\"\(key)\" content=\"")
            HTMLBytes.appendAttribute(value, to: &output)
            output.append("\">\n")
        }
        switch site.metaStyle {
        case .openGraph:
            meta("name", "description", metadata.description)
            meta("property", "og:type", (metadata.isArticle ? "article" : "website").utf8)
            meta("property", "og:title", metadata.headline)
            meta("property", "og:site_name", site.name.utf8)
            meta("property", "og:url", metadata.url.utf8)
            meta("property", "article:published_time", metadata.published.iso.utf8)
            if let modified = metadata.modified { meta("property", "article:modified_time", modified.iso.utf8) }
            meta("property", "article:section", metadata.section.utf8)
            output.append("<link rel=\"canonical\" href=\"\(metadata.url)\">\n")
        case .linkedData:
            meta("property", "og:title", metadata.headline)
            meta("property", "article:published_time", metadata.published.iso.utf8)
            output.append("<link rel=\"canonical\" href=\"\(metadata.url)\">\n")
            output.append("<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"")
            output.append(metadata.isArticle ? "NewsArticle" : "CollectionPage")
            output.append("\",\"headline\":")
            SynthJSON.appendString(metadata.headline, to: &output)
            output.append(",\"datePublished\":\"\(metadata.published.iso)\",\"dateModified\":\"\((metadata.modified ?? metadata.published).iso)\"")
            if let author = metadata.author {
                output.append(",\"author\":{\"@type\":\"Person\",\"name\":")
                SynthJSON.appendString(author, to: &output)
                output.append("}")
            }
            output.append(",\"publisher\":{\"@type\":\"Organization\",\"name\":")
            SynthJSON.appendString(site.name, to: &output)
            output.append("},\"mainEntityOfPage\":\"\(metadata.url)\"}</script>\n")
        case .minimal:
            meta("name", "date", metadata.published.day.iso.utf8)
            meta("name", "keywords", "\(metadata.section), news".utf8)
        }
    }

    private func writeRail(_ rail: Rail, site: SiteTemplate, into output: inout [UInt8]) {
        let tables = site.layout == .tables
        output.append(contentsOf: site.railOpen)
        if !rail.mostRead.isEmpty {
            site.open(.mostRead, &output)
            output.append(tables ? "<b>\(site.widgets.mostReadHeading)</b><br>" : "<h2>\(site.widgets.mostReadHeading)</h2><ol>")
            for item in rail.mostRead {
                output.append(tables ? "<a href=\"\(item.url)\">" : "<li><a href=\"\(item.url)\">")
                HTMLBytes.appendStyledText(item.headline, typography: site.typography, to: &output)
                output.append(tables ? "</a><br>" : "</a></li>")
            }
            output.append(tables ? "" : "</ol>")
            site.close(.mostRead, &output)
            output.append("\n")
        }
        output.append(contentsOf: site.newsletterBox)
        if let weather = rail.weather {
            let w = site.widgets
            site.open(.weather, &output)
            output.append(tables ? "<b>\(w.weatherHeading)</b><br>" : "<h3>\(w.weatherHeading)</h3>")
            output.append("<form action=\"/weather\"><input type=\"text\" placeholder=\"\(w.weatherPrompt)\"><button type=\"submit\">Go</button></form>")
            output.append(tables ? "" : "<p>")
            HTMLBytes.appendText("\(w.weatherSetLine) \(site.weatherCity)", to: &output)
            output.append(tables ? "<br>" : "</p><p>")
            output.append("\(weather.temperature)\u{B0} \(weather.condition)")
            output.append(tables ? "<br>" : "</p><p>")
            output.append("High \(weather.high)\u{B0} Low \(weather.low)\u{B0}")
            output.append(tables ? "<br>" : "</p><p>")
            output.append(w.weatherLinks.map { "<a href=\"/weather\">\($0)</a>" }.joined(separator: " "))
            output.append(tables ? "<br>" : "</p>")
            site.close(.weather, &output)
            output.append("\n")
        }
        if !rail.sponsored.isEmpty {
            site.open(.sponsored, &output)
            output.append(tables ? "<b>\(site.widgets.sponsoredHeading)</b><br>" : "<h3>\(site.widgets.sponsoredHeading)</h3><ul>")
            for item in rail.sponsored {
                output.append(tables ? "" : "<li>")
                output.append("<a href=\"https://ads.example/click?c=\(HTMLBytes.slug(Array(item.headline.utf8), words: 4))\" rel=\"sponsored\">")
                HTMLBytes.appendText(item.headline, to: &output)
                output.append("</a> <span>\(item.source)</span>")
                output.append(tables ? "<br>" : "</li>")
            }
            output.append(tables ? "" : "</ul>")
            site.close(.sponsored, &output)
            output.append("\n")
        }
        output.append(contentsOf: site.railClose)
    }
}
