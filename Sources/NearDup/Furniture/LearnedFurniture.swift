/// Finds the paragraphs that pages carry around their stories (a site's footer and
/// newsletter box, a network's weather widget, a photo caption used again) from the corpus
/// itself, so that verification compares what is left.
///
/// A paragraph is furniture where it recurs on several pages of one source (the source
/// field, or a site's folder) beside text of their own that differs from page to page.
/// Recurring alone is not enough: a wire story's paragraphs recur on every page that
/// reprints it. What tells the two apart is what surrounds them. A page that is mostly the
/// recurring text is a copy of it; a page that carries furniture has text of its own, and
/// those texts differ. So for each paragraph found on `minimumPages` pages of a source or
/// more, a sample of those pages is read by their paragraphs' fingerprints: the text common
/// to at least half of them is set apart, and the paragraph is furniture when at least
/// half of the pages have own text at least half as long as the common text (and
/// `minimumOwnWords` at least), in `minimumUnrelatedPages` or more pages whose own texts
/// neither share paragraphs nor agree in their signatures beyond what the common text
/// explains. It is then left out of exactly those pages: a page that is mostly the
/// recurring text keeps it (a short story that other pages carry in a box is still that
/// story's copy), unless that text was not found beside the page's headline (a site footer
/// is all a page of photos has left). Text that `minimumPages` pages of a source or more all
/// hold away from their headlines is furniture on those pages too, with no page of its own
/// text beside it: a story's copies on one site are found beside their headlines. Documents
/// whose source is unknown take no part.
///
/// Only fingerprints are read, never text, so this runs once all documents are sketched,
/// with memory for one 8-byte key per paragraph.
package struct LearnedFurniture: Sendable {
    package var minimumPages = 3
    package var minimumUnrelatedPages = 3
    package var minimumOwnWords = 40
    /// Pages of a group that are read to decide; the first ones in input order.
    package var sampleSize = 16
    /// Paragraphs shorter than this are ignored: too short to matter, too common to group.
    package var minimumParagraphWords = 3
    /// Two pages whose signatures agree this much more than their common text alone would
    /// make them agree tell one story.
    package var relatedMargin = 0.2

    package init() {}

    /// What was found: the furniture paragraphs of each page that has some.
    package struct Found: Sendable {
        package var paragraphsByDocument: [Int: [UInt8]] = [:]
        package var statistics = FurnitureStatistics()
    }

    /// `sources`: each document's publisher (see `DocumentFacts.source`); documents without
    /// one take no part.
    func find(in batch: SketchBatch, sources: [UInt32?], threads: Int = 1) -> Found {
        precondition(sources.count == batch.count)
        // One key per paragraph: its source and hash mixed into the high half (equal pairs
        // sort together), its place among `places` in the low half.
        var keys: [UInt64] = []
        var places: [(page: UInt32, source: UInt32, hash: UInt32)] = []
        var totalWords = 0
        for document in 0..<batch.count {
            let fingerprints = batch.fingerprints(of: document)
            for fingerprint in fingerprints { totalWords += Int(fingerprint.words) }
            guard let source = sources[document] else { continue }
            for fingerprint in fingerprints where Int(fingerprint.words) >= minimumParagraphWords {
                let group = mix64(UInt64(source) << 32 | UInt64(fingerprint.hash)) >> 32
                keys.append(group << 32 | UInt64(places.count))
                places.append((UInt32(document), source, fingerprint.hash))
            }
        }
        var scratch: [UInt64] = []
        var counts: [UInt32] = []
        UniformHashSort.sort(&keys, scratch: &scratch, counts: &counts)

        // Each recurring paragraph of a source, with the pages that have it.
        var recurring: [(hash: UInt32, pages: [Int])] = []
        var start = 0
        while start < keys.count {
            var end = start + 1
            while end < keys.count && keys[end] >> 32 == keys[start] >> 32 { end += 1 }
            // Most paragraphs occur once: their groups are passed over before anything is made.
            guard end - start >= minimumPages else {
                start = end
                continue
            }
            // Keys of one group come in input order (the low half counts up with it); a rare
            // mix of two (source, hash) pairs in one group is told apart here.
            let members = keys[start..<end].map { key in
                let place = places[Int(truncatingIfNeeded: key & 0xFFFF_FFFF)]
                return (source: place.source, hash: place.hash, page: Int(place.page))
            }
            start = end
            let pairs = members.allSatisfy({ $0.source == members[0].source && $0.hash == members[0].hash })
                ? [(members[0].source, members[0].hash)]
                : Set(members.map { SourceParagraph(source: $0.source, hash: $0.hash) }).map { ($0.source, $0.hash) }.sorted(by: <)
            for (source, hash) in pairs {
                var pages: [Int] = []
                for member in members where member.source == source && member.hash == hash && pages.last != member.page {
                    pages.append(member.page)
                }
                if pages.count >= minimumPages { recurring.append((hash, pages)) }
            }
        }

        // A decision depends on the pages alone, so each set of pages is decided once, and
        // the decisions are shared out over the threads.
        var pageSets: [[Int]] = []
        var pageSetOfRecurring: [Int] = []
        var pageSetIndex: [[Int]: Int] = [:]
        for (_, pages) in recurring {
            if let known = pageSetIndex[pages] {
                pageSetOfRecurring.append(known)
            } else {
                pageSetIndex[pages] = pageSets.count
                pageSetOfRecurring.append(pageSets.count)
                pageSets.append(pages)
            }
        }
        let finder = self
        let sharedSets = pageSets
        let decisions = ParallelChunks(count: sharedSets.count, chunkSize: 64, threads: threads).map { range in
            range.map { finder.decideCarriers(on: sharedSets[$0], in: batch) }
        }.flatMap { $0 }

        var found = Found()
        found.statistics.totalWords = totalWords
        for ((hash, _), pageSet) in zip(recurring, pageSetOfRecurring) {
            guard let carriers = decisions[pageSet] else { continue }
            found.statistics.paragraphs += 1
            for page in carriers {
                for fingerprint in batch.fingerprints(of: page) where fingerprint.hash == hash {
                    found.paragraphsByDocument[page, default: []].append(fingerprint.paragraph)
                    found.statistics.droppedWords += Int(fingerprint.words)
                }
            }
        }
        leaveOutPagesOfFurniture(&found, recurring: recurring, decided: pageSetOfRecurring.map { decisions[$0] != nil },
                                 in: batch, sources: sources)
        found.statistics.documents = found.paragraphsByDocument.count
        return found
    }

    /// A page whose text is nine tenths or more paragraphs found to be its source's furniture
    /// is a page of furniture (a gallery or section front that kept only the site's footer and
    /// newsletter box): they are left out of it too, whatever `decideCarriers` kept.
    private func leaveOutPagesOfFurniture(
        _ found: inout Found, recurring: [(hash: UInt32, pages: [Int])], decided: [Bool], in batch: SketchBatch, sources: [UInt32?]
    ) {
        var furniture = Set<UInt64>()
        for ((hash, pages), isFurniture) in zip(recurring, decided) where isFurniture {
            guard let source = sources[pages[0]] else { continue }
            furniture.insert(UInt64(source) << 32 | UInt64(hash))
        }
        guard !furniture.isEmpty else { return }
        for document in 0..<batch.count {
            guard let source = sources[document] else { continue }
            let fingerprints = batch.fingerprints(of: document)
            var words = 0
            var furnitureWords = 0
            for fingerprint in fingerprints {
                words += Int(fingerprint.words)
                if furniture.contains(UInt64(source) << 32 | UInt64(fingerprint.hash)) { furnitureWords += Int(fingerprint.words) }
            }
            guard furnitureWords > 0 && furnitureWords * 10 >= words * 9 else { continue }
            var leftOut = found.paragraphsByDocument[document] ?? []
            for fingerprint in fingerprints
            where furniture.contains(UInt64(source) << 32 | UInt64(fingerprint.hash)) && !leftOut.contains(fingerprint.paragraph) {
                leftOut.append(fingerprint.paragraph)
                found.statistics.droppedWords += Int(fingerprint.words)
            }
            found.paragraphsByDocument[document] = leftOut
        }
    }

    private struct SourceParagraph: Hashable {
        var source: UInt32
        var hash: UInt32
    }

    /// The pages that carry the recurring paragraph found on `pages` as furniture, or nil
    /// when it is not furniture there. The answer depends on the pages alone (the paragraph
    /// is part of the text common to them), so a story's paragraphs, which recur on the same
    /// pages, are decided once.
    private func decideCarriers(on pages: [Int], in batch: SketchBatch) -> [Int]? {
        if let carriers = decideCarriersBesideOwnText(on: pages, in: batch) { return carriers }
        let away = pages.filter(batch.isAwayFromHeadline)
        return away.count >= minimumPages ? away : nil
    }

    private func decideCarriersBesideOwnText(on pages: [Int], in batch: SketchBatch) -> [Int]? {
        let sample = pages.prefix(sampleSize)
        // Text common to at least half of the sample: the paragraph and whatever comes with it.
        // Keys: a paragraph's hash above its page's place in the sample, so a page counts once.
        var keys: [UInt64] = []
        for (place, page) in sample.enumerated() {
            for fingerprint in batch.fingerprints(of: page) { keys.append(UInt64(fingerprint.hash) << 32 | UInt64(place)) }
        }
        keys.sort()
        var common: [UInt32] = []
        var start = 0
        while start < keys.count {
            var end = start + 1
            var pagesWithIt = 1
            while end < keys.count && keys[end] >> 32 == keys[start] >> 32 {
                if keys[end] != keys[end - 1] { pagesWithIt += 1 }
                end += 1
            }
            if 2 * pagesWithIt >= sample.count && pagesWithIt >= 2 { common.append(UInt32(keys[start] >> 32)) }
            start = end
        }

        /// The page's own paragraphs (sorted) and the words of its own and of the common text,
        /// when its own text is at least half as long as the common text.
        func ownParagraphs(of page: Int) -> (own: [UInt32], ownWords: Int, commonWords: Int)? {
            var commonWords = 0
            var ownWords = 0
            var own: [UInt32] = []
            for fingerprint in batch.fingerprints(of: page) {
                if common.sortedContains(fingerprint.hash) {
                    commonWords += Int(fingerprint.words)
                } else {
                    ownWords += Int(fingerprint.words)
                    own.append(fingerprint.hash)
                }
            }
            guard ownWords >= max(minimumOwnWords, commonWords / 2) else { return nil }
            own.sort()
            return (own, ownWords, commonWords)
        }

        let sampled = sample.compactMap { page in ownParagraphs(of: page).map { (page, $0) } }
        guard 2 * sampled.count >= sample.count, sampled.count >= minimumUnrelatedPages else { return nil }
        // Pages whose own texts share paragraphs, or whose signatures agree clearly more than
        // the common text alone makes them (copies edited apart keep few paragraphs whole), are
        // one story told twice, not two stories.
        var groups = UnionFind(count: sampled.count)
        for first in sampled.indices {
            for second in sampled.indices where second > first {
                let (a, b) = (sampled[first].1, sampled[second].1)
                let shared = a.own.sortedIntersectionCount(with: b.own)
                let commonWords = Double(min(a.commonWords, b.commonWords))
                let commonAlone = commonWords / max(commonWords + Double(a.ownWords + b.ownWords), 1)
                let agreement = MinHasher.estimatedJaccard(batch.signatures[sampled[first].0], batch.signatures[sampled[second].0])
                if shared > 0 && 2 * shared >= min(a.own.count, b.own.count) || agreement >= commonAlone + relatedMargin {
                    groups.union(first, second)
                }
            }
        }
        let unrelated = Set(sampled.indices.map { groups.find($0) }).count
        guard unrelated >= minimumUnrelatedPages else { return nil }
        return pages.filter { ownParagraphs(of: $0) != nil || batch.isAwayFromHeadline($0) }
    }
}

private extension Array where Element == UInt32 {
    /// Whether the sorted array holds `value`.
    func sortedContains(_ value: UInt32) -> Bool {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if self[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low < count && self[low] == value
    }

    /// Values both sorted arrays hold (each counted once per match).
    func sortedIntersectionCount(with other: [UInt32]) -> Int {
        var (i, j, shared) = (0, 0, 0)
        while i < count && j < other.count {
            if self[i] < other[j] { i += 1 } else if self[i] > other[j] { j += 1 } else { shared += 1; i += 1; j += 1 }
        }
        return shared
    }
}

/// How much text was left out as learned furniture.
public struct FurnitureStatistics: Sendable, Equatable {
    /// Distinct paragraphs found to be furniture.
    public var paragraphs = 0
    /// Pages with at least one furniture paragraph left out.
    public var documents = 0
    /// Words of the furniture paragraphs left out, over all pages.
    public var droppedWords = 0
    /// Words of all paragraphs of all pages.
    public var totalWords = 0

    public init() {}
}
