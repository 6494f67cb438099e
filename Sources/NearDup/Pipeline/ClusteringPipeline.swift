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
        let batch = sketch(documents.map(\.text))
        do {
            return try resolve(documents.map(DocumentFacts.init), batch: batch)
        } catch {
            preconditionFailure("shingles held in memory cannot fail to be read: \(error)")
        }
    }

    /// Candidate search, then verification and clustering group by group (see
    /// `CandidateGroups`), then numbering, over sketched documents.
    func resolve(
        _ documents: [DocumentFacts], batch: SketchBatch, shingleBudget: Int = Self.shingleBudget
    ) throws(ScratchFileError) -> ClusteringResult {
        let count = documents.count
        onStage?("finding candidate pairs")
        let layout = options.resolvedBandLayout
        let finder = CandidateFinder(layout: layout)
        var candidates = finder.candidates(
            signatures: batch.signatures, stride: options.numPermutations, count: count, threads: options.threads,
            isIndexed: { batch.windowCount(of: $0) > 0 })
        if options.leadShingles > 0 {
            let leads = CandidateFinder(layout: PipelineOptions.leadBandLayout).candidates(
                signatures: batch.leadSignatures, stride: PipelineOptions.leadPermutations, count: count,
                threads: options.threads, isIndexed: { batch.windowCount(of: $0) > 0 })
            candidates.merge(leads)
        }

        onStage?("verifying \(candidates.pairs.count) candidate pairs")
        let groups = CandidateGroups(
            pairs: candidates.pairs, count: count, shingleBudget: shingleBudget,
            shingleCount: { batch.windowCount(of: $0) }).groups
        var clusters: [ClusteringResult.Cluster] = []
        var copyEdges = 0
        for group in groups {
            let compared = try ComparedDocuments(group.documents, batch: batch, threads: options.threads)
            let resolved = resolve(group, compared: compared, documents: documents, signatures: batch.signatures)
            clusters += resolved.clusters
            copyEdges += resolved.copyEdges
        }
        clusters.sort { $0.members.min()! < $1.members.min()! }

        var assignments = (0..<count).map { ClusteringResult.Assignment(cluster: -1, representative: $0, similarity: 1) }
        for cluster in clusters {
            for (member, similarity) in zip(cluster.members, cluster.similarities) {
                assignments[member].representative = cluster.representative
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
                emptyDocuments: (0..<count).filter { batch.windowCount(of: $0) == 0 }.count,
                candidatePairs: candidates.pairs.count,
                copyEdges: copyEdges,
                skippedBandRuns: candidates.skippedRuns,
                bandLayout: layout))
    }

    /// Shingles whose sets are held at once while a group is verified: 128 MiB of sets.
    static let shingleBudget = 1 << 24

    /// Verifies one group's candidate pairs and clusters its documents.
    private func resolve(
        _ group: CandidateGroups.Group, compared: ComparedDocuments, documents: [DocumentFacts], signatures: [UInt32]
    ) -> (clusters: [ClusteringResult.Cluster], copyEdges: Int) {
        let rule = options.copyRule
        let certain = CertainCopy(threshold: rule.threshold, numPermutations: options.numPermutations)
        let pairs = group.pairs
        // Each edge keeps its exact overlap when the merge ran, for the report below.
        let verified = ParallelChunks(count: pairs.count, chunkSize: 4_096, threads: options.threads).map { range in
            pairs[range].compactMap { pair -> (pair: DocumentPair, overlap: Double?)? in
                if certain.holds(pair.first, pair.second, in: compared, signatures: signatures) { return (pair, nil) }
                let similarity = PairSimilarity(compared.shingles(of: pair.first), compared.shingles(of: pair.second))
                return rule.isCopy(similarity) ? (pair, similarity.overlap) : nil
            }
        }.flatMap { $0 }
        var knownOverlaps: [DocumentPair: Double] = [:]
        for edge in verified { if let overlap = edge.overlap { knownOverlaps[edge.pair] = overlap } }
        let overlaps = knownOverlaps

        // The clusterer counts documents from 0; the group's positions map onto that in order.
        let positions = compared.documents
        var localIndices: [Int: Int] = [:]
        for (local, position) in positions.enumerated() { localIndices[position] = local }
        let localOfPosition = localIndices
        let localEdges = verified.map { DocumentPair(localOfPosition[$0.pair.first]!, localOfPosition[$0.pair.second]!) }
        let clusterer = Clusterer(
            representative: { members in
                localOfPosition[Self.likelyOriginal(
                    of: members.map { positions[$0] }, documents: documents, compared: compared)]!
            },
            supports: { member, representative in
                let (member, representative) = (positions[member], positions[representative])
                return certain.holds(member, representative, in: compared, signatures: signatures)
                    || rule.supports(PairSimilarity(compared.shingles(of: member), compared.shingles(of: representative)))
            })
        let found = clusterer.clusters(count: positions.count, edges: localEdges, threads: options.threads)
        let clusters = ParallelChunks(count: found.count, chunkSize: 64, threads: options.threads).map { range in
            found[range].map { localMembers in
                let members = localMembers.map { positions[$0] }
                let representative = members[0]
                return ClusteringResult.Cluster(members: members, similarities: members.map { member in
                    member == representative ? 1
                        : overlaps[DocumentPair(member, representative)]
                        ?? PairSimilarity(compared.shingles(of: member), compared.shingles(of: representative)).overlap
                })
            }
        }.flatMap { $0 }
        return (clusters, verified.count)
    }

    /// The likely original: the earliest when dates are known; otherwise the copy that holds
    /// most of the others' text (a wire original holds its excerpts and reprints, a noisy or
    /// edited copy does not), then the longer, then the one with less added around the same
    /// text (outlets add, the wire does not), then the one read first.
    static func likelyOriginal(of members: [Int], documents: [DocumentFacts], compared: ComparedDocuments) -> Int {
        let dated = members.filter { documents[$0].date != nil }
        if let earliest = dated.map({ documents[$0].date! }).min() {
            let first = dated.filter { documents[$0].date == earliest }
            if first.count == 1 { return first[0] }
            return likelyOriginal(of: first, documents: documents, compared: compared)
        }
        // The original is among the longest; scoring a few bounds the work.
        let contenders = Array(members.sorted { longer($0, $1, compared: compared) }.prefix(maximumContenders))
        var scores = ContainedTextScore(contenders: contenders.map { compared.shingles(of: $0) })
        for member in members { scores.add(member: compared.shingles(of: member)) }
        var best = contenders[0]
        var bestScore: UInt64 = 0
        for (position, contender) in contenders.enumerated() {
            let score = scores.score(of: compared.shingles(of: contender))
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

    private static func longer(_ a: Int, _ b: Int, compared: ComparedDocuments) -> Bool {
        let sizeA = compared.shingleCount(of: a)
        let sizeB = compared.shingleCount(of: b)
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
        let batch = sketch([first, second])
        do {
            let compared = try ComparedDocuments([0, 1], batch: batch, threads: 1)
            return PairSimilarity(compared.shingles(of: 0), compared.shingles(of: 1))
        } catch {
            preconditionFailure("shingles held in memory cannot fail to be read: \(error)")
        }
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
