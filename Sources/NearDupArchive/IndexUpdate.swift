import GRDB
@_spi(Kernels) import NearDup

/// One change to the index (documents added or removed), carried through every stage that
/// batch clustering runs, for the documents it touches only:
///
/// 1. the furniture of the sources of the documents added or removed is learned again over
///    those sources' pages (`LearnedFurniture` decides per source);
/// 2. band keys are written or deleted, and each run whose star changed (a new document
///    joins it, its first document goes) gives the pairs to verify or to drop;
/// 3. those pairs, and every pair of a document whose furniture changed, are verified again;
/// 4. every component of copy edges that gained or lost an edge is clustered again, whole.
///
/// The outcome is the one a batch run over the same documents in position order gives.
struct IndexUpdate {
    let tables: IndexTables
    let engine: SketchEngine

    /// What adding found.
    struct Added {
        var positions: [Int] = []
        /// Documents already in the index with the same text, skipped.
        var repeated = 0
        /// Documents whose id was in the index with another text, replaced.
        var replaced = 0
    }

    /// Adds `documents` after those in the index, in order.
    func add(_ documents: [Document], replacing: Bool, dates: inout DateSummary) throws -> Added {
        var added = Added()
        var next = Int(try tables.meta("next_position") ?? "0") ?? 0
        let sketched = engine.sketch(documents, dates: &dates)
        // Documents written but not yet carried through, and their sources with fingerprints.
        var pending: [IndexedDocument] = []
        var sources = Set<UInt32>()
        for (document, sketch) in zip(documents, sketched) {
            let textHash = XXH3.hash(document.utf8Text, seed: Self.textHashSeed)
            if let present = try tables.document(id: document.id) {
                if present.textHash == textHash {
                    added.repeated += 1
                    continue
                }
                guard replacing else { throw IndexError.differentText(id: document.id) }
                // The old text goes first, so the id is free; what came before it is carried
                // through before that, as separate commands would have.
                try reconcile(new: pending, removing: [], sources: sources)
                (pending, sources) = ([], [])
                try reconcile(new: [], removing: [present.position])
                added.replaced += 1
            }
            try tables.insert(sketch, id: document.id, textHash: textHash, position: next)
            added.positions.append(next)
            pending.append(IndexedDocument(position: next, sketch: sketch.sketch, facts: sketch.facts, furniture: []))
            if !sketch.sketch.fingerprints.isEmpty, let source = sketch.facts.source { sources.insert(source) }
            next += 1
        }
        try tables.setMeta("next_position", String(next))
        try reconcile(new: pending, removing: [], sources: sources)
        return added
    }

    static let textHashSeed: UInt64 = 0x7E47_4A54

    /// The documents at `positions`, in position order: from `held` when they are there,
    /// else from the store.
    private func documents(_ positions: some Sequence<Int>, held: [Int: IndexedDocument]) throws -> [IndexedDocument] {
        let positions = Set(positions)
        let stored = try tables.documents(positions.filter { held[$0] == nil }, threads: engine.options.threads)
        return (stored + positions.compactMap { held[$0] }).sorted { $0.position < $1.position }
    }

    /// Removes the documents at `positions` and carries the change through.
    func remove(_ positions: [Int]) throws {
        try reconcile(new: [], removing: positions)
    }

    /// `added`: the documents just written, as they were written (no furniture yet).
    private func reconcile(new added: [IndexedDocument], removing removed: [Int], sources givenSources: Set<UInt32> = []) throws {
        var sources = givenSources
        let new = added.map(\.position)
        // New documents are read from here, not from the store they were just written to.
        var held: [Int: IndexedDocument] = [:]
        for document in added { held[document.position] = document }
        func documents(_ positions: some Sequence<Int>) throws -> [IndexedDocument] {
            try self.documents(positions, held: held)
        }
        // Documents that may have left or joined a cluster; new ones with no copy edge need nothing.
        var affected = Set<Int>()
        // Each run a change touches, as it was before the change.
        var runsBefore: [UInt64: [Int]] = [:]
        for document in try tables.documents(removed) {
            let keys = engine.bandKeys(of: document.sketch)
            for key in keys where runsBefore[key] == nil { runsBefore[key] = try tables.run(of: key) }
            for (first, second) in try tables.edgeEnds(of: document.position) { affected.formUnion([first, second]) }
            if !document.sketch.fingerprints.isEmpty, let source = document.facts.source { sources.insert(source) }
            try tables.delete(document.position, keys: keys)
        }
        affected.subtract(removed)

        // 1. Furniture, learned again for the sources touched.
        let newSet = Set(new)
        var changed: [Int] = []
        var wasIndexed: [Int: Bool] = [:]
        var nowIndexed: [Int: Bool] = [:]
        for source in sources.sorted() {
            let pages = try tables.pagesWithFingerprints(source: source)
            for (page, furniture) in zip(pages, engine.furniture(of: pages)) where furniture != page.furniture {
                guard let whole = try documents([page.position]).first else { continue }
                let kept = whole.sketch.keptCount(leavingOut: furniture)
                held[page.position]?.furniture = furniture
                if !newSet.contains(page.position) {
                    changed.append(page.position)
                    wasIndexed[page.position] = try tables.keptEntries(of: page.position) > 0
                    nowIndexed[page.position] = kept > 0
                }
                try tables.setFurniture(furniture, keptEntries: kept, of: page.position)
            }
        }

        // 2. Band keys. A new document comes after every indexed one: it joins each run of
        // its keys as a spoke of the run's hub, or starts the run.
        var toVerify = Set<Pair>()
        var entries: [(key: UInt64, position: Int)] = []
        for document in try documents(new) where document.sketch.keptCount(leavingOut: document.furniture) > 0 {
            for key in engine.bandKeys(of: document.sketch) { entries.append((key, document.position)) }
        }
        entries.sort { ($0.key, $0.position) < ($1.key, $1.position) }
        try tables.appendToRuns(entries) { hub, positions in
            let hub = hub ?? positions.first!
            for position in positions where position != hub { toVerify.insert(Pair(hub, position)) }
        }
        // A document that gained or lost all its entries may change the hub of its runs.
        let flipped = changed.filter { wasIndexed[$0] != nowIndexed[$0] }
        var keysOf: [Int: [UInt64]] = [:]
        for document in try documents(flipped) {
            keysOf[document.position] = engine.bandKeys(of: document.sketch)
        }
        for position in flipped {
            for key in keysOf[position] ?? [] where runsBefore[key] == nil { runsBefore[key] = try tables.run(of: key) }
        }
        for position in flipped {
            if nowIndexed[position] == true {
                try tables.insertPostings(of: position, keys: keysOf[position] ?? [])
            } else {
                try tables.deletePostings(of: position, keys: keysOf[position] ?? [])
            }
        }
        var maybeLost = Set<Pair>()
        for (key, before) in runsBefore {
            let after = try tables.run(of: key)
            let starBefore = Self.star(before)
            let starAfter = Self.star(after)
            toVerify.formUnion(starAfter.subtracting(starBefore))
            maybeLost.formUnion(starBefore.subtracting(starAfter))
        }
        // A document whose set changed has every candidate pair verified again.
        for document in try documents(changed) where nowIndexed[document.position] == true {
            for key in engine.bandKeys(of: document.sketch) {
                let run = try tables.run(of: key)
                guard let hub = run.first else { continue }
                if hub == document.position {
                    for other in run.dropFirst() { toVerify.insert(Pair(hub, other)) }
                } else {
                    toVerify.insert(Pair(hub, document.position))
                }
            }
        }
        for position in changed {
            for (first, second) in try tables.edgeEnds(of: position) {
                try tables.deleteEdge(first, second)
                affected.formUnion([first, second])
            }
        }
        for pair in maybeLost.subtracting(toVerify).sorted() where try !isCandidate(pair) {
            try tables.deleteEdge(pair.first, pair.second)
            affected.formUnion([pair.first, pair.second])
        }

        // 3. Verification.
        for pair in toVerify where !newSet.contains(pair.second) {
            // A pair with a new document has no edge yet.
            try tables.deleteEdge(pair.first, pair.second)
            affected.formUnion([pair.first, pair.second])
        }
        let pairs = toVerify.sorted()
        let compared = try documents(pairs.flatMap { [$0.first, $0.second] })
        // Settling clusters asks again for many of them (representatives, whole components);
        // sets and furniture do not change from here on.
        for document in compared where held[document.position] == nil { held[document.position] = document }
        var newCopies: [Pair: Double] = [:]
        for (pair, outcome) in engine.verify(pairs.map { ($0.first, $0.second) }, among: compared) {
            try tables.insertEdge(pair.0, pair.1, outcome: outcome)
            affected.formUnion([pair.0, pair.1])
            if case .copy(let overlap) = outcome { newCopies[Pair(pair.0, pair.1)] = overlap }
        }
        affected.formUnion(changed)

        // 4. Clusters of every component touched. When only new documents came in, with no
        // furniture learned anew, the edges among documents already indexed are as they were:
        // components only join, along the new copy edges.
        let components = removed.isEmpty && changed.isEmpty
            ? try components(joinedBy: newCopies, touching: affected, new: newSet)
            : try components(walkingFrom: affected)
        try recluster(components, held: held, grewOnly: removed.isEmpty && changed.isEmpty ? (newSet, newCopies) : nil)
        try tables.settleBandLevels()
    }

    /// Whether `pair` is still a candidate: some band key of both has its first document as its hub.
    private func isCandidate(_ pair: Pair) throws -> Bool {
        let documents = try tables.documents([pair.first, pair.second])
        guard documents.count == 2 else { return false }
        let shared = Set(engine.bandKeys(of: documents[0].sketch)).intersection(engine.bandKeys(of: documents[1].sketch))
        for key in shared where try tables.hub(of: key) == pair.first {
            let run = try tables.run(of: key)
            if run.contains(pair.second) { return true }
        }
        return false
    }

    private static func star(_ run: [Int]) -> Set<Pair> {
        guard let hub = run.first else { return [] }
        return Set(run.dropFirst().map { Pair(hub, $0) })
    }

    /// The components of copy edges a change touched: members in position order, with the
    /// facts settling asks of each indexed one, and their edges when they were read.
    struct Components {
        var members: [[Int]] = []
        var edges: [[Pair: Double]?] = []
        var facts: [Int: IndexTables.MemberFacts] = [:]
    }

    /// The components that hold `documents`, found by walking copy edges out from them,
    /// breadth first (the edges of a whole frontier are read a statement's worth at a time),
    /// and labelled again: a change that takes edges away may split a component.
    private func components(walkingFrom documents: Set<Int>) throws -> Components {
        var found = Components()
        found.facts = try tables.memberFacts(of: documents.sorted())
        var edges: [Pair: Double] = [:]
        var reached = Set(found.facts.keys)
        var frontier = found.facts.keys.sorted()
        while !frontier.isEmpty {
            var next: [Int] = []
            for (pair, overlap) in try tables.copyEdges(of: frontier) {
                edges[Pair(pair.0, pair.1)] = overlap
                for end in [pair.0, pair.1] where reached.insert(end).inserted { next.append(end) }
            }
            frontier = next.sorted()
        }
        let members = reached.sorted()
        var place: [Int: Int] = [:]
        for (index, member) in members.enumerated() { place[member] = index }
        var sets = UnionFind(count: members.count)
        for pair in edges.keys { sets.union(place[pair.first]!, place[pair.second]!) }
        var componentOfRoot: [Int: [Int]] = [:]
        for (index, member) in members.enumerated() { componentOfRoot[sets.find(index), default: []].append(member) }
        var edgesOfRoot: [Int: [Pair: Double]] = [:]
        for (pair, overlap) in edges { edgesOfRoot[sets.find(place[pair.first]!), default: [:]][pair] = overlap }
        for (root, component) in componentOfRoot.sorted(by: { $0.value[0] < $1.value[0] }) {
            try tables.setComponent(component[0], of: component)
            found.members.append(component)
            found.edges.append(edgesOfRoot[root] ?? [:])
        }
        return found
    }

    /// The components that hold `documents` once the new copy edges `newCopies` join them:
    /// those of the indexed documents, by their labels, and the new documents; labelled again
    /// as they join. Their edges are read only when a component is clustered again whole.
    private func components(joinedBy newCopies: [Pair: Double], touching documents: Set<Int>, new: Set<Int>) throws -> Components {
        let touched = try tables.memberFacts(of: documents.filter { !new.contains($0) }.sorted())
        // A new document is a component of its own, labelled by its position.
        func label(_ position: Int) -> Int { touched[position]?.component ?? position }
        let labels = Set(touched.values.map(\.component)).union(documents.filter(new.contains)).sorted()
        var place: [Int: Int] = [:]
        for (index, label) in labels.enumerated() { place[label] = index }
        var sets = UnionFind(count: labels.count)
        for pair in newCopies.keys { sets.union(place[label(pair.first)]!, place[label(pair.second)]!) }

        var found = Components()
        let indexedLabels = Set(touched.values.map(\.component))
        found.facts = try tables.members(ofComponents: indexedLabels.sorted())
        var membersOfLabel: [Int: [Int]] = [:]
        for (position, facts) in found.facts { membersOfLabel[facts.component, default: []].append(position) }
        var labelsOfRoot: [Int: [Int]] = [:]
        for label in labels { labelsOfRoot[sets.find(place[label]!), default: []].append(label) }
        var joined: [[Int]] = []
        var arrivals: [(position: Int, label: Int)] = []
        for group in labelsOfRoot.values {
            // Labels are smallest positions, and new documents come after every indexed one.
            let first = group.min()!
            var members: [Int] = []
            for label in group {
                if indexedLabels.contains(label) {
                    members += membersOfLabel[label] ?? []
                    if label != first { try tables.relabel(component: label, as: first) }
                } else {
                    members.append(label)
                    if label != first { arrivals.append((label, first)) }
                }
            }
            joined.append(members.sorted())
        }
        try tables.setComponents(arrivals)
        joined.sort { $0[0] < $1[0] }
        found.members = joined
        found.edges = joined.map { _ in nil }
        return found
    }

    /// Clusters again each of `components`: whole, or, when it only grew around one cluster,
    /// by checking its new members alone. `grewOnly`: the new documents and the copy edges
    /// found for them, when nothing else changed.
    private func recluster(
        _ components: Components, held given: [Int: IndexedDocument], grewOnly: (new: Set<Int>, copies: [Pair: Double])?
    ) throws {
        var held = given
        if let grewOnly {
            // What settling grown clusters reads, read for all of them together.
            let wanted = Self.documentsToSettle(components, new: grewOnly.new, held: held).filter { held[$0] == nil }
            for document in try tables.documents(wanted, threads: engine.options.threads) { held[document.position] = document }
        }
        // A member whose cluster is as it was keeps its row.
        func assign(_ member: Int, to representative: Int, similarity: Double) throws {
            if let was = components.facts[member], was.representative == representative, was.similarity == similarity { return }
            try tables.setCluster(of: member, representative: representative, similarity: similarity)
        }
        for (component, knownEdges) in zip(components.members, components.edges) {
            guard component.count > 1 else {
                try assign(component[0], to: component[0], similarity: 1)
                continue
            }
            if let grewOnly, try settleGrowth(
                of: component, new: grewOnly.new, edges: grewOnly.copies, held: held, facts: components.facts) { continue }
            let edges = try knownEdges ?? Dictionary(
                tables.copyEdges(of: component).map { (Pair($0.pair.0, $0.pair.1), $0.overlap) }, uniquingKeysWith: { first, _ in first })
            let members = try documents(component, held: held)
            let clusters = engine.clusters(
                of: members, edges: edges.sorted { $0.key < $1.key }.map { (($0.key.first, $0.key.second), $0.value) })
            var assigned = Set<Int>()
            for cluster in clusters {
                for (member, similarity) in zip(cluster.members, cluster.similarities) {
                    try assign(member, to: cluster.representative, similarity: similarity)
                    assigned.insert(member)
                }
            }
            for member in component where !assigned.contains(member) {
                try assign(member, to: member, similarity: 1)
            }
        }
    }
}

extension IndexUpdate {
    /// The indexed documents `settleGrowth` reads of each component (or a few more): its
    /// representative, and the members of its date when a new member has that date too.
    fileprivate static func documentsToSettle(_ components: Components, new: Set<Int>, held: [Int: IndexedDocument]) -> Set<Int> {
        var wanted = Set<Int>()
        for component in components.members where component.count > 1 {
            guard let first = component.first(where: { !new.contains($0) }),
                  let representative = components.facts[first]?.representative
            else { continue }
            wanted.insert(representative)
            guard let date = components.facts[representative]?.date,
                  component.contains(where: { new.contains($0) && held[$0]?.facts.date == date })
            else { continue }
            for member in component where !new.contains(member) && components.facts[member]?.date == date { wanted.insert(member) }
        }
        return wanted
    }

    /// Settles a component that new documents grew around one cluster without making it again,
    /// when the batch clusterer's answer is known to be that cluster with the new members it
    /// keeps: every indexed member has one representative, dated; no new member is earlier,
    /// and among those of its date it stays the likely original; the indexed members keep
    /// their checks against it, and each new member is checked as the clusterer checks it.
    /// False, with nothing written, when that does not hold or more than one new member would
    /// be split off (they might group among themselves): then the component is made again whole.
    /// `edges`: at least the copy edges of the new members; `facts`: those of every indexed member.
    fileprivate func settleGrowth(
        of component: [Int], new: Set<Int>, edges: [Pair: Double], held: [Int: IndexedDocument],
        facts: [Int: IndexTables.MemberFacts]
    ) throws -> Bool {
        let indexed = component.filter { !new.contains($0) }
        let arrivals = component.compactMap { new.contains($0) ? held[$0] : nil }
        guard let first = indexed.first, !arrivals.isEmpty, arrivals.count == component.count - indexed.count,
              let representative = facts[first]?.representative,
              indexed.allSatisfy({ facts[$0]?.representative == representative }),
              let date = facts[representative]?.date
        else { return false }
        // Undated arrivals never win over a dated original; one of its date might.
        let sameDay = arrivals.filter { $0.facts.date == date }
        guard arrivals.allSatisfy({ $0.facts.date.map { $0 >= date } ?? true }) else { return false }
        let original: IndexedDocument
        if sameDay.isEmpty {
            guard let stored = try documents([representative], held: held).first else { return false }
            original = stored
        } else {
            let rivals = try documents(indexed.filter { facts[$0]?.date == date }, held: held)
            guard engine.likelyOriginal(of: rivals + sameDay) == representative,
                  let stored = rivals.first(where: { $0.position == representative })
            else { return false }
            original = stored
        }
        var kept: [(Int, Double)] = []
        var splitOff: [Int] = []
        for arrival in arrivals {
            if let overlap = engine.overlapKept(
                of: arrival, with: original, linkedOverlap: edges[Pair(arrival.position, representative)]) {
                kept.append((arrival.position, overlap))
            } else {
                splitOff.append(arrival.position)
            }
        }
        guard splitOff.count <= 1 else { return false }
        for (position, overlap) in kept { try tables.setCluster(of: position, representative: representative, similarity: overlap) }
        for position in splitOff { try tables.setCluster(of: position, representative: position, similarity: 1) }
        return true
    }
}

/// Two positions, smaller first.
struct Pair: Hashable, Comparable {
    let first: Int
    let second: Int

    init(_ a: Int, _ b: Int) {
        (first, second) = (min(a, b), max(a, b))
    }

    static func < (lhs: Pair, rhs: Pair) -> Bool { (lhs.first, lhs.second) < (rhs.first, rhs.second) }
}
