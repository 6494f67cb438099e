import NearDup

/// The parameters of `synth --html`: which pages besides stories the corpus holds, and how
/// much furniture the sites put around and inside a story.
///
/// Pages
/// - Galleries `galleryShare` (0.03 of documents): 5-12 wire photos of one event, each
///   with its caption and credit, and nothing else. The captions are those the event's
///   stories carry, so a gallery shares text with them, but it is no copy of any story:
///   a singleton. An event has at most one gallery.
/// - Live blogs `liveBlogShare` (0.008 per document): `liveBlogSnapshots` (2-5) snapshots
///   of one blog, each a later crawl of the same page: the newest 3-12 time-stamped items,
///   1-3 items more than the one before, so successive snapshots share most items. One
///   item is a short story (90-160 words) that the agency also publishes on its own, with
///   its own reprints; the others are 1-3 short paragraphs (12+ words) with the story's
///   names. The snapshots of a blog are one cluster, never with the item's story.
/// - Section fronts `listingShare` (0.04 of documents): 10-24 headlines and snippets of
///   recent stories, no story body: singletons.
/// - Digests and hard negatives as in text mode; every share is rounded up, so a small
///   corpus has each kind of page.
///
/// Sites
/// - The agencies publish their originals and write-thrus on their own sites; outlets
///   reprint them on theirs. Every site has a template drawn from its own seed stream:
///   layout (semantic HTML5, nested divs with class names, or layout tables), a naming
///   scheme for classes and ids, menus, and a choice of widgets: "Most read" list, newsletter
///   box, cookie notice, weather widget, breaking-news alert, share bar, comment policy,
///   sponsored links, footer. `networkShare` (0.6) of outlets belong to networks of 2-12
///   sites that share their widget texts and footer lines.
/// - In the article: a lead photo `leadPhotoProbability` (0.6), a photo between
///   paragraphs `inlinePhotoProbability` (0.3), a newsletter box between paragraphs
///   `inlineNewsletterProbability` (0.35), "Related:" links with the text mode's
///   `relatedProbability`, advertisement slots on sites that have them.
package struct WebPageSettings: Sendable, Equatable {
    package var galleryShare = 0.03
    package var liveBlogShare = 0.008
    package var listingShare = 0.04
    package var liveBlogSnapshots = 2...5
    package var networkShare = 0.6
    package var leadPhotoProbability = 0.6
    package var inlinePhotoProbability = 0.3
    package var inlineNewsletterProbability = 0.35

    package init() {}

    func validationError() -> String? {
        let probabilities: [(String, Double)] = [
            ("galleryShare", galleryShare), ("liveBlogShare", liveBlogShare), ("listingShare", listingShare),
            ("networkShare", networkShare), ("leadPhotoProbability", leadPhotoProbability),
            ("inlinePhotoProbability", inlinePhotoProbability), ("inlineNewsletterProbability", inlineNewsletterProbability),
        ]
        for (name, value) in probabilities where !(0...1).contains(value) {
            return "\(name) must be between 0 and 1 (got \(value))"
        }
        if galleryShare + liveBlogShare * Double(liveBlogSnapshots.upperBound) + listingShare > 0.5 {
            return "galleries, live-blog snapshots and listings must be at most half of the documents"
        }
        if liveBlogSnapshots.lowerBound < 1 || liveBlogSnapshots.upperBound > 20 { return "liveBlogSnapshots must lie within 1...20" }
        return nil
    }

    /// The parameters as a JSON object, for the labels' `generator` record.
    var json: String {
        "{" + [
            ("gallery_share", SynthJSON.number(galleryShare)), ("live_blog_share", SynthJSON.number(liveBlogShare)),
            ("live_blog_snapshots", "[\(liveBlogSnapshots.lowerBound), \(liveBlogSnapshots.upperBound)]"),
            ("listing_share", SynthJSON.number(listingShare)), ("network_share", SynthJSON.number(networkShare)),
            ("lead_photo", SynthJSON.number(leadPhotoProbability)), ("inline_photo", SynthJSON.number(inlinePhotoProbability)),
            ("inline_newsletter", SynthJSON.number(inlineNewsletterProbability)),
        ].map { "\(SynthJSON.string($0.0)): \($0.1)" }.joined(separator: ", ") + "}"
    }
}
