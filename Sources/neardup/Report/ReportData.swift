import NearDup

/// The data a report's page reads, as typed values: an overview that the page parses when it
/// loads (counts, outlets, each story's members with their outlets and dates), and one line
/// of detail per story (the original's text, how each copy stands to it, the diffs),
/// compressed, that the page inflates and parses only when the story is opened.
struct ReportData {
    let documents: [Document]
    let result: ClusteringResult
    /// First words of each document, by input position.
    let previews: [String]
    let texts: ReportTexts
    let groups: [ReportGroup]
    let dateFormat: DateFormat?
    /// How pages are read (as the pipeline read them).
    let options: NearDupOptions

    /// Furniture text beyond this many characters is cut: the report shows what was left
    /// out, not all of it.
    static let droppedTextLimit = 240

    /// Each document's date as the pipeline reads it.
    private func date(of position: Int) -> PublicationDate? {
        documents[position].date.flatMap { PublicationDate($0, format: dateFormat) }
    }

    // MARK: Overview

    /// `{"counts": {...}, "outlets": [name, ...], "groups": [[number, headline, members, bundles], ...],
    /// "groupsPerBlock": n, "paragraphBlocks": [first paragraph of each block, ...]}`, each member
    /// `[id, outlet index or -1, seconds since 1970 or null, similarity]` and each bundle the
    /// same with its containment.
    func overview(paragraphBlockStarts: [Int]) -> [UInt8] {
        var outletIndex: [String: Int] = [:]
        var outlets: [String] = []
        func outlet(of position: Int) -> ReportJSON {
            guard let name = documents[position].publisher else { return .int(-1) }
            if let index = outletIndex[name] { return .int(index) }
            outletIndex[name] = outlets.count
            outlets.append(name)
            return .int(outlets.count - 1)
        }
        func row(_ position: Int, _ share: Double) -> ReportJSON {
            .array([.string(documents[position].id), outlet(of: position),
                    date(of: position).map { .int(Int($0.secondsSince1970)) } ?? .null, .fixed(share, digits: 2)])
        }
        let rows: [ReportJSON] = groups.map { group in
            .array([
                .int(group.number),
                .string(previews.indices.contains(group.members[0]) ? previews[group.members[0]] : documents[group.members[0]].id),
                .array(zip(group.members, group.similarities).map(row)),
                .array(group.bundles.map { row($0.bundle, $0.containment) }),
            ])
        }
        let statistics = result.statistics
        let counts: ReportJSON = .object([
            ("documents", .int(statistics.documents)),
            ("clusters", .int(result.clusters.count)),
            ("copies", .int(result.copyCount)),
            ("noStoryPages", .int(statistics.noStoryPages)),
            ("bundles", .int(statistics.bundles)),
            ("bundledCopies", .int(result.bundledCopies.count)),
            ("stories", .int(groups.count)),
        ])
        return EmbeddedJSON.encode(.object([
            ("counts", counts), ("outlets", .array(outlets.map(ReportJSON.string))), ("groups", .array(rows)),
            ("groupsPerBlock", .int(Self.groupsPerBlock)), ("paragraphBlocks", .array(paragraphBlockStarts.map(ReportJSON.int))),
        ]))
    }

    // MARK: Details

    /// Groups whose detail lines are compressed together: opening a story inflates its block.
    static let groupsPerBlock = 64
    /// Paragraphs of the table are compressed in blocks of about this many bytes.
    static let paragraphBlockBytes = 1 << 20

    /// The details of every group, compressed: a table of the distinct paragraphs shown (the
    /// originals' and the first words of those copies added), sorted so that like paragraphs
    /// lie together and compress well (a wire story's paragraphs recur across an archive's
    /// stories), and one line per group that refers to its paragraphs by their number in the
    /// table. Computed in fixed chunks on up to `threads` threads: the bytes do not depend on
    /// the thread count.
    func details(threads: Int) throws -> ReportDetails {
        let size = Self.groupsPerBlock
        let parts = ParallelChunks(count: groups.count, chunkSize: size, threads: threads).map { range in
            let extractor = StoryExtractor()
            return range.map { detail(of: groups[$0], extractor: extractor) }
        }
        var distinct = Set<String>()
        for chunk in parts { for part in chunk { distinct.formUnion(part.paragraphs); distinct.formUnion(part.added) } }
        let table = distinct.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var number: [String: Int] = [:]
        number.reserveCapacity(table.count)
        for (index, paragraph) in table.enumerated() { number[paragraph] = index }

        var starts: [Int] = []
        var bytes = 0
        for (index, paragraph) in table.enumerated() {
            if starts.isEmpty || bytes + paragraph.utf8.count > Self.paragraphBlockBytes {
                starts.append(index)
                bytes = 0
            }
            bytes += paragraph.utf8.count + 1
        }
        let ranges = zip(starts, starts.dropFirst() + [table.count]).map { $0..<$1 }
        let paragraphBlocks = try mapInParallel(count: ranges.count, threads: threads) { block in
            try CompressedBlock.encode(Array(table[ranges[block]].joined(separator: "\n").utf8))
        }
        let lookup = number
        let detailBlocks = try mapInParallel(count: parts.count, threads: threads) { block in
            var lines: [UInt8] = []
            for (position, part) in parts[block].enumerated() {
                if position > 0 { lines.append(0x0A) }
                let numbers: ReportJSON = .object([
                    ("text", .array(part.paragraphs.map { .int(lookup[$0]!) })),
                    ("added", .array(part.added.map { .int(lookup[$0]!) })),
                ])
                EmbeddedJSON.append(EmbeddedJSON.encode(numbers), joinedWith: part.rest, to: &lines)
            }
            return try CompressedBlock.encode(lines)
        }
        return ReportDetails(paragraphBlockStarts: starts, paragraphBlocks: paragraphBlocks, detailBlocks: detailBlocks)
    }

    /// A group's detail: its original's paragraphs, the first words of the paragraphs its
    /// copies added, and the rest as a JSON object, `{"reason", "why", "furniture", "copies",
    /// "bundles", "url"}`, each copy and bundle as `{"kind", "relation", "diff", "furniture", "url"}`,
    /// the diff left out for an identical copy, an address only where the input gives one.
    private func detail(of group: ReportGroup, extractor: StoryExtractor) -> (paragraphs: [String], added: [String], rest: [UInt8]) {
        let original = group.members[0]
        let story = ReportStory(text: texts[original], options: options, extractor: extractor)
        let reason = OriginalReason(original: date(of: original), others: group.members.dropFirst().map(date(of:)))
        var added: [String] = []
        func copy(_ position: Int, containment: Double?) -> ReportJSON {
            let copyStory = ReportStory(text: texts[position], options: options, extractor: extractor)
            let diff = ParagraphDiff(originalParagraphs: story.paragraphs, copyParagraphs: copyStory.paragraphs)
            let relation = containment.map(CopyRelation.bundle) ?? CopyRelation(diff)
            var members: [(String, ReportJSON)] = [("kind", .string(relation.kind)), ("relation", .string(relation.description))]
            if let address = texts.addresses[position] { members.append(("url", .string(address))) }
            if relation != .identical { members.append(("diff", DiffEncoding.entries(diff, added: &added))) }
            if !copyStory.dropped.isEmpty { members.append(("furniture", furniture(copyStory.dropped))) }
            return .object(members)
        }
        let copies = group.members.dropFirst().map { copy($0, containment: nil) }
        let bundles = group.bundles.map { copy($0.bundle, containment: $0.containment) }
        let rest = EmbeddedJSON.encode(.object([
            ("url", texts.addresses[original].map(ReportJSON.string) ?? .null),
            ("reason", .string(reason.label)),
            ("why", .string(reason.explanation)),
            ("furniture", furniture(story.dropped)),
            ("copies", .array(copies)),
            ("bundles", .array(bundles)),
        ]))
        return (story.paragraphs, added, rest)
    }

    /// Dropped blocks as `[reason, text]` pairs, each text cut at `droppedTextLimit`.
    private func furniture(_ dropped: [DroppedText]) -> ReportJSON {
        .array(dropped.map { block in
            let text = block.text.count > Self.droppedTextLimit ? String(block.text.prefix(Self.droppedTextLimit)) + " …" : block.text
            return .array([.string(block.reason.rawValue), .string(text)])
        })
    }
}
