import NearDup

/// The web sites of a run: one per wire agency (where originals and write-thrus appear)
/// and one per outlet, each with its template. `networkShare` of the outlets, in a
/// shuffled order, are cut into networks of 2-12 sites; a network's sites share their
/// widget texts and a footer line naming the network and its other papers, the furniture
/// that recurs across sites around unrelated stories.
struct SiteRoster: Sendable {
    let agencies: [SiteTemplate]
    let outlets: [SiteTemplate]
    /// Network index of each outlet (-1: independent).
    let networkOf: [Int]
    let networkNames: [String]

    init(outlets roster: [Outlet], configuration: SynthConfiguration) {
        let seed = configuration.seed
        let year = SynthDay(daysSinceEpoch: configuration.firstDay).year
        var random = SynthRandom(seed: seed, stream: 0x4E70_0000)
        var order = Array(roster.indices)
        random.shuffle(&order)
        let inNetworks = Int((Double(roster.count) * configuration.web.networkShare).rounded())
        var networkOf = [Int](repeating: -1, count: roster.count)
        var members: [[Int]] = []
        var cursor = 0
        while inNetworks - cursor >= 2 {
            var size = min(random.int(in: 2...12), inNetworks - cursor)
            if inNetworks - cursor - size == 1 { size += 1 }
            members.append(Array(order[cursor..<(cursor + size)]))
            cursor += size
        }
        var names: [String] = []
        var usedNames = Set<String>()
        for (network, sites) in members.enumerated() {
            for site in sites { networkOf[site] = network }
            var name = ""
            repeat {
                name = "\(random.pick(SynthVocabulary.outletPlaces)) \(random.pick(WebVocabulary.networkSuffixes))"
            } while !usedNames.insert(name).inserted && usedNames.count < 400
            names.append(name)
        }
        let networkWidgets = names.indices.map { index -> SiteWidgets in
            var stream = SynthRandom(seed: seed, stream: 0x4E70_0001, UInt64(index))
            return SiteWidgets(network: names[index], random: &stream)
        }
        outlets = roster.enumerated().map { index, outlet in
            var stream = SynthRandom(seed: seed, stream: 0x517E_0000, UInt64(index))
            let network = networkOf[index]
            let widgets = network >= 0 ? networkWidgets[network] : SiteWidgets(network: nil, random: &stream)
            let sisters = network >= 0 ? members[network].filter { $0 != index }.prefix(11).map { roster[$0].name } : []
            let footer = outlet.footer.filter { !$0.hasPrefix("Contact us") && !$0.contains(" | ") }
            return SiteTemplate(name: outlet.name, region: Self.region(of: outlet.name), isAgency: false, widgets: widgets,
                                footerLines: footer, sisters: sisters, year: year, random: &stream)
        }
        agencies = SynthVocabulary.agencies.enumerated().map { index, agency in
            var stream = SynthRandom(seed: seed, stream: 0x517E_A000, UInt64(index))
            let widgets = SiteWidgets(network: nil, random: &stream)
            let about = "\(agency) is \(stream.pick(["an independent", "a global", "an international"])) news agency providing "
                + "\(stream.pick(["text, photos and video", "breaking news and analysis", "business, financial and world news"])) "
                + "to \(stream.pick(["newspapers, broadcasters and websites", "media customers", "thousands of publishers"])) "
                + "in \(stream.int(in: 40...190)) countries."
            return SiteTemplate(name: agency, region: "London", isAgency: true, widgets: widgets, footerLines: [about],
                                sisters: [], year: year, random: &stream)
        }
        self.networkOf = networkOf
        networkNames = names
    }

    /// "The Kestrel Bay Gazette" -> "Kestrel Bay".
    static func region(of name: String) -> String {
        let place = name.hasPrefix("The ") ? String(name.dropFirst(4)) : name
        return SynthVocabulary.outletPlaces.first { place.hasPrefix($0) } ?? place
    }
}
