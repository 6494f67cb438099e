import NearDup

/// The texts of a site's widgets: cookie notice, newsletter box, weather widget,
/// breaking-news alert, comment policy, share bar, list headings and the footer's legal
/// lines. Drawn once per independent site, or once per network and then carried by every
/// site of the network word for word (as the sites of one newspaper chain carry the same
/// sign-up box and comment policy).
struct SiteWidgets: Sendable {
    var cookie: String
    var cookieButtons: [String]
    var newsletterName: String
    var newsletterPitch: String
    var newsletterPromise: String
    var newsletterFinePrint: String
    var emailPlaceholder: String
    var signUpButton: String
    var weatherHeading: String
    var weatherPrompt: String
    var weatherSetLine: String
    var weatherLinks: [String]
    var alertLines: [String]
    var alertButtons: [String]
    var commentHeading: String
    var commentPolicy: String
    var commentSignIn: String
    var commentCount: String
    var shareLabel: String
    var shareTargets: [String]
    var mostReadHeading: String
    var sponsoredHeading: String
    var relatedLabel: String
    var relatedBoxHeading: String
    var adLabel: String
    var legalLines: [String]
    /// The network's name, for the footer ("The X is part of Y"); nil for an independent site.
    var network: String?

    init(network: String?, random: inout SynthRandom) {
        let words = WebVocabulary.self
        self.network = network
        var purposes = words.cookiePurposes
        random.shuffle(&purposes)
        let purposeCount = random.int(in: 1...3)
        let purposeText = purposeCount == 1 ? purposes[0]
            : purposes.prefix(purposeCount - 1).joined(separator: ", ") + " and " + purposes[purposeCount - 1]
        var closings = words.cookieClosings
        random.shuffle(&closings)
        cookie = "\(random.pick(words.cookieOpenings)) \(purposeText). " + closings.prefix(random.int(in: 1...2)).joined(separator: " ")
        cookieButtons = random.pick(words.cookieButtons)

        newsletterName = random.pick(words.newsletterNames)
        newsletterPitch = "\(random.pick(words.newsletterVerbs)) \(random.pick(["the", "our"])) \(newsletterName) newsletter"
        newsletterPromise = random.pick(words.newsletterPromises)
        newsletterFinePrint = random.pick(words.newsletterFinePrint)
        emailPlaceholder = random.pick(words.emailPlaceholders)
        signUpButton = random.pick(words.signUpButtons)

        weatherHeading = random.pick(words.weatherHeadings)
        weatherPrompt = random.pick(words.weatherPrompts)
        weatherSetLine = random.pick(words.weatherSetLines)
        var links = words.weatherLinks
        random.shuffle(&links)
        weatherLinks = Array(links.prefix(random.int(in: 2...4)))

        alertLines = [random.pick(words.alertOpenings), random.pick(words.alertPromises), random.pick(words.alertQuestions)]
        alertButtons = random.pick(words.alertButtons)

        commentHeading = random.pick(words.commentHeadings)
        var rules = words.commentRules
        random.shuffle(&rules)
        commentPolicy = ([random.pick(words.commentWelcomes)] + rules.prefix(random.int(in: 2...5)) + [random.pick(words.commentLinks)])
            .joined(separator: " ")
        commentSignIn = random.pick(words.commentSignIn)
        commentCount = random.pick(words.commentCounts)

        shareLabel = random.pick(words.shareLabels)
        var targets = words.shareTargets
        random.shuffle(&targets)
        shareTargets = Array(targets.prefix(random.int(in: 3...7)))

        mostReadHeading = random.pick(words.mostReadHeadings)
        sponsoredHeading = random.pick(words.sponsoredHeadings)
        relatedLabel = random.pick(words.relatedLabels)
        relatedBoxHeading = random.pick(words.relatedBoxHeadings)
        adLabel = random.pick(words.adLabels)
        var legal = words.legalLines
        random.shuffle(&legal)
        legalLines = Array(legal.prefix(random.int(in: 1...3)))
    }
}
