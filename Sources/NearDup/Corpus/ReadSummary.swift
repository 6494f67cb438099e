/// What one reading run over a list of inputs met: per input, how many documents it gave
/// and how many records were skipped; overall, the skipped records with examples.
///
/// Every record read is accounted for once: `records == documents + skipped`.
public struct ReadSummary: Sendable, Equatable {
    /// One input path of the run.
    public struct Input: Sendable, Equatable {
        public var path: String
        public var format: InputFormat
        public var compression: InputCompression
        /// Documents read from this input and handed on.
        public internal(set) var documents = 0
        /// Records of this input skipped as unreadable.
        public internal(set) var invalidRecords = 0
        /// Documents of this input skipped because an earlier one had the same id.
        public internal(set) var duplicateIDs = 0

        public init(path: String, format: InputFormat, compression: InputCompression) {
            self.path = path
            self.format = format
            self.compression = compression
        }

        /// Every record of this input: documents and skipped records.
        public var records: Int { documents + invalidRecords + duplicateIDs }
    }

    /// The inputs read so far, in order.
    public internal(set) var inputs: [Input] = []
    /// Records skipped as unreadable (under `InvalidRecordPolicy.skip`).
    public internal(set) var invalidRecords: SkippedRecords
    /// Documents skipped as later duplicates of an id (under `DuplicateIDPolicy.skip`).
    public internal(set) var duplicateIDs: SkippedRecords

    public init(exampleLimit: Int = SkippedRecords.defaultExampleLimit) {
        invalidRecords = SkippedRecords(exampleLimit: exampleLimit)
        duplicateIDs = SkippedRecords(exampleLimit: exampleLimit)
    }

    /// Documents handed on.
    public var documents: Int { inputs.reduce(0) { $0 + $1.documents } }
    /// Records not handed on, for either reason.
    public var skipped: Int { invalidRecords.count + duplicateIDs.count }
    /// Every record read: `documents + skipped`.
    public var records: Int { documents + skipped }
}

/// The documents of a reading run, in input order, and what the run met.
public struct Corpus: Sendable {
    public var documents: [Document]
    public var summary: ReadSummary

    public init(documents: [Document], summary: ReadSummary) {
        self.documents = documents
        self.summary = summary
    }
}
