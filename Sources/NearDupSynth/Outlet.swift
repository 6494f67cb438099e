import NearDup

/// One invented publisher and its house style. Its header and footer are fixed: every
/// page it publishes carries the same lines, the boilerplate a detector meets on every
/// page of a site. Byline, dateline and headline styles are fixed per outlet too.
struct Outlet: Sendable {
    enum BylineStyle: String, CaseIterable, Sendable {
        case none, agency, agencyStaff, reporter, pipe, staffAndWire
    }
    enum DatelineStyle: String, CaseIterable, Sendable {
        case wire, agencyOnly, placeOnly, none
    }
    enum HeadlineStyle: String, CaseIterable, Sendable {
        case title, sentence, upper, kicker
    }

    var name: String
    var isPrint: Bool
    var header: String
    var footer: [String]
    var byline: BylineStyle
    var dateline: DatelineStyle
    var headline: HeadlineStyle
    var section: String
    var relatedPrefix: String
    /// Web pages print the date under the byline.
    var showsDate: Bool
    /// Print pages: column width in characters.
    var columnWidth: Int

    /// `index` is the outlet's popularity rank. Print titles are spread evenly over the
    /// ranks (rank r is print when the fractional part of (r + 1/2) times the golden ratio
    /// is below `printShare`), so the share of pages from print titles does not swing with
    /// the seed.
    init(index: Int, name: String, seed: UInt64, printShare: Double) {
        var random = SynthRandom(seed: seed, stream: 0x0071_7E7A, UInt64(index))
        self.name = name
        let spread = (Double(index) + 0.5) * 0.618_033_988_749_894_8
        isPrint = spread - spread.rounded(.down) < printShare
        let vocabulary = SynthVocabulary.self
        section = random.pick(vocabulary.sections)
        let place = name.hasPrefix("The ") ? String(name.dropFirst(4)) : name
        let region = vocabulary.outletPlaces.first { place.hasPrefix($0) } ?? place
        var navigation = vocabulary.navigation
        random.shuffle(&navigation)
        let navigationCount = random.int(in: 4...8)
        if isPrint {
            header = "\(name.uppercased()) | \(random.pick(["Print edition", "Since \(random.int(in: 1840...1960))", "\(region)'s newspaper"]))"
        } else {
            header = "\(name) | " + navigation.prefix(navigationCount).joined(separator: " | ")
        }
        let founded = random.int(in: 1850...1975)
        var about = "About \(name): \(name) \(random.pick(vocabulary.footerOpenings)) \(random.pick(vocabulary.footerKinds)) "
            + "\(random.pick(vocabulary.footerServes)) \(region) and the surrounding \(random.pick(vocabulary.footerAreas)) since \(founded)."
        if random.chance(0.7) { about += " " + random.pick(vocabulary.footerSecondSentences) }
        var links = vocabulary.footerLinks
        random.shuffle(&links)
        var lines = [about]
        lines.append(random.chance(0.5)
            ? "© \(name). All rights reserved."
            : "Copyright \(name). All rights reserved. This material may not be published, broadcast, rewritten or redistributed.")
        if !isPrint || random.chance(0.3) { lines.append(links.prefix(random.int(in: 3...6)).joined(separator: " | ")) }
        footer = lines
        byline = random.pick(BylineStyle.allCases)
        dateline = random.pick(DatelineStyle.allCases)
        headline = random.pick(HeadlineStyle.allCases)
        relatedPrefix = random.pick(vocabulary.relatedPrefixes)
        showsDate = !isPrint && random.chance(0.6)
        columnWidth = random.int(in: 34...44)
    }
}

/// The simulated press: `count` outlets with distinct names, chosen by Zipf popularity
/// (the outlet of rank r publishes in proportion to 1/r), so a few outlets carry many
/// reprints and most carry a few.
struct OutletRoster: Sendable {
    static let maximumOutlets = SynthVocabulary.outletPlaces.count * SynthVocabulary.outletNouns.count

    let outlets: [Outlet]
    private let popularity: ZipfSampler

    init(count: Int, seed: UInt64, printShare: Double) {
        let places = SynthVocabulary.outletPlaces
        let nouns = SynthVocabulary.outletNouns
        var combinations = Array(0..<(places.count * nouns.count))
        var random = SynthRandom(seed: seed, stream: 0x0071_7E75)
        random.shuffle(&combinations)
        outlets = combinations.prefix(count).enumerated().map { index, combination in
            let place = places[combination / nouns.count]
            let noun = nouns[combination % nouns.count]
            let article = (combination * 31) % 3 == 0 ? "" : "The "
            return Outlet(index: index, name: "\(article)\(place) \(noun)", seed: seed, printShare: printShare)
        }
        popularity = ZipfSampler(maximum: count - 1, exponent: 1)
    }

    func pick(_ random: inout SynthRandom) -> Outlet {
        outlets[popularity.sample(&random)]
    }

    /// The popularity rank of an outlet drawn as `pick` draws it.
    func pickIndex(_ random: inout SynthRandom) -> Int {
        popularity.sample(&random)
    }
}
