import GRDB
@_spi(Kernels) import NearDup

/// Documents added to an index that holds none, built in one go (`IndexBuild`) rather than
/// one chunk at a time: the stages run once over all of them, as a batch run's do, and band
/// keys are written in key order. The index is the one adding them in chunks gives.
///
/// Each chunk's sketches are written while the next chunk is sketched (the store is used from
/// the calling thread alone); each document's row, with what the stages find, at `finish`.
struct IndexLoad {
    let tables: IndexTables
    /// Sketching runs on another thread, one chunk at a time, while this one writes.
    private let build: SharedBuild
    private let threads: Int
    /// Band-key entries sorted at a time (`IndexTables.loadRuns`).
    private let entriesPerPass: Int
    /// The last chunk's sketches, written while the next chunk is sketched, or at `finish`.
    private var unwritten: [EncodedSketch] = []
    /// The position of the first document.
    private let base: Int
    /// The ids written, with their texts' hashes: a repeated id may come in the same chunk.
    private var written: [String: UInt64] = [:]
    /// The documents' rows, written at `finish` with what the stages found: written as they
    /// came, each would be written again for its cluster and furniture.
    private var rows: [IndexTables.DocumentRow] = []

    init(tables: IndexTables, options: NearDupOptions, scratchDirectory: String?, entriesPerPass: Int) throws {
        self.tables = tables
        self.entriesPerPass = entriesPerPass
        base = Int(try tables.meta("next_position") ?? "0") ?? 0
        threads = options.threads
        do {
            build = SharedBuild(try IndexBuild(options: options, scratchDirectory: scratchDirectory))
        } catch {
            throw IndexError.store(path: error.directory, message: "cannot make a scratch file: \(error.reason)")
        }
    }

    /// Whether the index holds no document, so that what is added can be loaded.
    static func canLoad(into tables: IndexTables) throws -> Bool {
        try Int.fetchOne(tables.db, sql: "SELECT count(*) FROM (SELECT 1 FROM documents LIMIT 1)") == 0
    }

    /// Sketches and writes `documents`. A document whose id came before with the same text is
    /// skipped and counted; with another text it is an error unless `replacing`, and then it
    /// and those after it are given back: a replacement is carried through one chunk at a time.
    mutating func add(
        _ documents: [Document], replacing: Bool, dates: inout DateSummary, added: inout IndexUpdate.Added
    ) throws -> ArraySlice<Document> {
        var taken: [(document: Document, textHash: UInt64)] = []
        var rest: ArraySlice<Document> = []
        for (index, document) in documents.enumerated() {
            let textHash = XXH3.hash(document.utf8Text, seed: IndexUpdate.textHashSeed)
            if let present = written[document.id] {
                guard present != textHash else {
                    added.repeated += 1
                    continue
                }
                guard replacing else { throw IndexError.differentText(id: document.id) }
                rest = documents[index...]
                break
            }
            written[document.id] = textHash
            taken.append((document, textHash))
        }
        let first = base + build.count
        let (build, threads, chunk, datesBefore) = (self.build, self.threads, taken.map(\.document), dates)
        let sketching = BackgroundWork {
            var dates = datesBefore
            do throws(ScratchFileError) {
                let sketched = try build.value.sketch(chunk, dates: &dates)
                return (sketched, EncodedSketch.encoding(sketched.map(\.sketch), from: first, threads: threads), dates)
            } catch {
                throw IndexError.store(path: error.directory, message: "cannot write the scratch file: \(error.reason)")
            }
        }
        let stored = Result { try tables.insertSketches(unwritten) }
        let (sketched, encoded, datesAfter) = try sketching.value()
        try stored.get()
        unwritten = encoded
        dates = datesAfter
        for (offset, (taken, sketch)) in zip(taken, sketched).enumerated() {
            rows.append(IndexTables.DocumentRow(sketch, id: taken.document.id, textHash: taken.textHash, position: first + offset))
            added.positions.append(first + offset)
        }
        try tables.setMeta("next_position", String(base + build.count))
        return rest
    }

    /// Runs the stages over every document written, and writes what they found: furniture,
    /// clusters, verified pairs and band keys.
    ///
    /// Gives the documents loaded that are members of a cluster of two or more, in position
    /// order, as `NearDupIndex.memberships` reads them back from the store.
    @discardableResult
    mutating func finish() throws -> [NearDupIndex.Membership] {
        guard build.count > 0 else { return [] }
        try tables.insertSketches(unwritten)
        unwritten = []
        let outcome: IndexBuild.Outcome
        do {
            outcome = try build.value.finish()
        } catch {
            throw IndexError.store(path: error.directory, message: "cannot read the scratch file: \(error.reason)")
        }
        let base = self.base
        for (document, furniture) in outcome.furniture where !furniture.isEmpty {
            rows[document].furniture = furniture
            rows[document].keptEntries = outcome.keptCounts[document]
        }
        for cluster in outcome.clusters {
            for (member, similarity) in zip(cluster.members, cluster.similarities) {
                rows[member].representative = base + cluster.representative
                rows[member].similarity = similarity
            }
        }
        let copies = outcome.edges.compactMap { edge -> (Int, Int)? in
            if case .copy = edge.outcome { return edge.pair }
            return nil
        }
        for (document, label) in ComponentLabels.labels(count: rows.count, joinedBy: copies).enumerated() {
            rows[document].component = base + label
        }
        var sizes: [Int: Int] = [:]
        for cluster in outcome.clusters where cluster.members.count > 1 { sizes[cluster.representative] = cluster.members.count }
        let memberships = rows.compactMap { row in
            sizes[row.representative - base].map {
                NearDupIndex.Membership(id: row.id, representative: rows[row.representative - base].id, similarity: row.similarity, clusterSize: $0)
            }
        }
        for (name, _) in IndexSchema.rebuiltIndexes { try tables.db.execute(sql: "DROP INDEX \(name)") }
        try tables.insertDocuments(rows)
        rows = []
        try tables.insertEdges(outcome.edges, offset: base)
        for (_, definition) in IndexSchema.rebuiltIndexes { try tables.db.execute(sql: definition) }
        let indexed = outcome.keptCounts.count { $0 > 0 }
        let build = self.build
        let keptCounts = outcome.keptCounts
        try tables.loadRuns(
            documents: 0..<build.count, entries: indexed * build.value.keysPerDocument, threads: threads, entriesPerPass: entriesPerPass
        ) { document in
            guard keptCounts[document] > 0 else { return [] }
            return build.value.bandKeys(of: document).map { ($0, base + document) }
        }
        return memberships
    }
}

/// The build, handed between the thread that sketches a chunk and the one that writes: one
/// of them uses it at a time.
private final class SharedBuild: @unchecked Sendable {
    var value: IndexBuild

    init(_ value: IndexBuild) { self.value = value }

    var count: Int { value.count }
}
