import NearDup

/// Every parameter of the reprint simulator, with the probabilities each document draws.
///
/// Stories
/// - Each story is reprinted `k` times, k = 0...`maximumCopies` (50), drawn from a
///   truncated Zipf law P(k) ∝ (k+1)^-`copiesExponent` (2.0): about 62% of stories have
///   no copy, 15% one, 7% two, 5% ten or more. Its cluster is the original plus the k
///   reprints.
/// - An original's length is log-normal: median `originalMedianWords` (620), log-spread
///   `originalLengthSpread` (0.5), clamped to `minimumStoryWords`...`maximumStoryWords`
///   (150...3000). Base stories are short (Reuters-21578: median 86 words), so an
///   original is built by concatenating paragraphs of several real stories; see
///   `StoryPlanner`.
/// - Write-thrus: a story has a second version with `secondVersionProbability` (0.12), and
///   then a third with `thirdVersionProbability` (0.5). Each version adds 1-2 new
///   paragraphs in the second half of the story and copy edits up to 2% of its words.
/// - Hard negatives: after a story, with `negativeProbability` (0.06), a different story
///   on the same event: its own text from other base paragraphs, with the first story's
///   names and up to a quarter of its words as verbatim sentences (quotations first); it
///   can have reprints of its own.
/// - Digests: `digestShare` (0.02) of documents are digest pages of 3-5 items, each the
///   headline and first sentences (at most 60 words) of a different story; a story
///   appears in at most one digest. A digest is a singleton.
///
/// Each reprint (independent draws, in this order)
/// - version: uniform over the story's versions; a later version is published by the
///   wire agency itself with `agencyWriteThruShare` (0.5), otherwise by an outlet.
/// - outlet: one of `outletCount` (400) invented outlets, by Zipf popularity (exponent
///   1); `printOutletShare` (0.25) of outlets are print titles, spread evenly over the
///   popularity ranks.
/// - excerpt `excerptProbability` (0.25): cut to the first paragraphs, from 80 words of
///   the original up to 70% of it, always keeping the lead (only when the story has
///   130+ words). Otherwise:
///   - drop `dropProbability` (0.25): 1 to a quarter of the paragraphs, never the lead,
///     keeping at least half of the original's paragraphs and at least twice as many
///     original paragraphs as added ones;
///   - add `addProbability` (0.15): 1-2 paragraphs of filler text with the story's names;
///   - reorder `reorderProbability` (0.15): 1-2 non-lead paragraphs moved.
/// - copy edits `copyEditProbability` (0.5): each class on with its probability —
///   synonyms 0.7, number formats ("mln" -> "million", "1,750" -> "1750") 0.5, "U.S."
///   -> "US" 0.6, contractions ("did not" -> "didn't") 0.4 — each occurrence edited with
///   probability 0.6, at most 5% of the words.
/// - OCR: a print outlet's page is a scan with `ocrProbabilityPrint` (0.5), a web page
///   with `ocrProbabilityWeb` (0.02): character confusions (rn/m, l/1, O/0, e/c) in 2% of
///   the words, text wrapped into 34-44 character columns, a long word at a line end
///   broken with a hyphen with probability 0.35.
/// - page: the outlet's fixed header and footer lines (always), a new headline (always),
///   the outlet's byline and dateline styles, "Related article:" style lines with another
///   story's headline `relatedProbability` (0.4, 1-3 lines), photo captions
///   `captionProbability` (0.3, 1-2).
///
/// Web pages (`format` = `.html`, see `WebPageSettings`): every document is a whole HTML
/// page of a site with its own template, and galleries, live blogs and section fronts
/// join the stories, digests and hard negatives.
package struct SynthConfiguration: Sendable, Equatable {
    /// What each document is: plain text (wire copy, outlet pages as lines) or a whole web page.
    package enum Format: String, Sendable, Equatable {
        case text, html
    }

    package var seed: UInt64 = 1
    package var format = Format.text
    /// Parameters of the web pages (used when `format` is `.html`).
    package var web = WebPageSettings()
    /// Web pages: ids are the pages' paths ("kestrel-bay-gazette/markets/oil-prices-rise-17.html"),
    /// as a directory scan of the pages written as files names them; else "d0000017".
    package var pagePathIds = false

    package var maximumCopies = 50
    package var copiesExponent = 2.0
    package var originalMedianWords = 620
    package var originalLengthSpread = 0.5
    package var minimumStoryWords = 150
    package var maximumStoryWords = 3000
    /// Base stories shorter than this are only filler, never an original's text.
    package var minimumBaseStoryWords = 60
    package var secondVersionProbability = 0.12
    package var thirdVersionProbability = 0.5
    package var negativeProbability = 0.06
    package var digestShare = 0.02

    package var outletCount = 400
    /// Wire agencies whose stories are reprinted (at most the 5 invented ones).
    package var agencyCount = 5
    package var printOutletShare = 0.25
    package var agencyWriteThruShare = 0.5

    package var excerptProbability = 0.25
    package var dropProbability = 0.25
    package var addProbability = 0.15
    package var reorderProbability = 0.15
    package var copyEditProbability = 0.5
    package var synonymProbability = 0.7
    package var numberFormatProbability = 0.5
    package var usStyleProbability = 0.6
    package var contractionProbability = 0.4
    package var copyEditOccurrenceProbability = 0.6
    package var copyEditBudget = 0.05
    package var ocrProbabilityPrint = 0.5
    package var ocrProbabilityWeb = 0.02
    package var ocrWordRate = 0.02
    package var hyphenationProbability = 0.35
    package var relatedProbability = 0.4
    package var captionProbability = 0.3

    /// First day of the simulated archive (days since 1970-01-01; 6213 is 1987-01-05) and
    /// documents a day.
    package var firstDay = 6213
    package var documentsPerDay = 1000

    /// Named in the labels' `generator` record (e.g. the base file).
    package var baseName: String?

    package init(seed: UInt64 = 1) {
        self.seed = seed
    }

    /// Probabilities must lie in [0, 1], counts be positive; a message names the first bad one.
    package func validationError() -> String? {
        let probabilities: [(String, Double)] = [
            ("secondVersionProbability", secondVersionProbability), ("thirdVersionProbability", thirdVersionProbability),
            ("negativeProbability", negativeProbability), ("digestShare", digestShare), ("printOutletShare", printOutletShare),
            ("agencyWriteThruShare", agencyWriteThruShare), ("excerptProbability", excerptProbability),
            ("dropProbability", dropProbability), ("addProbability", addProbability), ("reorderProbability", reorderProbability),
            ("copyEditProbability", copyEditProbability), ("synonymProbability", synonymProbability),
            ("numberFormatProbability", numberFormatProbability), ("usStyleProbability", usStyleProbability),
            ("contractionProbability", contractionProbability), ("copyEditOccurrenceProbability", copyEditOccurrenceProbability),
            ("copyEditBudget", copyEditBudget), ("ocrProbabilityPrint", ocrProbabilityPrint), ("ocrProbabilityWeb", ocrProbabilityWeb),
            ("ocrWordRate", ocrWordRate), ("hyphenationProbability", hyphenationProbability),
            ("relatedProbability", relatedProbability), ("captionProbability", captionProbability),
        ]
        for (name, value) in probabilities where !(0...1).contains(value) {
            return "\(name) must be between 0 and 1 (got \(value))"
        }
        if digestShare > 0.5 { return "digestShare must be at most 0.5" }
        if maximumCopies < 0 || maximumCopies > 100_000 { return "maximumCopies must be between 0 and 100000" }
        if !(copiesExponent > 0 && copiesExponent <= 10) { return "copiesExponent must be in (0, 10]" }
        if outletCount < 1 || outletCount > OutletRoster.maximumOutlets {
            return "outletCount must be between 1 and \(OutletRoster.maximumOutlets)"
        }
        if minimumStoryWords < 1 || maximumStoryWords < minimumStoryWords { return "story word limits are inconsistent" }
        if originalMedianWords < 1 || !(originalLengthSpread >= 0 && originalLengthSpread <= 3) {
            return "originalMedianWords must be positive and originalLengthSpread in [0, 3]"
        }
        if documentsPerDay < 1 { return "documentsPerDay must be positive" }
        if agencyCount < 1 || agencyCount > SynthVocabulary.agencies.count {
            return "agencyCount must be between 1 and \(SynthVocabulary.agencies.count)"
        }
        if format == .html, let problem = web.validationError() { return problem }
        return nil
    }

    /// The parameters as JSON members, for the labels' `generator` record.
    var jsonMembers: [(String, String)] {
        [
            ("seed", "\(seed)"),
            ("copies", "{\"law\": \"zipf\", \"p(k)\": \"(k+1)^-exponent\", \"exponent\": \(SynthJSON.number(copiesExponent)), \"maximum\": \(maximumCopies)}"),
            ("original_words", "{\"law\": \"log-normal\", \"median\": \(originalMedianWords), \"log_spread\": \(SynthJSON.number(originalLengthSpread)), \"minimum\": \(minimumStoryWords), \"maximum\": \(maximumStoryWords)}"),
            ("minimum_base_story_words", "\(minimumBaseStoryWords)"),
            ("story_probabilities", SynthJSON.object([
                ("second_version", secondVersionProbability), ("third_version_given_second", thirdVersionProbability),
                ("hard_negative", negativeProbability), ("digest_share_of_documents", digestShare),
            ])),
            ("outlets", "{\"count\": \(outletCount), \"print_share\": \(SynthJSON.number(printOutletShare)), \"popularity\": \"zipf exponent 1\"}"),
            ("reprint_probabilities", SynthJSON.object([
                ("agency_write_thru", agencyWriteThruShare), ("excerpt", excerptProbability), ("drop_paragraphs", dropProbability),
                ("add_paragraphs", addProbability), ("reorder_paragraphs", reorderProbability), ("copy_edits", copyEditProbability),
                ("copy_edit_synonyms", synonymProbability), ("copy_edit_number_formats", numberFormatProbability),
                ("copy_edit_us_style", usStyleProbability), ("copy_edit_contractions", contractionProbability),
                ("copy_edit_per_occurrence", copyEditOccurrenceProbability), ("copy_edit_max_word_share", copyEditBudget),
                ("ocr_print", ocrProbabilityPrint), ("ocr_web", ocrProbabilityWeb), ("ocr_word_rate", ocrWordRate),
                ("ocr_hyphenation", hyphenationProbability), ("related_lines", relatedProbability), ("captions", captionProbability),
            ])),
            ("excerpt_words", "{\"minimum\": 80, \"maximum_share\": 0.7}"),
            ("write_thru", "{\"new_paragraphs\": \"1-2 per version\", \"copy_edit_max_word_share\": 0.02}"),
            ("documents_per_day", "\(documentsPerDay)"),
        ] + (agencyCount == SynthVocabulary.agencies.count ? [] : [("agencies", "\(agencyCount)")])
            + (format == .html ? [("format", SynthJSON.string("html")), ("web", web.json)] : [])
    }
}
