/// News pages for timing the `html` stage when the corpus holds none: each document's
/// paragraphs in one of three site templates (semantic `nav`/`aside`/`footer`, `div`s named by
/// class, and `div`s with generated class names), with the script, style, menus, rails,
/// share bars and consent boxes that make up most of a real page's bytes. About half of
/// each page is script and style, as on the news pages measured for the README.
package enum BenchPages {
    /// Pages built from `documents` in turn until they hold `bytes` bytes of HTML.
    package static func make(from documents: [Document], bytes: Int) -> [Document] {
        var pages: [Document] = []
        var total = 0
        var index = 0
        while total < bytes && !documents.isEmpty {
            let document = documents[index % documents.count]
            let html = page(for: document, template: index % 3)
            total += html.utf8.count
            pages.append(Document(id: "page-\(index)", text: html, origin: SourceLocation(file: "<bench pages>", line: index + 1)))
            index += 1
        }
        return pages
    }

    private static func page(for document: Document, template: Int) -> String {
        let paragraphs = Paragraphs.split(document.text).map(escaped)
        let headline = paragraphs.first.map { String($0.prefix(80)) } ?? "News"
        let body = paragraphs.dropFirst().map { "<p>\($0)</p>" }.joined(separator: "\n")
        let links = (0..<24).map { "<li><a href=\"/section/\($0)\">Section \($0)</a></li>" }.joined()
        let list = (0..<10).map { "<li><a href=\"/story/\($0)\">A headline that many readers opened today, number \($0)</a></li>" }.joined()
        let script = "<script>" + String(repeating: "window.cfg=window.cfg||{};cfg.slots.push({id:'ad',sizes:[[300,250],[728,90]]});", count: 60) + "</script>"
        let style = "<style>" + String(repeating: ".c-a{margin:0 auto;padding:4px 8px;font:16px/1.5 Georgia,serif}", count: 40) + "</style>"
        switch template {
        case 0:
            return """
                <!DOCTYPE html><html><head><meta charset="utf-8"><title>\(headline)</title>\(style)\(script)</head>
                <body><header><nav><ul>\(links)</ul></nav></header>
                <main><article><h1>\(headline)</h1><p class="byline">By Staff</p>
                <figure><img src="a.jpg"><figcaption>A photo of the scene. (AP Photo/Staff)</figcaption></figure>
                \(body)</article><aside><h2>Most read</h2><ol>\(list)</ol></aside></main>
                <footer><p>Copyright. All rights reserved.</p></footer>\(script)</body></html>
                """
        case 1:
            return """
                <html><head><title>\(headline)</title>\(script)\(style)</head><body>
                <div class="top-menu"><ul>\(links)</ul></div><div class="cookie-banner"><p>We use cookies.</p></div>
                <div class="col-main"><h1>\(headline)</h1><div class="share-tools"><a href="#">Share</a></div>
                <div class="story-body">\(body)</div><div class="newsletter-signup"><p>Sign up for our newsletter.</p></div></div>
                <div class="col-side"><div class="popular-box"><ol>\(list)</ol></div></div>\(script)</body></html>
                """
        default:
            return """
                <html><head><title>\(headline)</title>\(style)\(script)</head><body><div class="css-1q2w3e">
                <div class="css-9o8i7u"><ul>\(links)</ul></div><div class="css-5t6y7u"><h1>\(headline)</h1>
                <div class="css-3e4r5t">\(body)</div></div><div class="css-0p9o8i"><ol>\(list)</ol></div></div>
                \(script)</body></html>
                """
        }
    }

    private static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
    }
}
