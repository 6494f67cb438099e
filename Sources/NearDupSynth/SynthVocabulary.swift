import NearDup

/// Word lists the simulator invents its outlets, agencies, people and page furniture from.
/// Every outlet, agency and person here is fictional.
enum SynthVocabulary {
    static let outletPlaces = [
        "Fernbrook", "Kestrel Bay", "Marlow Ridge", "Ashcombe", "Birchfield", "Cedar Hollow", "Dunmore", "Eastwick",
        "Fallowmere", "Glenhaven", "Harrowgate", "Ironwood", "Juniper Falls", "Kingsbury", "Lakeshore", "Millbrook",
        "Northvale", "Oakhurst", "Pinecrest", "Quarry Hill", "Redwater", "Stonebridge", "Thornbury", "Upton Lake",
        "Valemont", "Westmarch", "Willow Creek", "Yarrow Point", "Amberley", "Blackwater", "Clearbrook", "Deepdale",
        "Elmstead", "Foxhollow", "Greystone", "Hawthorne", "Ivybridge", "Larkspur", "Moorcroft", "Newhaven",
        "Oldcastle", "Port Ellery", "Ravenscar", "Silverton", "Tidewater", "Wrenfield", "Bramble Cove", "Copper Flats",
        "Heron Point", "Saltmarsh",
    ]
    static let outletNouns = [
        "Ledger", "Gazette", "Observer", "Courier", "Herald", "Tribune", "Sentinel", "Chronicle", "Post", "Times",
        "Daily News", "Examiner", "Record", "Journal", "Review", "Dispatch", "Bulletin", "Star", "Mirror", "Standard",
        "Register", "Press", "Independent", "Advocate", "Beacon",
    ]
    static let agencies = ["Meridian Wire", "Continental Press Service", "Harborline News Agency", "Atlas Newswire", "Northstar Press"]

    static let firstNames = [
        "Anna", "Ben", "Clara", "David", "Elena", "Frank", "Grace", "Henry", "Irene", "James", "Karen", "Leo", "Maria",
        "Nathan", "Olivia", "Peter", "Rosa", "Samuel", "Teresa", "Victor", "Wendy", "Adrian", "Beatrice", "Conrad",
        "Diane", "Edgar", "Fiona", "Gordon", "Helen", "Isaac",
    ]
    static let lastNames = [
        "Abbott", "Barlow", "Carver", "Dalton", "Ellison", "Fairfax", "Garland", "Holloway", "Ingram", "Jarvis",
        "Kendall", "Lockhart", "Mercer", "Norwood", "Oakley", "Prescott", "Quinlan", "Radcliffe", "Sutton", "Thorne",
        "Underwood", "Vance", "Whitaker", "Yardley", "Ashby", "Brennan", "Crowley", "Drummond", "Everett", "Fenwick",
    ]
    static let datelinePlaces = [
        "NEW YORK", "LONDON", "TOKYO", "WASHINGTON", "CHICAGO", "FRANKFURT", "PARIS", "SYDNEY", "HONG KONG", "TORONTO",
        "BRUSSELS", "OTTAWA", "MANILA", "SINGAPORE", "ZURICH", "MADRID", "ROME", "BONN", "AMSTERDAM", "STOCKHOLM",
        "SAO PAULO", "BUENOS AIRES", "MEXICO CITY", "JOHANNESBURG", "NEW DELHI", "SEOUL", "BEIJING", "KUALA LUMPUR",
        "JAKARTA", "WELLINGTON", "HOUSTON", "SAN FRANCISCO", "LOS ANGELES", "DALLAS", "BOSTON", "DETROIT", "ATLANTA",
        "MONTREAL", "VIENNA", "OSLO",
    ]
    static let navigation = [
        "Home", "News", "Local", "Business", "Markets", "World", "Politics", "Sports", "Opinion", "Entertainment",
        "Weather", "Obituaries", "Classifieds", "E-Edition", "Subscribe", "Log in", "Jobs", "Real Estate", "Events",
    ]
    static let sections = ["Business", "World", "Markets", "Nation", "Economy", "Money", "Finance", "News"]
    static let footerOpenings = ["is an independent", "is a locally owned", "is a family-owned", "is an award-winning", "is a nonprofit"]
    static let footerKinds = ["daily newspaper", "community newspaper", "news website", "weekly newspaper", "regional news service"]
    static let footerServes = ["serving", "covering", "read across", "reporting on", "published for"]
    static let footerAreas = ["communities", "towns", "counties", "neighbourhoods", "region"]
    static let footerSecondSentences = [
        "We publish local news, business, sports and opinion every day of the week.",
        "Our newsroom reports on local government, schools, courts, business and the arts.",
        "National and world stories on this site come from our wire service partners.",
        "Send news tips, letters and corrections to the newsroom at any time.",
        "Readers can reach the editors through the contact page or by telephone.",
        "Print subscribers get unlimited access to this site and the digital edition.",
    ]
    static let footerLinks = [
        "Contact us", "Advertise", "Privacy policy", "Terms of use", "Careers", "Newsletters", "Site map", "Corrections",
        "Cookie settings", "Help",
    ]
    static let relatedPrefixes = ["Related article: ", "RELATED: ", "Read more: ", "See also: ", "Also read: ", "Related: "]
    static let digestTitles = [
        "News in Brief", "Business Briefs", "World Digest", "Markets Roundup", "The Day in Brief", "Money Matters in Brief",
        "Around the World", "Business Digest",
    ]
    static let negativeTitleSuffixes = [": reaction", ": what it means", " - analysis", ": the view from the markets", " - explainer", ": questions remain"]
    static let captionActions = [
        "speaks to reporters in", "arrives for a meeting in", "attends a news conference in", "leaves the company's offices in",
        "is seen at a trade fair in", "addresses shareholders in",
    ]
    static let weekdays = ["Thursday", "Friday", "Saturday", "Sunday", "Monday", "Tuesday", "Wednesday"]
    static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
    static let monthAbbreviations = ["Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec"]
    static let updateNotes = [
        "(Updates with details, adds background)", "(Adds comment in paragraph 5)", "(Recasts lead, adds details)",
        "(Updates with new figures)", "(Adds analyst comment)",
    ]

    static func person(_ index: Int) -> String {
        "\(firstNames[index % firstNames.count]) \(lastNames[(index / firstNames.count + index * 7) % lastNames.count])"
    }
}

/// Calendar days as text, without Foundation's locale-dependent formatters.
struct SynthDay: Sendable {
    let year: Int
    let month: Int
    let day: Int
    let weekday: Int

    /// Days since 1970-01-01 (proleptic Gregorian; Howard Hinnant's civil_from_days).
    init(daysSinceEpoch days: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        day = doy - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        weekday = ((days % 7) + 7) % 7  // 0 = Thursday (1970-01-01)
    }

    /// 1987-02-26
    var iso: String { "\(year)-\(twoDigits(month))-\(twoDigits(day))" }
    /// Feb 26
    var short: String { "\(SynthVocabulary.monthAbbreviations[month - 1]) \(day)" }
    /// February 26, 1987
    var long: String { "\(SynthVocabulary.months[month - 1]) \(day), \(year)" }
    /// THURSDAY, FEBRUARY 26, 1987
    var printed: String { "\(SynthVocabulary.weekdays[weekday]), \(long)".uppercased() }
    var weekdayName: String { SynthVocabulary.weekdays[weekday] }

    private func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
