import NearDup

/// Word lists the web sites' templates and widgets are made of. The widget texts are
/// assembled from these parts per site (or per network of sites), so that no two
/// independent sites carry the same sentences while the sites of one network do, as on
/// the web. Every name here is invented; the photo-credit formats are those of real
/// picture desks, with invented photographers.
enum WebVocabulary {
    // MARK: Menus

    static let sections = [
        "News", "Local", "Business", "Markets", "World", "Politics", "Sports", "Opinion", "Entertainment", "Weather",
        "Obituaries", "Lifestyle", "Health", "Technology", "Science", "Education", "Travel", "Food", "Real Estate",
        "Autos", "Jobs", "Classifieds", "Events", "Photos", "Video", "Podcasts", "Crime", "Environment", "Economy",
    ]
    static let subsections = [
        "Latest", "Investigations", "Courts", "Schools", "Traffic", "Elections", "Personal Finance", "Stocks",
        "Small Business", "Commodities", "Energy", "Agriculture", "Banking", "Editorials", "Letters", "Columnists",
        "High School Sports", "Arts", "Movies", "Music", "Books", "Puzzles", "Horoscopes", "Comics", "Things to Do",
        "Data", "Explainers", "Fact Check", "Good News", "Community",
    ]
    static let accountLinks = [
        "Subscribe", "Sign in", "Log in", "Register", "My account", "e-Edition", "Digital edition", "Newsletters",
        "Manage subscription", "Support local journalism", "Donate", "Get the app",
    ]
    static let footerLinks = [
        "About us", "Contact us", "Advertise with us", "Careers", "Privacy policy", "Terms of service", "Terms of use",
        "Cookie policy", "Accessibility", "Site map", "Corrections", "Ethics policy", "Help center", "Submit a news tip",
        "Customer service", "Archives", "Reprints and permissions", "RSS feeds", "Do not sell my personal information",
        "Place an ad", "Delivery issues", "Licensing",
    ]

    // MARK: Widget parts

    static let cookieOpenings = [
        "We use cookies", "This site uses cookies", "We and our partners use cookies and similar technologies",
        "Our website uses cookies", "We use cookies and other tracking technologies",
    ]
    static let cookiePurposes = [
        "to improve your experience", "to personalise content and ads", "to analyse our traffic",
        "to provide social media features", "to understand how you use our site", "to remember your preferences",
        "to measure the performance of advertising",
    ]
    static let cookieClosings = [
        "By continuing to browse the site you agree to our use of cookies.", "You can change your settings at any time.",
        "Read our cookie policy to learn more.", "Select Manage settings to choose which cookies we may set.",
        "Some cookies are necessary for the site to work and cannot be switched off.",
        "For more information, see our privacy policy.",
    ]
    static let cookieButtons = [["Accept", "Manage settings"], ["Accept all", "Reject all"], ["OK"], ["Got it", "Learn more"], ["I agree", "Options"]]

    static let newsletterNames = [
        "Morning Briefing", "Daily Digest", "Business Brief", "Evening Update", "Headlines", "The Download",
        "First Look", "Markets Today", "Week in Review", "Breaking News", "Local Roundup", "The Rundown",
    ]
    static let newsletterVerbs = ["Sign up for", "Subscribe to", "Get", "Don't miss", "Stay informed with"]
    static let newsletterPromises = [
        "The news and stories that matter, delivered weekday mornings.", "Top headlines in your inbox every morning.",
        "The day's most important stories, curated by our editors.", "A quick look at what you need to know today.",
        "Everything you need to start your day, in one email.", "The best of our journalism, sent straight to your inbox.",
        "Our editors' picks of the week, every Saturday.",
    ]
    static let newsletterFinePrint = [
        "By signing up you agree to our Terms of Use and Privacy Policy.", "You can unsubscribe at any time.",
        "This site is protected by reCAPTCHA and its Privacy Policy and Terms of Service apply.",
        "We will never share your email address.", "Thank you for signing up! Check your inbox to confirm.",
    ]
    static let emailPlaceholders = ["Enter your email address", "Email address", "Your email", "you@example.com"]
    static let signUpButtons = ["Sign up", "Subscribe", "Sign me up", "Join"]

    static let weatherHeadings = ["Weather", "Local weather", "Forecast", "Your weather", "Weather now"]
    static let weatherPrompts = ["Enter City and State or Zip Code", "Search for a city or zip code", "Enter a location", "Find your forecast"]
    static let weatherSetLines = ["Your weather is set to", "Current location:", "Showing weather for", "Forecast for"]
    static let weatherConditions = [
        "Sunny", "Mostly sunny", "Partly cloudy", "Mostly cloudy", "Cloudy", "Light rain", "Showers", "Thunderstorms",
        "Fog", "Light snow", "Windy", "Clear",
    ]
    static let weatherLinks = ["Change location", "Set as default", "Full forecast", "7-day forecast", "Hourly", "Radar", "Cancel"]

    static let alertOpenings = ["Get breaking news alerts", "Breaking news alerts", "Stay informed", "Never miss a story", "Be the first to know"]
    static let alertPromises = [
        "and special reports.", "The news and stories that matter, delivered as they happen.",
        "Get notified when big stories break.", "We'll send you the most important news of the day.",
        "Alerts are free and you can turn them off at any time.",
    ]
    static let alertQuestions = ["Turn on notifications?", "Allow notifications?", "Enable push notifications?", "Would you like to receive alerts?"]
    static let alertButtons = [["Yes", "Not now"], ["Allow", "No thanks"], ["Turn on", "Maybe later"], ["Yes please", "No"]]

    static let commentHeadings = ["Comments", "Join the conversation", "Reader comments", "Conversation", "Have your say", "Community guidelines"]
    static let commentWelcomes = [
        "We welcome thoughtful comments from readers.", "We encourage civil, on-topic discussion.",
        "Comments are a place for respectful debate.", "Readers are invited to share their views on this story.",
    ]
    static let commentRules = [
        "Comments are moderated and may take some time to appear.",
        "Comments that are abusive, off-topic, or that contain personal attacks will be removed.",
        "Please keep comments on topic and do not post links to commercial sites.",
        "We reserve the right to close comments on any story at any time.",
        "Repeat violators will be banned from commenting.",
        "Comments do not reflect the views of the editors.",
        "Use of this site constitutes acceptance of our user agreement.",
        "Do not share personal information such as phone numbers or addresses.",
    ]
    static let commentLinks = [
        "Read our community guidelines.", "See our full comment policy.", "Read our commenting policy before you post.",
        "Questions? Contact the comment moderators.",
    ]
    static let commentSignIn = ["You must be logged in to comment.", "Sign in to join the conversation.", "Log in or register to post comments.", "Commenting is open to subscribers."]
    static let commentCounts = ["View Comments", "Show comments", "Comments", "Read comments"]

    static let shareLabels = ["Share", "Share this article", "Share this story", "Share this:", "Share on"]
    static let shareTargets = ["Facebook", "Twitter", "Email", "LinkedIn", "Print", "Copy link", "WhatsApp", "Reddit", "Pinterest"]

    static let mostReadHeadings = ["Most Read", "Trending", "Most Popular", "Popular Now", "Trending Now", "Most Viewed", "Top Stories", "What's Hot", "Editors' Picks"]
    static let sponsoredHeadings = ["Sponsored Stories", "Around the Web", "Recommended for You", "Promoted Links", "You May Like", "From Our Partners"]
    static let sponsoredHeadlines = [
        "Homeowners are switching to this little-known energy plan", "Doctors stunned by this simple morning habit",
        "The one kitchen gadget everyone is talking about", "Retirees in your area could qualify for this program",
        "This new savings account pays five times the national average", "Why so many drivers are dropping their insurers",
        "These sneakers are so comfortable nurses swear by them", "See the cars that lost the most value this year",
        "How this town became the best place to retire", "You won't believe what these former child stars look like now",
        "The smartest way to pay off your credit cards", "A genius trick to cut your phone bill in half",
        "Travel experts pick the most underrated beaches", "This is what a new roof should cost you",
        "Seniors are flocking to these new walk-in tubs", "The best-reviewed mattress of the year is on sale",
        "What nobody tells you about reverse mortgages", "Five stocks analysts say to watch this month",
        "Pet owners can't stop buying this odor remover", "Learn a new language in three weeks with this app",
    ]
    static let sponsoredSources = ["SmartSaver Daily", "HealthyLiving Tips", "Home Trends", "FinanceBuzz Weekly", "TravelPicks", "GadgetFinds", "AutoCompare", "RetireWell"]
    static let adLabels = ["Advertisement", "ADVERTISEMENT", "Story continues below advertisement", "Ad", "Sponsored", "Advertisement - scroll to continue"]
    static let relatedLabels = ["Related:", "RELATED:", "Read more:", "See also:", "Also read:", "More on this story:", "Related coverage:"]
    static let relatedBoxHeadings = ["Related stories", "Related coverage", "More from our site", "Read more", "Related articles", "You might also like"]
    static let networkPhrases = ["is part of", "is a member of", "is published by", "is owned by", "belongs to"]
    static let networkSuffixes = ["Media Group", "Newspapers", "Communications", "News Network", "Publishing", "Media", "Press Holdings"]
    static let legalLines = [
        "This material may not be published, broadcast, rewritten or redistributed without permission.",
        "Use of this site constitutes acceptance of our Terms of Use and Privacy Policy.",
        "All content is subject to copyright and may not be reproduced without written consent.",
        "Some stories on this site are provided by wire services and are subject to their terms.",
        "Market data delayed at least 15 minutes.",
    ]

    // MARK: Page headings

    static let liveBlogPrefixes = ["Live updates: ", "The Latest: ", "Live: ", "As it happened: ", "Developing: "]
    static let liveBlogSummaries = [
        "Follow our live coverage as the story develops.", "This page is being updated throughout the day.",
        "Refresh this page for the latest updates.", "Our reporters are following events as they unfold.",
    ]
    static let liveLastUpdated = ["Last updated", "Updated", "Latest update"]
    static let galleryPrefixes = ["Photos: ", "In pictures: ", "Gallery: ", "Pictures: ", "Photo gallery: "]
    static let galleryControls = [["Previous", "Next"], ["Prev", "Next"], ["Back", "Forward"], ["<", ">"]]
    static let listingMore = ["Load more", "More stories", "Next page", "Show more", "Older stories"]
    static let listingTimes = ["minutes ago", "hours ago", "Updated", "Published"]

    // MARK: Class and id names

    /// Meaningful names per role, several per role (a site picks one).
    static let semanticClassNames: [[String]] = [
        /* header */ ["site-header", "masthead", "header", "top-bar", "page-header", "global-header"],
        /* nav */ ["main-nav", "navbar", "menu", "primary-menu", "site-navigation", "nav-links"],
        /* main */ ["main-content", "content", "page-content", "site-main", "content-area", "body-wrap"],
        /* article */ ["article", "story", "post", "entry", "article-main", "story-wrapper"],
        /* headline */ ["headline", "article-title", "entry-title", "story-title", "post-title", "title"],
        /* byline */ ["byline", "author", "article-byline", "entry-author", "story-meta", "contributor"],
        /* time */ ["timestamp", "published", "date", "entry-date", "pub-date", "article-date"],
        /* body */ ["article-body", "story-body", "entry-content", "post-content", "article-text", "RichTextStoryBody"],
        /* paragraph */ ["paragraph", "body-text", "story-text", "p-text", "article-paragraph", "text"],
        /* figure */ ["figure", "media", "photo", "image-wrap", "article-image", "lead-art"],
        /* caption */ ["caption", "figcaption", "photo-caption", "image-caption", "cutline", "media-caption"],
        /* credit */ ["credit", "photo-credit", "image-credit", "byline-photo", "source", "attribution"],
        /* rail */ ["sidebar", "rail", "right-rail", "aside", "widget-area", "secondary"],
        /* mostRead */ ["most-read", "trending", "popular", "most-popular", "top-stories", "hot-list"],
        /* newsletter */ ["newsletter", "signup", "newsletter-signup", "email-signup", "subscribe-box", "nl-promo"],
        /* weather */ ["weather", "weather-widget", "forecast", "wx", "weather-module", "local-weather"],
        /* alert */ ["breaking-alert", "push-prompt", "notification-bar", "alert-banner", "alerts", "notify"],
        /* cookie */ ["cookie-notice", "consent-banner", "cookie-bar", "gdpr", "privacy-banner", "cmp"],
        /* share */ ["share-bar", "social-share", "share-tools", "sharing", "share-buttons", "social"],
        /* comments */ ["comments", "comment-policy", "discussion", "comments-section", "community", "reader-comments"],
        /* footer */ ["site-footer", "footer", "page-footer", "global-footer", "colophon", "bottom"],
        /* related */ ["related", "related-links", "inline-related", "read-more", "more-stories", "related-content"],
        /* ad */ ["ad", "ad-slot", "advert", "dfp-ad", "ad-container", "sponsored"],
        /* sponsored */ ["sponsored-links", "taboola", "outbrain", "partner-content", "promoted", "around-the-web"],
        /* live item */ ["live-post", "update", "liveblog-entry", "timeline-item", "post-item", "live-update"],
        /* teaser */ ["teaser", "story-card", "promo", "card", "list-item", "river-item"],
        /* wrapper */ ["container", "wrapper", "row", "inner", "layout", "grid"],
    ]
    /// BEM-style blocks ("c-header__nav").
    static let bemBlocks = ["c-header", "c-nav", "l-main", "c-article", "c-story", "o-layout", "c-rail", "c-footer", "m-widget", "c-card"]
    static let bemElements = ["inner", "item", "title", "body", "meta", "list", "link", "text", "media", "caption", "wrap", "box"]
    /// Neutral names that say nothing of what the element holds.
    static let neutralStems = ["c", "col", "blk", "box", "w", "r", "x", "mod", "sec", "pane", "cell", "u"]
}
