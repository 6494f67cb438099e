/// The report as one self-contained HTML file: markup, style, data and script inline, and a
/// content security policy that lets the page load nothing from anywhere.
///
/// Values enter the markup only through `HTMLEscaping` and the data scripts only through
/// `EmbeddedJSON`: the overview as one JSON value and the details as JSON lines, compressed
/// into base64 blocks a line each (`CompressedBlock`, `ReportDetails`).
struct ReportPage {
    /// The inputs as the user named them, shown under the title.
    var inputs: [String]
    /// The summary line the command prints, shown under the counts.
    var summary: String
    /// The overview, compressed (`CompressedBlock`).
    var overview: [UInt8]
    var details: ReportDetails

    /// The page in pieces, to be written one after another.
    func pieces() -> [[UInt8]] {
        let title = "NearDup report"
        let head = """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
            <title>\(HTMLEscaping.text(title))</title>
            <style>
            \(ReportStyle.css)
            </style>
            </head>
            <body>
            <header class="top">
            <h1>\(HTMLEscaping.text(title))</h1>
            <p class="inputs" title="\(HTMLEscaping.attribute(inputs.joined(separator: " ")))">\(HTMLEscaping.text(inputs.joined(separator: ", ")))</p>
            <dl class="counts" id="nd-counts"></dl>
            <p class="note">\(HTMLEscaping.text(summary))</p>
            </header>
            <div class="controls">
            <label>Search ids, outlets, headline words<input type="search" id="nd-search" placeholder="e.g. putin, reuters, 2018/07"></label>
            <label>Outlet<select id="nd-outlet"><option value="-1">All outlets</option></select></label>
            <label>Published from<input type="date" id="nd-from"></label>
            <label>to<input type="date" id="nd-to"></label>
            <label>Sort by<span class="sort"><button type="button" data-sort="copies" aria-pressed="true">copies</button><button type="button" data-sort="outlets" aria-pressed="false">distinct outlets</button></span></label>
            <span id="nd-status"></span>
            </div>
            <main>
            <p class="legend"><span><span class="swatch" style="background:#fdecec"></span>dropped paragraph</span><span><span class="swatch" style="background:#e3f6e8"></span>added paragraph</span><span><span class="swatch" style="background:#fff6dc"></span>words changed: <del>removed</del> <ins>inserted</ins></span><span>paragraph numbers are the original's</span></p>
            <ol class="groups" id="nd-list"></ol>
            <button type="button" id="nd-more" hidden>Show more</button>
            <noscript><p>This report needs JavaScript to show its clusters.</p></noscript>
            </main>
            <footer><span id="nd-timing"></span></footer>
            <script type="text/plain" id="nd-overview">
            """
        func lines(_ blocks: [[UInt8]]) -> [[UInt8]] {
            blocks.enumerated().map { index, block in index == 0 ? block : [0x0A] + block }
        }
        return [Array(head.utf8), overview, Array("</script>\n<script type=\"text/plain\" id=\"nd-paragraphs\">".utf8)]
            + lines(details.paragraphBlocks)
            + [Array("</script>\n<script type=\"text/plain\" id=\"nd-details\">".utf8)]
            + lines(details.detailBlocks)
            + [Array("</script>\n<script>\n\(ReportScript.source)\n</script>\n</body>\n</html>\n".utf8)]
    }
}
