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
        /// Files of this input read as one JSON document each (an object or an array of
        /// objects) rather than as JSON Lines.
        public internal(set) var jsonDocuments = 0

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
    /// Documents whose text had bytes replaced with U+FFFD (under `InvalidTextPolicy.replace`).
    public internal(set) var replacedText = ReplacedText()
    /// Files below directory inputs that were not read as documents, by extension
    /// (lowercased, with its dot; "" for a name without one).
    public internal(set) var skippedFiles: [String: Int] = [:]

    /// Bytes that were not valid in their encoding and became U+FFFD: in how many documents,
    /// how many bytes, and the first document's place.
    public struct ReplacedText: Sendable, Equatable {
        public internal(set) var documents = 0
        public internal(set) var bytes = 0
        public internal(set) var first: SourceLocation?
    }

    /// Adds what a reader noticed to the summary of the input at `index`.
    mutating func record(_ notice: ReadNotice, input index: Int) {
        switch notice {
        case .replacedBytes(let count, let location):
            replacedText.documents += 1
            replacedText.bytes += count
            if replacedText.first == nil { replacedText.first = location }
        case .skippedFile(let path):
            let name = path.split(separator: "/").last.map(String.init) ?? path
            let dot = name.lastIndex(of: ".").flatMap { $0 == name.startIndex ? nil : $0 }
            skippedFiles[dot.map { String(name[$0...]).lowercased() } ?? "", default: 0] += 1
        case .jsonDocument:
            inputs[index].jsonDocuments += 1
        }
    }

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
