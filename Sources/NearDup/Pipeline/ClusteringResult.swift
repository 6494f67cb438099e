/// The outcome of a run: every input document accounted for once.
public struct ClusteringResult: Sendable {
    public struct Cluster: Sendable, Equatable {
        /// Input positions; the representative first, then the others in input order.
        public var members: [Int]
        /// Overlap of each member with the representative (1 for the representative).
        public var similarities: [Double]

        public var representative: Int { members[0] }
    }

    public struct Assignment: Sendable, Equatable {
        /// Cluster number, counting from 0 in order of each cluster's first input position;
        /// a document that is no copy has a number of its own.
        public var cluster: Int
        public var representative: Int
        public var similarity: Double
    }

    /// A bundle (live blog, digest: see `BundleRule`) that holds a copy of a document's text:
    /// a relation of its own, since the bundle is no copy of the document's story.
    public struct BundledCopy: Sendable, Equatable {
        /// Input positions.
        public var bundle: Int
        public var document: Int
        /// The share of the document's text found in the bundle.
        public var containment: Double
    }

    /// Clusters of two or more documents, ordered by their first member's input position.
    public var clusters: [Cluster]
    /// One per input document, by input position.
    public var assignments: [Assignment]
    /// What reading each HTML page found, in input order; nothing for plain texts.
    public var pages: [PageReading] = []
    public var statistics: Statistics
    /// Bundles holding copies of other documents, by bundle then document; each document
    /// stands for its cluster, so a story's copies in one bundle may be named once or more.
    public var bundledCopies: [BundledCopy] = []
    /// The documents' dates: how many were read, missing or unreadable.
    public var dates = DateSummary()

    public struct Statistics: Sendable, Equatable {
        public var documents: Int
        /// Documents with no words once normalised (pages with no story not counted).
        public var emptyDocuments: Int
        /// HTML pages with almost no story text once furniture is gone: in no cluster.
        public var noStoryPages: Int = 0
        /// Documents that bundle several stamped items (`BundleRule`).
        public var bundles: Int = 0
        public var candidatePairs: Int
        public var copyEdges: Int
        /// Documents in the longest run of one band key (see `CandidateFinder`).
        public var longestBandRun: Int
        /// Paragraphs left out of verification as page furniture learned from the corpus.
        public var furniture: FurnitureStatistics
        public var bandLayout: BandLayout
    }

    /// Documents that belong to a cluster without being its representative.
    public var copyCount: Int { clusters.reduce(0) { $0 + $1.members.count - 1 } }
}
