import NearDup

/// The data a report's page reads, as typed values: an overview that the page parses when it
/// loads (counts, outlets, each story's members with their outlets and dates), and one line
/// of detail per story (the original's text, how each copy stands to it, the diffs) that the
/// page parses only when the story is opened.
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

    /// `{"counts": {...}, "outlets": [name, ...], "groups": [[number, headline, members, bundles], ...]}`,
    /// each member `[id, outlet index or -1, seconds since 1970 or null, similarity]` and each
    /// bundle the same with its containment.
    func overview() -> [UInt8] {
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
        return EmbeddedJSON.encode(.object([("counts", counts), ("outlets", .array(outlets.map(ReportJSON.string))), ("groups", .array(rows))]))
    }

    // MARK: Details

    /// One line per group, in order, computed in fixed chunks on up to `threads` threads: the
    /// bytes do not depend on the thread count.
    func details(threads: Int) -> [[UInt8]] {
        ParallelChunks(count: groups.count, chunkSize: 32, threads: threads).map { range in
            let extractor = StoryExtractor()
            var bytes: [UInt8] = []
            for index in range {
                EmbeddedJSON.append(detail(of: groups[index], extractor: extractor), to: &bytes)
                bytes.append(0x0A)
            }
            return bytes
        }
    }

    /// `{"reason", "why", "text", "furniture", "copies", "bundles"}`: each copy and bundle as
    /// `{"kind", "relation", "diff", "furniture"}`, the diff left out for an identical copy.
    private func detail(of group: ReportGroup, extractor: StoryExtractor) -> ReportJSON {
        let original = group.members[0]
        let story = ReportStory(text: texts[original], options: options, extractor: extractor)
        let reason = OriginalReason(original: date(of: original), others: group.members.dropFirst().map(date(of:)))
        func copy(_ position: Int, containment: Double?) -> ReportJSON {
            let copyStory = ReportStory(text: texts[position], options: options, extractor: extractor)
            let diff = ParagraphDiff(originalParagraphs: story.paragraphs, copyParagraphs: copyStory.paragraphs)
            let relation = containment.map(CopyRelation.bundle) ?? CopyRelation(diff)
            var members: [(String, ReportJSON)] = [("kind", .string(relation.kind)), ("relation", .string(relation.description))]
            if relation != .identical { members.append(("diff", DiffEncoding.entries(diff))) }
            if !copyStory.dropped.isEmpty { members.append(("furniture", furniture(copyStory.dropped))) }
            return .object(members)
        }
        return .object([
            ("reason", .string(reason.label)),
            ("why", .string(reason.explanation)),
            ("text", .array(story.paragraphs.map(ReportJSON.string))),
            ("furniture", furniture(story.dropped)),
            ("copies", .array(group.members.dropFirst().map { copy($0, containment: nil) })),
            ("bundles", .array(group.bundles.map { copy($0.bundle, containment: $0.containment) })),
        ])
    }

    /// Dropped blocks as `[reason, text]` pairs, each text cut at `droppedTextLimit`.
    private func furniture(_ dropped: [DroppedText]) -> ReportJSON {
        .array(dropped.map { block in
            let text = block.text.count > Self.droppedTextLimit ? String(block.text.prefix(Self.droppedTextLimit)) + " …" : block.text
            return .array([.string(block.reason.rawValue), .string(text)])
        })
    }
}
