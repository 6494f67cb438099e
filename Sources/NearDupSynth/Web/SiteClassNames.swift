import NearDup

/// The parts of a page a template names with a class.
enum SiteRole: Int, CaseIterable, Sendable {
    case header, nav, main, article, headline, byline, time, body, paragraph, figure, caption, credit, rail
    case mostRead, newsletter, weather, alert, cookie, share, comments, footer, related, ad, sponsored
    case liveItem, teaser, wrapper
}

/// One site's class names, one per role, in the naming scheme its publishing system uses:
/// meaningful words ("story-body"), BEM ("c-article__body"), grid classes with words
/// ("col-md-8 story-body"), generated CSS-in-JS hashes ("css-1x9k2b3 r-8akbws"), or
/// neutral names that say nothing of the content ("c-12 col"). A main-text extractor
/// cannot count on the names telling article from furniture.
struct SiteClassNames: Sendable {
    enum Scheme: String, CaseIterable, Sendable {
        case words, bem, grid, hashed, neutral
    }

    let scheme: Scheme
    private let names: [String]

    init(scheme: Scheme, random: inout SynthRandom) {
        self.scheme = scheme
        var used = Set<String>()
        var names: [String] = []
        for role in SiteRole.allCases {
            var name = Self.name(for: role, scheme: scheme, random: &random)
            var attempt = 2
            while !used.insert(name).inserted {
                name = Self.name(for: role, scheme: scheme, random: &random) + (attempt > 4 ? "-\(role.rawValue)" : "")
                attempt += 1
            }
            names.append(name)
        }
        self.names = names
    }

    subscript(role: SiteRole) -> String { names[role.rawValue] }

    private static func name(for role: SiteRole, scheme: Scheme, random: inout SynthRandom) -> String {
        let words = WebVocabulary.semanticClassNames[role.rawValue]
        switch scheme {
        case .words:
            return random.pick(words)
        case .bem:
            let block = random.pick(WebVocabulary.bemBlocks)
            return random.chance(0.3) ? block : "\(block)__\(random.pick(WebVocabulary.bemElements))"
        case .grid:
            let grid = random.pick(["col-md-\(random.int(in: 3...12))", "col-\(random.int(in: 4...12))", "span\(random.int(in: 2...12))",
                                    "grid__col--\(random.int(in: 1...12))", "pure-u-1-\(random.int(in: 2...4))", "row"])
            return "\(grid) \(random.pick(words))"
        case .hashed:
            return "\(random.pick(["css", "sc", "r", "jsx", "emotion"]))-\(hash(&random)) \(random.pick(["r", "css", "x"]))-\(hash(&random))"
        case .neutral:
            let stem = random.pick(WebVocabulary.neutralStems)
            return random.pick(["\(stem)-\(random.int(in: 1...24)) \(random.pick(["col", "row", "box", "blk"]))",
                                "\(stem)\(random.int(in: 1...9))", "\(stem)-\(random.int(in: 1...12))",
                                "\(stem)\(random.int(in: 1...9)) \(random.pick(WebVocabulary.neutralStems))\(random.int(in: 1...9))"])
        }
    }

    private static func hash(_ random: inout SynthRandom) -> String {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789".utf8)
        return String(decoding: (0..<random.int(in: 5...8)).map { _ in alphabet[random.below(alphabet.count)] }, as: UTF8.self)
    }
}
