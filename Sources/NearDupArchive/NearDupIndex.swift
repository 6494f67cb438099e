import Foundation
import GRDB
import NearDup

/// An archive kept on disk (or in memory) that documents are added to, looked up in and
/// removed from, with the clusters a batch run over the same documents gives.
///
/// Each `add` and `remove` is one SQLite transaction: a process killed at any moment leaves
/// the index as its last completed command left it, and readers (`query`, `assignments`)
/// see that state while a writer works.
///
/// ```swift
/// let index = try NearDupIndex(directory: "archive.index")
/// try index.add(id: "wire-1", text: story)
/// let matches = try index.query(text: reprint)
/// ```
public final class NearDupIndex: Sendable {
    /// The index folder, or ":memory:".
    public let path: String
    /// The options the index was built with (threads as opened).
    public let options: NearDupOptions
    private let writer: any DatabaseWriter
    /// Reads go through the writer, which hands them a snapshot of the last completed command.
    var reader: any DatabaseReader { writer }
    private let engine: SketchEngine
    /// Documents sketched together (`chunkSize`), and band-key entries a load sorts at a
    /// time (`IndexTables.rowsPerLoadPass`); tests make them small.
    let chunkSize: Int
    let loadPassEntries: Int

    /// Opens the index in `directory`, creating it (and the folder) when `creating` and there
    /// is none. `options`: those that decide clusters must match the index's own (nil takes
    /// them, with all cores); a new index is built with them (nil: the defaults). Their
    /// `threads` apply either way.
    public init(directory: String, options: NearDupOptions? = nil, creating: Bool = true) throws(IndexError) {
        path = directory
        chunkSize = Self.chunkSize
        loadPassEntries = IndexTables.rowsPerLoadPass
        let file = (directory as NSString).appendingPathComponent(IndexSchema.fileName)
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        if manager.fileExists(atPath: directory, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw .notAnIndex(path: directory, reason: "it is a file, not an index folder") }
            if !manager.fileExists(atPath: file) {
                guard creating else { throw .notAnIndex(path: directory, reason: "no \(IndexSchema.fileName) in it") }
                let contents = (try? manager.contentsOfDirectory(atPath: directory)) ?? []
                guard contents.isEmpty else {
                    throw .notAnIndex(path: directory, reason: "the folder holds other files; give a new or empty folder")
                }
            }
        } else {
            guard creating else { throw .notAnIndex(path: directory, reason: "no such folder") }
            do {
                try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw .store(path: directory, message: "cannot create the index folder: \(error.localizedDescription)")
            }
        }
        do {
            writer = try DatabasePool(path: file, configuration: IndexSchema.connectionConfiguration())
        } catch {
            throw .notAnIndex(path: directory, reason: String(describing: error))
        }
        (self.options, engine) = try Self.prepare(writer, path: directory, options: options)
    }

    /// An index held in memory, gone when the value is: for tests and short-lived programs.
    public convenience init(inMemoryWith options: NearDupOptions = NearDupOptions()) throws(IndexError) {
        try self.init(inMemoryWith: options, chunkSize: Self.chunkSize, loadPassEntries: IndexTables.rowsPerLoadPass)
    }

    init(inMemoryWith options: NearDupOptions, chunkSize: Int, loadPassEntries: Int) throws(IndexError) {
        path = ":memory:"
        self.chunkSize = chunkSize
        self.loadPassEntries = loadPassEntries
        do {
            writer = try DatabaseQueue(configuration: IndexSchema.connectionConfiguration())
        } catch {
            throw .store(path: path, message: String(describing: error))
        }
        (self.options, engine) = try Self.prepare(writer, path: path, options: options)
    }

    /// Creates the tables of a new index and stores its options, or reads and checks those of
    /// an existing one. An existing index is only read here, so a reader opens it while a
    /// writer holds it.
    private static func prepare(
        _ writer: any DatabaseWriter, path: String, options asked: NearDupOptions?
    ) throws(IndexError) -> (NearDupOptions, SketchEngine) {
        do {
            try upgradeFormat(of: writer, path: path)
            if let existing = try storedOptions(in: writer, path: path, asked: asked) {
                return (existing, SketchEngine(options: existing))
            }
            // A new index: its tables, and the options it is built with, unless another process
            // created it first (then its options are the ones that hold).
            try IndexSchema.migrator.migrate(writer)
            var options = asked ?? NearDupOptions()
            options.bandLayout = options.resolvedBandLayout
            let chosen = options
            try writer.write { db in
                let tables = IndexTables(db: db)
                if try tables.meta("options") == nil { try tables.setMeta("options", IndexedOptions(chosen).json) }
            }
            guard let created = try storedOptions(in: writer, path: path, asked: asked) else {
                throw IndexError.notAnIndex(path: path, reason: "its options were not stored")
            }
            return (created, SketchEngine(options: created))
        } catch let error as IndexError {
            throw error
        } catch {
            throw .notAnIndex(path: path, reason: String(describing: error))
        }
    }

    /// Moves an index of an earlier format to this one, in one transaction, then compacts
    /// it. The only writes that opening an existing index makes, once.
    private static func upgradeFormat(of writer: any DatabaseWriter, path: String) throws {
        let outdated = try writer.read { db in
            let applied = try IndexSchema.migrator.appliedMigrations(db)
            if let unknown = applied.first(where: { !IndexSchema.migrator.migrations.contains($0) }) {
                throw IndexError.unsupportedFormat(path: path, version: Int(unknown.filter(\.isNumber)) ?? 0)
            }
            return try db.tableExists("meta") && !IndexSchema.migrator.hasCompletedMigrations(db)
        }
        guard outdated else { return }
        try IndexSchema.migrator.migrate(writer)
        // Rows rewritten in place leave pages part empty and pages free: the file is made
        // again whole (a million documents: 7.3 GB to 4.5 GB, in about 40 s).
        try writer.vacuum()
    }

    /// The options an index stores, checked against `asked` (with `asked`'s threads, or all
    /// cores); nil when it stores none yet. Reads only.
    private static func storedOptions(in writer: any DatabaseWriter, path: String, asked: NearDupOptions?) throws -> NearDupOptions? {
        let stored = try writer.read { db -> (format: String?, options: String?)? in
            guard try db.tableExists("meta") else { return nil }
            let tables = IndexTables(db: db)
            return (try tables.meta("format"), try tables.meta("options"))
        }
        guard let stored, let storedText = stored.options else { return nil }
        guard let format = stored.format, Int(format) == IndexSchema.formatVersion else {
            throw IndexError.unsupportedFormat(path: path, version: Int(stored.format ?? "") ?? 0)
        }
        let threads = asked?.threads ?? ProcessInfo.processInfo.activeProcessorCount
        guard let indexed = IndexedOptions(json: storedText), let options = indexed.options(threads: threads) else {
            throw IndexError.notAnIndex(path: path, reason: "its stored options cannot be read")
        }
        if let asked {
            let differences = indexed.differences(from: asked)
            guard differences.isEmpty else { throw IndexError.optionsDiffer(path: path, differences: differences) }
        }
        return options
    }

    // MARK: Adding

    /// What an `add` did.
    public struct AddReport: Sendable, Equatable {
        /// Documents added.
        public var added = 0
        /// Documents already in the index with the same text: skipped.
        public var repeated = 0
        /// Documents whose id the index held with another text: replaced.
        public var replaced = 0
        /// Each added document that is now a member of a cluster of two or more, in input order.
        public var joined: [Membership] = []
    }

    /// A document's place in the index's clusters.
    public struct Membership: Sendable, Equatable {
        public var id: String
        /// The id of its cluster's representative (the likely original).
        public var representative: String
        /// Its overlap with the representative (1 for the representative).
        public var similarity: Double
        /// Members of its cluster.
        public var clusterSize: Int
    }

    /// Adds `documents` after those in the index, in order, as one transaction. A document
    /// whose id is indexed with the same text is skipped and counted; with another text it is
    /// an error (`IndexError.differentText`) unless `replacing`.
    @discardableResult
    public func add(contentsOf documents: some Sequence<Document>, replacing: Bool = false) throws -> AddReport {
        try add(replacing: replacing) { push in
            for document in documents { try push(document) }
        }
    }

    /// Adds the documents `feed` hands to the function it is given (as a reader reads them),
    /// as `add(contentsOf:)` does: one transaction, however many there are.
    @discardableResult
    public func add(replacing: Bool = false, _ feed: (_ push: (Document) throws -> Void) throws -> Void) throws -> AddReport {
        var report = AddReport()
        let engine = self.engine
        let options = self.options
        let scratchDirectory = path == ":memory:" ? nil : path
        try writer.write { db in
            let tables = IndexTables(db: db)
            let update = IndexUpdate(tables: tables, engine: engine)
            // Into an empty index, documents are loaded in one go until one replaces another.
            var load = try IndexLoad.canLoad(into: tables)
                ? IndexLoad(tables: tables, options: options, scratchDirectory: scratchDirectory, entriesPerPass: loadPassEntries) : nil
            var dates = DateSummary()
            var outcome = IndexUpdate.Added()
            var chunk: [Document] = []
            func flush() throws {
                var documents = chunk[...]
                chunk.removeAll(keepingCapacity: true)
                if load != nil {
                    documents = try load!.add(Array(documents), replacing: replacing, dates: &dates, added: &outcome)
                    guard !documents.isEmpty else { return }
                    try load!.finish()
                    load = nil
                }
                let added = try update.add(Array(documents), replacing: replacing, dates: &dates)
                outcome.positions += added.positions
                outcome.repeated += added.repeated
                outcome.replaced += added.replaced
            }
            try feed { document in
                chunk.append(document)
                if chunk.count == chunkSize { try flush() }
            }
            try flush()
            // A load that took every document knows what they joined; otherwise it is read back.
            let loaded = try load?.finish()
            report.added = outcome.positions.count
            report.repeated = outcome.repeated
            report.replaced = outcome.replaced
            report.joined = try loaded ?? Self.memberships(of: outcome.positions, in: db)
        }
        return report
    }

    /// Documents sketched together: memory holds one chunk's sets while it is carried through.
    static let chunkSize = 16_384

    /// Adds one document; `date` in a spelling `cluster` reads, `source` its publisher.
    @discardableResult
    public func add(id: String, text: String, date: String? = nil, source: String? = nil, replacing: Bool = false) throws -> AddReport {
        // A record, not a file: its source is the one given, never a folder read off its id.
        try add(contentsOf: [Document(id: id, text: text, source: source, date: date, origin: .init(file: id, line: 0), recordRange: 0..<0)],
                replacing: replacing)
    }

    /// The added documents (`positions`, every one from the first on, as an add gives them)
    /// that are members of a cluster of two or more, in position order.
    private static func memberships(of positions: [Int], in db: Database) throws -> [Membership] {
        guard let first = positions.first else { return [] }
        // Clusters counted once each, in one statement: a load puts a million documents in
        // a hundred thousand.
        let rows = try Row.fetchCursor(db, sql: """
            SELECT d.id, r.id, d.similarity, c.size FROM documents d
            JOIN (SELECT representative, count(*) AS size FROM documents
                  WHERE representative IN (SELECT representative FROM documents WHERE position >= ?)
                  GROUP BY representative HAVING count(*) > 1) c ON c.representative = d.representative
            JOIN documents r ON r.position = d.representative
            WHERE d.position >= ? ORDER BY d.position
            """, arguments: [first, first])
        var found: [Membership] = []
        while let row = try rows.next() {
            found.append(Membership(id: row[0], representative: row[1], similarity: row[2], clusterSize: row[3]))
        }
        return found
    }

    // MARK: Removing

    /// What a `remove` did.
    public struct RemoveReport: Sendable, Equatable {
        public var removed = 0
        /// Ids the index did not hold.
        public var missing: [String] = []
    }

    /// Removes the documents with these ids, as one transaction; their clusters are made
    /// again as a batch run without them would make them.
    @discardableResult
    public func remove(ids: some Sequence<String>) throws -> RemoveReport {
        var report = RemoveReport()
        let engine = self.engine
        try writer.write { db in
            let tables = IndexTables(db: db)
            var positions: [Int] = []
            for id in ids {
                if let present = try tables.document(id: id) { positions.append(present.position) } else { report.missing.append(id) }
            }
            try IndexUpdate(tables: tables, engine: engine).remove(positions)
            report.removed = positions.count
        }
        return report
    }

    // MARK: Reading

    /// A document as `cluster` reports it.
    public struct Assignment: Sendable, Equatable {
        public var id: String
        /// Cluster number, counting from 0 in order of each cluster's first document.
        public var cluster: Int
        public var representative: String
        public var similarity: Double
    }

    /// Every document in input order, numbered as `neardup cluster` numbers them over the
    /// same documents; read from one snapshot, while writers go on.
    public func forEachAssignment(_ body: (Assignment) throws -> Void) throws {
        try writer.read { db in
            var numbers: [Int: Int] = [:]
            let rows = try Row.fetchCursor(db, sql: """
                SELECT d.id, d.representative, r.id, d.similarity FROM documents d
                JOIN documents r ON r.position = d.representative ORDER BY d.position
                """)
            while let row = try rows.next() {
                let representative: Int = row[1]
                let number = numbers[representative] ?? numbers.count
                numbers[representative] = number
                try body(Assignment(id: row[0], cluster: number, representative: row[2], similarity: row[3]))
            }
        }
    }

    public func assignments() throws -> [Assignment] {
        var all: [Assignment] = []
        try forEachAssignment { all.append($0) }
        return all
    }

    /// Clusters of two or more documents, by id: the representative first, then the others
    /// in input order; ordered by their first document.
    public func clusters() throws -> [[String]] {
        var members: [String: [String]] = [:]
        var order: [String] = []
        try forEachAssignment { assignment in
            if members[assignment.representative] == nil { order.append(assignment.representative) }
            members[assignment.representative, default: []].append(assignment.id)
        }
        return order.compactMap { representative in
            guard let ids = members[representative], ids.count > 1 else { return nil }
            return [representative] + ids.filter { $0 != representative }
        }
    }

    /// How a query relates to a document of the index.
    public enum Relation: String, Sendable {
        /// The two are copies of one story.
        case copy
        /// The indexed document is a bundle (live blog, digest) that holds a copy of the query's text.
        case bundleHoldsQuery = "bundle-holds-query"
        /// The query is a bundle that holds a copy of the indexed document's text.
        case queryHoldsDocument = "query-holds-document"
    }

    /// An indexed document a query matched.
    public struct Match: Sendable, Equatable {
        public var id: String
        /// Its cluster's representative.
        public var representative: String
        /// The overlap (for a copy), or the share of the held text found in the bundle.
        public var similarity: Double
        public var relation: Relation
    }

    /// The indexed documents that `text` is a copy of (or that hold it, or it holds), best
    /// first; the index is not changed. Verified exactly, as `add` would.
    public func query(text: String, source: String? = nil, date: String? = nil) throws -> [Match] {
        let document = Document(id: "query", text: text, source: source, date: date, origin: .init(file: "query", line: 0), recordRange: 0..<0)
        return try query([document])[0]
    }

    /// Each document's matches, as `query(text:)` gives them.
    public func query(_ documents: [Document]) throws -> [[Match]] {
        let engine = self.engine
        var dates = DateSummary()
        let sketched = engine.sketch(documents, dates: &dates)
        return try writer.read { db in
            let tables = IndexTables(db: db)
            let after = Int(try tables.meta("next_position") ?? "0") ?? 0
            return try sketched.map { sketched in
                let query = IndexedDocument(position: after, sketch: sketched.sketch, facts: sketched.facts, furniture: [])
                guard !query.sketch.entries.isEmpty else { return [] }
                var candidates = Set<Int>()
                for key in engine.bandKeys(of: query.sketch) {
                    candidates.formUnion(try tables.run(of: key, limit: Self.runLimit))
                }
                let documents = try tables.documents(candidates) + [query]
                let outcomes = engine.verify(candidates.sorted().map { ($0, after) }, among: documents)
                let statement = try db.cachedStatement(sql: """
                    SELECT d.id, r.id FROM documents d JOIN documents r ON r.position = d.representative WHERE d.position = ?
                    """)
                var matches: [(position: Int, match: Match)] = []
                for (pair, outcome) in outcomes {
                    guard let row = try Row.fetchOne(statement, arguments: [pair.0]) else { continue }
                    switch outcome {
                    case .copy(let overlap):
                        matches.append((pair.0, Match(id: row[0], representative: row[1], similarity: overlap, relation: .copy)))
                    case .bundleHolds(let bundle, let containment):
                        let relation: Relation = bundle == after ? .queryHoldsDocument : .bundleHoldsQuery
                        matches.append((pair.0, Match(id: row[0], representative: row[1], similarity: containment, relation: relation)))
                    }
                }
                return matches.sorted { ($0.match.similarity, -$0.position) > ($1.match.similarity, -$1.position) }.map(\.match)
            }
        }
    }

    /// Documents of one band key read as a query's candidates: a key shared by more is text
    /// that many pages carry, and the first of them stand for the rest.
    static let runLimit = 1_000
}
