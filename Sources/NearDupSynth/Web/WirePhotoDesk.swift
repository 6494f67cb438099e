import NearDup

/// A wire photo: its caption and credit, the same on every page that carries it.
struct WirePhoto: Sendable {
    var caption: [UInt8]
    var credit: [UInt8]
    /// Whether the credit is part of the caption's last sentence (AP, AFP, Getty) or follows
    /// it on its own (Reuters); pages print both either way.
    var creditInParentheses: Bool
    var alt: [UInt8]
    /// The photo's file name at the picture desk, which every site's image URL keeps.
    var file: String
}

/// The picture desks' photos of each event. Photo `index` of event `event` is drawn from
/// its own random stream, from the event's original text (names, place, day and lead),
/// so every story, reprint, negative, gallery and live blog that shows it shows the same
/// caption word for word: the caption text the stories of one event share without being
/// copies of each other. Credits follow the desks' real formats ("(AP Photo/Name Name)",
/// "REUTERS/Name Name", "AFP PHOTO / NAME NAME", "(Name Name/The Paper via AP)",
/// "(Name Name/Getty Images)") with invented photographers.
struct WirePhotoDesk: Sendable {
    let seed: UInt64

    /// Present-tense actions for captions ("... speaks to reporters in Tokyo").
    static let actions = SynthVocabulary.captionActions + [
        "walks past a sign at the company's headquarters in", "waits for the start of a meeting in",
        "gestures during an interview in", "looks on during a hearing in", "poses for a photograph in",
        "leaves a courthouse in", "works on the trading floor in", "visits a factory in", "tours a port in",
    ]

    static let groups = ["Traders", "Workers", "Demonstrators", "Delegates", "Shareholders", "Visitors", "Officials", "Reporters"]
    static let groupActions = [
        "gather outside a government building in", "wait in line at a bank branch in", "watch screens showing share prices in",
        "arrive for talks in", "listen to a speech in", "protest outside the parliament in", "inspect goods at a warehouse in",
    ]
    static let roles = ["chief executive of", "chairman of", "a spokesman for", "president of", "finance director of", "a lawyer for"]

    /// The `index`-th photo of `event`. `story` is the event's original text with its names
    /// found; `place` its dateline city; `day` its day (days since 1970-01-01).
    func photo(event: Int, index: Int, story: StoryText, place: String, day: Int) -> WirePhoto {
        var random = SynthRandom(seed: seed, stream: 0x9407_0000, UInt64(event) << 8 | UInt64(index & 0xFF))
        let city = String(decoding: ByteText.titleCased(Array(place.utf8)), as: UTF8.self)
        let photographer = Self.photographer(&random)
        let name = story.names.isEmpty ? nil : String(decoding: random.pick(story.names), as: UTF8.self)
        var subject: String
        var action: String
        switch random.below(4) {
        case 0 where name != nil:
            subject = "\(SynthVocabulary.person(random.below(900))), \(random.pick(Self.roles)) \(name!),"
            action = random.pick(Self.actions)
        case 1 where name != nil:
            subject = "\(name!) \(random.pick(["chairman", "chief executive", "president", "spokeswoman", "minister"])) \(SynthVocabulary.person(random.below(900)))"
            action = random.pick(Self.actions)
        case 2:
            subject = random.pick(Self.groups)
            action = random.pick(Self.groupActions)
        default:
            subject = SynthVocabulary.person(random.below(900))
            action = random.pick(Self.actions)
        }
        let isFile = random.chance(0.25)
        let shot = SynthDay(daysSinceEpoch: isFile ? day - random.int(in: 30...900) : day)
        var sentence: String
        if isFile {
            let lowered = Self.groups.contains(subject) ? subject.lowercased() : subject
            sentence = "In this \(shot.long) file photo, \(lowered) \(action) \(city)."
        } else {
            sentence = random.chance(0.5)
                ? "\(subject) \(action) \(city), \(shot.weekdayName), \(shot.long)."
                : "\(subject) \(action) \(city) on \(shot.long)."
        }
        if random.chance(0.4), let lead = story.paragraphs.first, let first = ByteText.sentences(lead.bytes).first,
           ByteText.wordCount(first) <= 40 {
            sentence += " " + String(decoding: first, as: UTF8.self)
        }
        let credit: String
        var inParentheses = true
        var prefix = ""
        switch random.below(100) {
        case 0..<35:
            credit = "(AP Photo/\(photographer)\(isFile ? ", File" : ""))"
            if isFile { prefix = "FILE - " }
        case 35..<60:
            credit = "REUTERS/\(photographer)\(isFile ? "/File Photo" : "")"
            inParentheses = false
            if isFile { prefix = "FILE PHOTO: " }
        case 60..<75:
            credit = random.chance(0.5) ? "AFP PHOTO / \(photographer.uppercased())" : "(Photo by \(photographer.uppercased()) / AFP)"
            inParentheses = credit.hasPrefix("(")
        case 75..<85:
            let paper = "The \(random.pick(SynthVocabulary.outletPlaces)) \(random.pick(SynthVocabulary.outletNouns))"
            credit = "(\(photographer)/\(paper) via AP)"
        default:
            credit = "(\(photographer)/Getty Images)"
        }
        let file = String(SplitMix64.mix(seed ^ UInt64(event) << 12 ^ UInt64(index)), radix: 16)
        return WirePhoto(caption: Array((prefix + sentence).utf8), credit: Array(credit.utf8), creditInParentheses: inParentheses,
                         alt: Array("\(subject.hasSuffix(",") ? String(subject.dropLast()) : subject) \(action) \(city)".utf8),
                         file: file)
    }

    /// "Anna Abbott", sometimes with a middle initial ("Anna J. Abbott").
    static func photographer(_ random: inout SynthRandom) -> String {
        let first = random.pick(SynthVocabulary.firstNames)
        let last = random.pick(SynthVocabulary.lastNames)
        guard random.chance(0.3) else { return "\(first) \(last)" }
        let initial = Character(UnicodeScalar(UInt8(0x41 + random.below(26))))
        return "\(first) \(initial). \(last)"
    }
}
