import Dispatch
import Foundation

/// Wires the stages: normalise → shingle → MinHash → LSH candidates → exact verification →
/// clustering without chaining → numbered assignments.
public struct ClusteringPipeline: Sendable {
    public var options: NearDupOptions
    /// Told when each stage begins, for progress displays.
    public var onStage: (@Sendable (String) -> Void)?

    public init(options: NearDupOptions = .init(), onStage: (@Sendable (String) -> Void)? = nil) {
        self.options = options
        self.onStage = onStage
    }

    public func run(_ documents: [Document]) -> ClusteringResult {
        onStage?("sketching \(documents.count) documents")
        let batch = sketch(documents.map(DocumentText.init))
        var dates = DateSummary()
        var facts = documents.map { DocumentFacts($0, date: dates.read($0, format: options.dateFormat)) }
        batch.applyPublicationTimes(to: &facts)
        do {
            var result = try resolve(facts, batch: batch)
            result.dates = dates
            return result
        } catch {
            preconditionFailure("shingles held in memory cannot fail to be read: \(error)")
        }
    }

    /// Furniture search, candidate search, verification, clustering and numbering over
    /// sketched documents.
    /// The batch is consumed: leaving furniture out changes its sets where they lie, which a
    /// second holder of them would turn into a copy.
    func resolve(_ documents: [DocumentFacts], batch: consuming SketchBatch) throws(ScratchFileError) -> ClusteringResult {
        let count = documents.count
        var furniture = FurnitureStatistics()
        // Only documents with fingerprints take part (see `FurnitureLearning`).
        if options.furnitureLearning != .off && batch.hasFingerprints {
            onStage?("finding page furniture")
            let found = LearnedFurniture().find(in: batch, sources: documents.map(\.source), threads: options.threads)
            try batch.leaveOut(found.paragraphsByDocument)
            furniture = found.statistics
        }
        onStage?("finding candidate pairs")
        let layout = options.resolvedBandLayout
        let candidates = candidates(in: batch)

        onStage?("verifying \(candidates.pairs.count) candidate pairs")
        let verdicts = verdicts(for: batch, count: count)
        let verification = try CopyVerification(rule: options.copyRule, verdicts: verdicts, threads: options.threads)
            .verify(candidates.pairs, documentCount: count, batch: batch)
        let verified = verification.copies
        onStage?("clustering")
        let clusters = try clusters(
            of: verified, unchecked: verification.skipped, documents: documents, batch: batch, verdicts: verdicts)

        var assignments = (0..<count).map { ClusteringResult.Assignment(cluster: -1, representative: $0, similarity: 1) }
        for cluster in clusters {
            for (member, similarity) in zip(cluster.members, cluster.similarities) {
                assignments[member].representative = cluster.representative
                assignments[member].similarity = similarity
            }
        }
        // Number clusters and singletons alike by first input position.
        var number: Int32 = 0
        var numberOfRepresentative = [Int32](repeating: -1, count: count)
        for position in 0..<count {
            let representative = assignments[position].representative
            if numberOfRepresentative[representative] < 0 {
                numberOfRepresentative[representative] = number
                number += 1
            }
            assignments[position].cluster = Int(numberOfRepresentative[representative])
        }
        let noStoryPages = batch.pages.filter { !$0.hasStory }.count
        return ClusteringResult(
            clusters: clusters,
            assignments: assignments,
            pages: batch.pages,
            statistics: .init(
                documents: count,
                emptyDocuments: (0..<count).filter { batch.shingleCount(of: $0) == 0 }.count - noStoryPages,
                noStoryPages: noStoryPages,
                bundles: (0..<count).count(where: batch.isBundle),
                candidatePairs: candidates.pairs.count,
                copyEdges: verified.count,
                longestBandRun: candidates.longestRun,
                furniture: furniture,
                bandLayout: layout),
            bundledCopies: verification.bundledCopies)
    }

    /// Pairs whose band keys agree in the signatures or in the leads' signatures, among the
    /// documents with entries left once furniture is out.
    func candidates(in batch: SketchBatch) -> CandidateFinder.Result {
        var candidates = CandidateFinder(layout: options.resolvedBandLayout).candidates(
            signatures: batch.signatures, threads: options.threads, isIndexed: { batch.shingleCount(of: $0) > 0 })
        if options.leadShingles > 0 {
            let leads = CandidateFinder(layout: NearDupOptions.leadBandLayout).candidates(
                signatures: batch.leadSignatures, threads: options.threads,
                isIndexed: { batch.shingleCount(of: $0) > 0 })
            candidates.merge(leads)
        }
        return candidates
    }

    func verdicts(for batch: SketchBatch, count: Int) -> SignatureVerdict {
        var filledCounts = Set<Int>()
        for document in 0..<count { filledCounts.insert(batch.filledBins(of: document)) }
        return SignatureVerdict(rule: options.copyRule, numPermutations: options.numPermutations, filledCounts: filledCounts)
    }

    /// Clusters without chaining, one component of copy edges at a time (in parallel), each
    /// with only its own members' sets in memory; ordered by first member. `unchecked`: the
    /// pairs verification skipped (see `CopyVerification`).
    func clusters(
        of verified: [CopyVerification.Copy], unchecked: [DocumentPair], documents: [DocumentFacts],
        batch: SketchBatch, verdicts: SignatureVerdict
    ) throws(ScratchFileError) -> [ClusteringResult.Cluster] {
        let count = documents.count
        var sets = UnionFind(count: count)
        var linked = [Bool](repeating: false, count: count)
        for edge in verified {
            sets.union(edge.pair.first, edge.pair.second)
            linked[edge.pair.first] = true
            linked[edge.pair.second] = true
        }
        // Components numbered by first member; members, edges and unchecked pairs grouped by them.
        var componentOfRoot = [Int32](repeating: -1, count: count)
        var linkedDocuments: [Int] = []
        var componentOfLinked: [Int32] = []
        var componentCount = 0
        for document in 0..<count where linked[document] {
            let root = sets.find(document)
            if componentOfRoot[root] < 0 {
                componentOfRoot[root] = Int32(componentCount)
                componentCount += 1
            }
            linkedDocuments.append(document)
            componentOfLinked.append(componentOfRoot[root])
        }
        let components = FlatGroups(linkedDocuments, groupIDs: componentOfLinked, groupCount: componentCount)
        let componentEdges = FlatGroups(
            verified, groupIDs: verified.map { componentOfRoot[sets.find($0.pair.first)] }, groupCount: componentCount)
        let componentUnchecked = FlatGroups(
            unchecked, groupIDs: unchecked.map { componentOfRoot[sets.find($0.first)] }, groupCount: componentCount)
        let parts = ParallelChunks(count: componentCount, chunkSize: 16, threads: options.threads).map { range in
            Result { () throws(ScratchFileError) -> [ClusteringResult.Cluster] in
                var clusters: [ClusteringResult.Cluster] = []
                let space = ContainedTextScoreSpace()
                for component in range {
                    let compared = try ComparedDocuments(Array(components[component]), batch: batch)
                    clusters += try self.clusters(
                        of: compared, edges: componentEdges[component], unchecked: componentUnchecked[component],
                        documents: documents, batch: batch, verdicts: verdicts, space: space)
                }
                return clusters
            }
        }
        var clusters: [ClusteringResult.Cluster] = []
        for part in parts { clusters += try part.get() }
        return clusters.sorted { $0.members.min()! < $1.members.min()! }
    }

    /// The clusters of one component of copy edges, whose sets `compared` holds. `space`: the
    /// calling thread's table for scoring likely originals.
    func clusters(
        of compared: ComparedDocuments, edges: ArraySlice<CopyVerification.Copy>, unchecked: ArraySlice<DocumentPair>,
        documents: [DocumentFacts], batch: SketchBatch, verdicts: SignatureVerdict, space: ContainedTextScoreSpace
    ) throws(ScratchFileError) -> [ClusteringResult.Cluster] {
        let rule = options.copyRule
        let overlaps = MeasuredOverlaps()
        let failure = FirstFailure<ScratchFileError>()
        for edge in edges { if let overlap = edge.overlap { overlaps[edge.pair] = overlap } }
        // The clusterer counts documents from 0; the component's positions map onto that in order.
        let positions = compared.documents
        var localIndices: [Int: Int] = [:]
        for (local, position) in positions.enumerated() { localIndices[position] = local }
        let localOfPosition = localIndices
        let clusterer = Clusterer(
            representative: { members in
                localOfPosition[Self.likelyOriginal(
                    of: members.map { positions[$0] }, documents: documents, compared: compared, space: space)]!
            },
            supports: { member, representative in
                let (member, representative) = (positions[member], positions[representative])
                if verdicts.verdict(member, representative, in: batch) == .copy { return true }
                let similarity = PairSimilarity(compared.shingles(of: member), compared.shingles(of: representative))
                overlaps[DocumentPair(member, representative)] = similarity.overlap
                return rule.supports(similarity)
            },
            isCopy: { first, second in
                // As verification would have: the pair's first document first.
                let (first, second) = (positions[first], positions[second])
                let (a, b) = (compared.shingles(of: first), compared.shingles(of: second))
                do throws(ScratchFileError) {
                    return try rule.isCopy(PairSimilarity(a, b), first: a, second: b) { ofFirst throws(ScratchFileError) in
                        try compared.paragraphs(of: ofFirst ? first : second)
                    }
                } catch {
                    failure.record(error)
                    return false
                }
            })
        let localEdges = edges.map { DocumentPair(localOfPosition[$0.pair.first]!, localOfPosition[$0.pair.second]!) }
        let localUnchecked = unchecked.map { DocumentPair(localOfPosition[$0.first]!, localOfPosition[$0.second]!) }
        let grouped = clusterer.clusters(count: positions.count, edges: localEdges, unchecked: localUnchecked)
        try failure.check()
        return grouped.map { localMembers in
            let members = localMembers.map { positions[$0] }
            let representative = members[0]
            return ClusteringResult.Cluster(members: members, similarities: members.map { member in
                member == representative ? 1
                    : overlaps[DocumentPair(member, representative)]
                    ?? PairSimilarity(compared.shingles(of: member), compared.shingles(of: representative)).overlap
            })
        }
    }

    /// The likely original: the earliest by the dates as read, when any member has one
    /// (undated members, and dates that could not be read, never win over dated ones; ties,
    /// and undated clusters, go to the most complete copy).
    static func likelyOriginal(
        of members: [Int], documents: [DocumentFacts], compared: ComparedDocuments,
        space: ContainedTextScoreSpace = .init()
    ) -> Int {
        let dated = members.filter { documents[$0].date != nil }
        guard let earliest = dated.map({ documents[$0].date! }).min() else {
            return mostComplete(of: members, documents: documents, compared: compared, space: space)
        }
        let first = dated.filter { documents[$0].date == earliest }
        return first.count == 1 ? first[0] : mostComplete(of: first, documents: documents, compared: compared, space: space)
    }

    /// The copy that holds most of the others' text (a wire original holds its excerpts and
    /// reprints, a noisy or edited copy does not), then the longer, then the one with less
    /// added around the same text (outlets add, the wire does not), then the one read first.
    private static func mostComplete(
        of members: [Int], documents: [DocumentFacts], compared: ComparedDocuments, space: ContainedTextScoreSpace
    ) -> Int {
        // The original is among the longest; scoring a few bounds the work.
        let contenders = Array(members.sorted { longer($0, $1, compared: compared) }.prefix(maximumContenders))
        if contenders.count == 2 {
            // Each holds the shared text over the other's size: the longer scores higher, and
            // two of one size score the same, which leaves it to the text's length.
            let (first, second) = (contenders[0], contenders[1])
            let sameSize = compared.shingleCount(of: first) == compared.shingleCount(of: second)
            return sameSize && documents[second].textBytes < documents[first].textBytes ? second : first
        }
        let contenderSets = contenders.map { compared.shingles(of: $0) }
        let contenderScores: [UInt64]
        if members.count <= maximumMergedMembers {
            contenderScores = ContainedTextScore.scoresByMerging(contenderSets)
        } else {
            var scores = ContainedTextScore(contenders: contenderSets, space: space)
            for member in members { scores.add(member: compared.shingles(of: member)) }
            contenderScores = contenderSets.map { scores.score(of: $0) }
        }
        var best = contenders[0]
        var bestScore: UInt64 = 0
        for (position, (contender, score)) in zip(contenders, contenderScores).enumerated() {
            if position == 0 || score > bestScore
                || score == bestScore && compared.shingleCount(of: contender) == compared.shingleCount(of: best)
                && documents[contender].textBytes < documents[best].textBytes {
                best = contender
                bestScore = score
            }
        }
        return best
    }

    private static let maximumContenders = 16
    /// Groups up to this size score every member by merging pairs (`scoresByMerging`); all
    /// their members are contenders.
    private static let maximumMergedMembers = 7

    private static func longer(_ a: Int, _ b: Int, compared: ComparedDocuments) -> Bool {
        let sizeA = compared.shingleCount(of: a)
        let sizeB = compared.shingleCount(of: b)
        return sizeA != sizeB ? sizeA > sizeB : a < b
    }

    /// Normalises, shingles and sketches every text, in parallel chunks whose results are
    /// joined in input order, so the outcome does not depend on the thread count.
    func sketch(_ texts: [[UInt8]]) -> SketchBatch {
        sketch(texts.map { DocumentText($0) })
    }

    func sketch(_ texts: [DocumentText]) -> SketchBatch {
        do {
            return try sketch(texts, spill: nil)
        } catch {
            preconditionFailure("sets kept in memory cannot fail to be written: \(error)")
        }
    }

    /// With `spill`, each chunk's sets go to that scratch file as soon as they are made.
    func sketch(_ texts: [DocumentText], spill: ShingleSpill?) throws(ScratchFileError) -> SketchBatch {
        let options = self.options
        let batches = ParallelChunks(count: texts.count, chunkSize: 256, threads: options.threads).map { range in
            Result { () throws(ScratchFileError) -> SketchBatch in
                var sketcher = DocumentSketcher(options: options)
                // News text runs about six bytes a word, so a shingle per five bytes is room enough.
                var batch = SketchBatch(
                    reservingFor: range.count, shingles: texts[range].reduce(0) { $0 + $1.utf8.count } / 5,
                    signatureLength: options.numPermutations,
                    leadSignatureLength: options.leadShingles > 0 ? NearDupOptions.leadPermutations : 0)
                for index in range { sketcher.sketch(texts[index], position: index - range.lowerBound, into: &batch) }
                if let spill { try batch.spill(to: spill) } else { batch.shrinkToFit() }
                return batch
            }
        }
        var joined = SketchBatch()
        for batch in batches { joined.append(try batch.get()) }
        return joined
    }

    /// Exact similarity of two texts under these options (for `compare`).
    public func similarity(_ first: String, _ second: String) -> PairSimilarity {
        exactComparison(first, second).similarity
    }

    /// The paragraphs found to be furniture in each document (by paragraph number, as
    /// `normalizedParagraphs` numbers them), as `cluster` leaves them out (`LearnedFurniture`).
    public func learnedFurniture(of documents: [Document]) -> [Int: [UInt8]] {
        guard options.furnitureLearning != .off else { return [:] }
        let batch = sketch(documents.map(DocumentText.init))
        guard batch.hasFingerprints else { return [:] }
        var dates = DateSummary()
        let sources = documents.map { DocumentFacts($0, date: dates.read($0, format: options.dateFormat)).source }
        return LearnedFurniture().find(in: batch, sources: sources, threads: options.threads).paragraphsByDocument
    }

    /// The normalised text's paragraphs as shingling numbers them (for `compare`); a
    /// paragraph number past the last the sets record is the last.
    package func normalizedParagraphs(_ text: String) -> [String] {
        let (bytes, normalization) = textToNormalize(text)
        var normalized: [UInt8] = []
        var quoted: [Bool] = []
        var starts: [Int32] = []
        TextNormalizer(options: normalization).normalize(utf8: bytes, into: &normalized, quotedWords: &quoted, paragraphStarts: &starts)
        let words = normalized.split(separator: 0x20)
        var paragraphs: [String] = []
        var start = 0
        for end in starts.map(Int.init) + [words.count] {
            let end = min(end, words.count)
            paragraphs.append(words[min(start, end)..<end].map { String(decoding: $0, as: UTF8.self) }.joined(separator: " "))
            start = end
        }
        return paragraphs
    }

    /// Exact similarity, the coverage of the shorter text's paragraphs by the longer, and the
    /// copy rule's verdict on the sets, as verification gives it; `furniture`: each text's
    /// paragraphs to leave out first (`learnedFurniture`).
    /// `isBundle`: whether each text bundles stamped items (`BundleRule`), which changes the rule.
    package func exactComparison(
        _ first: String, _ second: String, leavingOut furniture: [[UInt8]] = [[], []]
    ) -> (similarity: PairSimilarity, coverage: ParagraphCoverage, isCopy: Bool, isBundle: [Bool]) {
        var batch = sketch([Array(first.utf8), Array(second.utf8)])
        do {
            try batch.leaveOut([0: furniture[0], 1: furniture[1]])
            let compared = try ComparedDocuments([0, 1], batch: batch)
            let (a, b) = (compared.shingles(of: 0), compared.shingles(of: 1))
            let similarity = PairSimilarity(a, b)
            let paragraphs = { (ofFirst: Bool) throws(ScratchFileError) in try compared.paragraphs(of: ofFirst ? 0 : 1) }
            let coverage = try ParagraphCoverage.ofShorter(a, b, paragraphs: paragraphs)
            if batch.pairsBundleWithStory(0, 1) {
                return (similarity, coverage, false, [batch.isBundle(0), batch.isBundle(1)])
            }
            return (similarity, coverage, try options.copyRule.isCopy(similarity, first: a, second: b, paragraphs: paragraphs),
                    [batch.isBundle(0), batch.isBundle(1)])
        } catch {
            preconditionFailure("shingles held in memory cannot fail to be read: \(error)")
        }
    }

    /// The normalised text that shingling sees (of the story, for a page).
    package func normalizedText(_ text: String) -> String {
        let (bytes, normalization) = textToNormalize(text)
        return TextNormalizer(options: normalization).normalize(String(decoding: bytes, as: UTF8.self))
    }

    /// What normalising reads, and how: a page's story (none when it has no story), which has
    /// no markup left to strip; else the text itself.
    private func textToNormalize(_ text: String) -> (bytes: [UInt8], normalization: TextNormalizer.Options) {
        var normalization = options.normalization
        let bytes = Array(text.utf8)
        guard options.readsPages && HTMLDetection.isPage(bytes) else { return (bytes, normalization) }
        let page = StoryExtractor().extract(bytes)
        normalization.stripsMarkup = false
        return (page.hasStory ? Array(page.text.utf8) : [], normalization)
    }
}

/// Per-thread state for the per-document stages: reused buffers, no sharing.
struct DocumentSketcher {
    private let normalizer: TextNormalizer
    /// For story text taken from a page, which holds no markup to strip.
    private let storyNormalizer: TextNormalizer
    private let readsPages: Bool
    private var extractor: StoryExtractor?
    private var storyText: [UInt8] = []
    private var shingler: Shingler
    private let minHasher: MinHasher
    private var normalized: [UInt8] = []
    private var quotedWords: [Bool] = []
    private var paragraphStarts: [Int32] = []
    private var hashes: [UInt64] = []
    private var entries: [UInt32] = []
    private var paragraphs: [UInt8] = []
    private var fingerprints: [ParagraphFingerprint] = []
    /// Set entries per paragraph number, for the fingerprints (all zero between documents).
    private var entriesPerParagraph = [UInt16](repeating: 0, count: ShingleEntry.lastParagraph + 1)
    private let furnitureLearning: FurnitureLearning
    private var signature: [UInt32]
    private let leadHasher: MinHasher
    private var leadSignature: [UInt32]

    init(options: NearDupOptions) {
        normalizer = TextNormalizer(options: options.normalization)
        furnitureLearning = options.furnitureLearning
        var storyNormalization = options.normalization
        storyNormalization.stripsMarkup = false
        storyNormalizer = TextNormalizer(options: storyNormalization)
        readsPages = options.readsPages
        shingler = Shingler(kind: options.shingle, seed: options.seed, leadLength: options.leadShingles)
        leadHasher = MinHasher(numPermutations: NearDupOptions.leadPermutations, seed: options.seed &+ 0x1EAD)
        leadSignature = [UInt32](repeating: MinHasher.emptyValue, count: options.leadShingles > 0 ? NearDupOptions.leadPermutations : 0)
        minHasher = MinHasher(
            numPermutations: options.numPermutations, seed: options.seed, scheme: options.minHashScheme,
            variant: options.kernel)
        signature = [UInt32](repeating: MinHasher.emptyValue, count: options.numPermutations)
    }

    /// `position`: the document's place in the batch being filled.
    mutating func sketch(_ text: DocumentText, position: Int, into batch: inout SketchBatch) {
        if readsPages && (text.isHTMLFile || HTMLDetection.isPage(text.utf8)) {
            if extractor == nil { extractor = StoryExtractor() }
            let page = extractor!.extract(text.utf8, into: &storyText)
            batch.appendPage(PageReading(
                document: position, published: page.published, headline: page.headline,
                firstWords: DocumentPreview.firstWords(ofValidUTF8: storyText), hasStory: page.hasStory))
            // A page with no story is never a copy: it gets no shingles.
            if !page.hasStory { storyText.removeAll(keepingCapacity: true) }
            let stamped = storyNormalizer.normalize(
                utf8: storyText, into: &normalized, quotedWords: &quotedWords, paragraphStarts: &paragraphStarts)
            sketchNormalized(
                into: &batch, fingerprints: furnitureLearning != .off,
                isBundle: BundleRule.isBundle(stampedItems: max(stamped, page.stampedItems), headedItems: page.headedItems),
                isAwayFromHeadline: !page.isBesideHeadline)
        } else {
            let stamped = normalizer.normalize(
                utf8: text.utf8, into: &normalized, quotedWords: &quotedWords, paragraphStarts: &paragraphStarts)
            sketchNormalized(into: &batch, fingerprints: furnitureLearning == .all, isBundle: BundleRule.isBundle(stampedItems: stamped))
        }
    }

    /// Shingles and sketches the normalised text; with `fingerprints`, its paragraphs take
    /// part in the furniture search.
    private mutating func sketchNormalized(
        into batch: inout SketchBatch, fingerprints takesPart: Bool, isBundle: Bool, isAwayFromHeadline: Bool = false
    ) {
        // MinHash takes the text's shingles as they come (repeats change no minimum); the
        // exact comparisons take the set of their entries.
        shingler.shingles(of: normalized, quotedWords: quotedWords, paragraphStarts: paragraphStarts, into: &hashes)
        if !leadSignature.isEmpty { leadHasher.sketch(shingler.lead, into: &leadSignature) }
        let filledBins = minHasher.sketch(hashes, into: &signature)
        shingler.entrySet(of: hashes, into: &entries, paragraphs: &paragraphs)
        fingerprints.removeAll(keepingCapacity: true)
        if takesPart {
            shingler.paragraphFingerprints(paragraphStarts: paragraphStarts, into: &fingerprints)
            if !fingerprints.isEmpty {
                for paragraph in paragraphs { entriesPerParagraph[Int(paragraph)] &+= 1 }
                for index in fingerprints.indices {
                    fingerprints[index].entries = entriesPerParagraph[Int(fingerprints[index].paragraph)]
                }
                for paragraph in paragraphs { entriesPerParagraph[Int(paragraph)] = 0 }
            }
        }
        batch.append(
            shingles: entries, paragraphs: paragraphs, signature: signature, filledBins: filledBins, leadSignature: leadSignature,
            fingerprints: fingerprints, isBundle: isBundle, isAwayFromHeadline: isAwayFromHeadline)
    }
}
