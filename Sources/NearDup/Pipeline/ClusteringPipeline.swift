import Dispatch
import Foundation

/// Wires the stages: normalise → shingle → MinHash → LSH candidates → exact verification →
/// clustering without chaining → numbered assignments.
public struct ClusteringPipeline: Sendable {
    public var options: PipelineOptions
    /// Told when each stage begins, for progress displays.
    public var onStage: (@Sendable (String) -> Void)?

    public init(options: PipelineOptions = .init(), onStage: (@Sendable (String) -> Void)? = nil) {
        self.options = options
        self.onStage = onStage
    }

    public func run(_ documents: [Document]) -> ClusteringResult {
        onStage?("sketching \(documents.count) documents")
        var batch = sketch(documents.map(\.text))
        return resolve(documents.map(DocumentFacts.init), batch: &batch)
    }

    /// Candidate search, verification, clustering and numbering over sketched documents.
    /// `sketched` is taken over: its documents' shingles become sets in place.
    func resolve(_ documents: [DocumentFacts], batch sketched: inout SketchBatch) -> ClusteringResult {
        let count = documents.count
        onStage?("finding candidate pairs")
        let layout = options.resolvedBandLayout
        let finder = CandidateFinder(layout: layout)
        var candidates = finder.candidates(
            signatures: sketched.signatures, stride: options.numPermutations, count: count, threads: options.threads,
            isIndexed: { sketched.shingleCount(of: $0) > 0 })
        if options.leadShingles > 0 {
            let leads = CandidateFinder(layout: PipelineOptions.leadBandLayout).candidates(
                signatures: sketched.leadSignatures, stride: PipelineOptions.leadPermutations, count: count,
                threads: options.threads, isIndexed: { sketched.shingleCount(of: $0) > 0 })
            candidates.merge(leads)
        }

        // Only documents that take part in a comparison need their exact shingle sets.
        var compared = [Bool](repeating: false, count: count)
        for pair in candidates.pairs {
            compared[pair.first] = true
            compared[pair.second] = true
        }
        sketched.makeSets(where: compared, threads: options.threads)
        let batch = sketched
        let rule = options.copyRule
        let certain = CertainCopy(threshold: rule.threshold, numPermutations: options.numPermutations)
        onStage?("verifying \(candidates.pairs.count) candidate pairs")
        let pairs = candidates.pairs
        // Each edge keeps its exact overlap when the merge ran, for the report below.
        let verified = ParallelChunks(count: pairs.count, chunkSize: 4_096, threads: options.threads).map { range in
            pairs[range].compactMap { pair -> (pair: DocumentPair, overlap: Double?)? in
                if certain.holds(pair.first, pair.second, in: batch) { return (pair, nil) }
                let similarity = PairSimilarity(batch.shingles(of: pair.first), batch.shingles(of: pair.second))
                return rule.isCopy(similarity) ? (pair, similarity.overlap) : nil
            }
        }.flatMap { $0 }
        let edges = verified.map(\.pair)
        var knownOverlaps: [DocumentPair: Double] = [:]
        for edge in verified { if let overlap = edge.overlap { knownOverlaps[edge.pair] = overlap } }
        let overlaps = knownOverlaps

        let clusterer = Clusterer(
            representative: { members in Self.likelyOriginal(of: members, documents: documents, batch: batch) },
            supports: { member, representative in
                certain.holds(member, representative, in: batch)
                    || rule.supports(PairSimilarity(batch.shingles(of: member), batch.shingles(of: representative)))
            })
        onStage?("clustering")
        let groups = clusterer.clusters(count: count, edges: edges, threads: options.threads)
        let clusters = ParallelChunks(count: groups.count, chunkSize: 64, threads: options.threads).map { range in
            groups[range].map { group in
                let representative = group[0]
                return ClusteringResult.Cluster(members: group, similarities: group.map { member in
                    member == representative ? 1
                        : overlaps[DocumentPair(member, representative)]
                        ?? PairSimilarity(batch.shingles(of: member), batch.shingles(of: representative)).overlap
                })
            }
        }.flatMap { $0 }

        var assignments = (0..<count).map { ClusteringResult.Assignment(cluster: -1, representative: $0, similarity: 1) }
        for cluster in clusters {
            let group = cluster.members
            let representative = group[0]
            let similarities = cluster.similarities
            for (member, similarity) in zip(group, similarities) {
                assignments[member].representative = representative
                assignments[member].similarity = similarity
            }
        }
        // Number clusters and singletons alike by first input position.
        var number = 0
        var numberOfRepresentative: [Int: Int] = [:]
        for position in 0..<count {
            let representative = assignments[position].representative
            if let existing = numberOfRepresentative[representative] {
                assignments[position].cluster = existing
            } else {
                numberOfRepresentative[representative] = number
                assignments[position].cluster = number
                number += 1
            }
        }
        return ClusteringResult(
            clusters: clusters,
            assignments: assignments,
            statistics: .init(
                documents: count,
                emptyDocuments: (0..<count).filter { batch.shingleCount(of: $0) == 0 }.count,
                candidatePairs: candidates.pairs.count,
                copyEdges: edges.count,
                skippedBandRuns: candidates.skippedRuns,
                bandLayout: layout))
    }

    /// The likely original: the earliest when dates are known; otherwise the copy that holds
    /// most of the others' text (a wire original holds its excerpts and reprints, a noisy or
    /// edited copy does not), then the longer, then the one with less added around the same
    /// text (outlets add, the wire does not), then the one read first.
    static func likelyOriginal(of members: [Int], documents: [DocumentFacts], batch: SketchBatch) -> Int {
        let dated = members.filter { documents[$0].date != nil }
        if let earliest = dated.map({ documents[$0].date! }).min() {
            let first = dated.filter { documents[$0].date == earliest }
            if first.count == 1 { return first[0] }
            return likelyOriginal(of: first, documents: documents, batch: batch)
        }
        // The original is among the longest; scoring a few bounds the work.
        let contenders = Array(members.sorted { longer($0, $1, batch: batch) }.prefix(maximumContenders))
        var scores = ContainedTextScore(contenders: contenders.map { batch.shingles(of: $0) })
        for member in members { scores.add(member: batch.shingles(of: member)) }
        var best = contenders[0]
        var bestScore: UInt64 = 0
        for (position, contender) in contenders.enumerated() {
            let score = scores.score(of: batch.shingles(of: contender))
            if position == 0 || score > bestScore
                || score == bestScore && batch.shingleCount(of: contender) == batch.shingleCount(of: best)
                && documents[contender].textBytes < documents[best].textBytes {
                best = contender
                bestScore = score
            }
        }
        return best
    }

    private static let maximumContenders = 16

    private static func longer(_ a: Int, _ b: Int, batch: SketchBatch) -> Bool {
        let sizeA = batch.shingleCount(of: a)
        let sizeB = batch.shingleCount(of: b)
        return sizeA != sizeB ? sizeA > sizeB : a < b
    }

    /// Normalises, shingles and sketches every text, in parallel chunks whose results are
    /// joined in input order, so the outcome does not depend on the thread count.
    func sketch(_ texts: [String]) -> SketchBatch {
        let options = self.options
        let batches = ParallelChunks(count: texts.count, chunkSize: 256, threads: options.threads).map { range in
            var sketcher = DocumentSketcher(options: options)
            var batch = SketchBatch()
            for index in range { sketcher.sketch(texts[index], into: &batch) }
            batch.shrinkToFit()
            return batch
        }
        var joined = SketchBatch()
        for batch in batches { joined.append(batch) }
        return joined
    }

    /// Exact similarity of two texts under these options (for `compare`).
    public func similarity(_ first: String, _ second: String) -> PairSimilarity {
        var batch = sketch([first, second])
        batch.makeSets(where: [true, true], threads: 1)
        return PairSimilarity(batch.shingles(of: 0), batch.shingles(of: 1))
    }

    /// The normalised text that shingling sees.
    public func normalizedText(_ text: String) -> String {
        TextNormalizer(options: options.normalization).normalize(text)
    }
}

/// Per-thread state for the per-document stages: reused buffers, no sharing.
struct DocumentSketcher {
    private let normalizer: TextNormalizer
    private var shingler: Shingler
    private let minHasher: MinHasher
    private var normalized: [UInt8] = []
    private var quotedWords: [Bool] = []
    private var hashes: [UInt64] = []
    private var signature: [UInt32]
    private let leadHasher: MinHasher
    private var leadSignature: [UInt32]

    init(options: PipelineOptions) {
        normalizer = TextNormalizer(options: options.normalization)
        shingler = Shingler(kind: options.shingle, seed: options.seed, leadLength: options.leadShingles)
        leadHasher = MinHasher(numPermutations: PipelineOptions.leadPermutations, seed: options.seed &+ 0x1EAD)
        leadSignature = [UInt32](repeating: MinHasher.emptyValue, count: options.leadShingles > 0 ? PipelineOptions.leadPermutations : 0)
        minHasher = MinHasher(
            numPermutations: options.numPermutations, seed: options.seed, scheme: options.minHashScheme,
            variant: options.kernel)
        signature = [UInt32](repeating: MinHasher.emptyValue, count: options.numPermutations)
    }

    mutating func sketch(_ text: String, into batch: inout SketchBatch) {
        normalizer.normalize(text, into: &normalized, quotedWords: &quotedWords)
        shingler.shingles(of: normalized, quotedWords: quotedWords, into: &hashes)
        minHasher.sketch(hashes, into: &signature)
        if !leadSignature.isEmpty { leadHasher.sketch(shingler.lead, into: &leadSignature) }
        batch.append(shingles: hashes, signature: signature, leadSignature: leadSignature)
    }
}
