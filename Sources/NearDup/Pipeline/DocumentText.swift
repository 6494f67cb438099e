/// A document's text as the sketching stage takes it: valid UTF-8, and whether it came from
/// an `.html` or `.htm` file (then it is read as a page whatever it looks like; other texts
/// are pages when `HTMLDetection` says so).
struct DocumentText: Sendable {
    var utf8: [UInt8]
    var isHTMLFile: Bool

    init(_ utf8: [UInt8], isHTMLFile: Bool = false) {
        self.utf8 = utf8
        self.isHTMLFile = isHTMLFile
    }

    init(_ document: Document) {
        self.init(document.utf8Text, isHTMLFile: document.recordRange == nil && HTMLDetection.isHTMLFile(document.origin.file))
    }
}
