import NearDup

/// What one reading run over a list of inputs met: per input, how many documents it gave
/// and how many records were skipped; overall, the skipped records with examples.
///
/// Every record read is accounted for once: `records == documents + skipped`.
package struct ReadSummary: Sendable, Equatable {
    /// One input path of the run.
    package struct Input: Sendable, Equatable {
        package var path: String
        package var format: InputFormat
        package var compression: InputCompression
        /// Documents read from this input and handed on.
        package internal(set) var documents = 0
        /// Records of this input skipped as unreadable.
        package internal(set) var invalidRecords = 0
        /// Documents of this input skipped because an earlier one had the same id.
        package internal(set) var duplicateIDs = 0
        /// Files of this input read as one JSON document each (an object or an array of
        /// objects) rather than as JSON Lines.
        package internal(set) var jsonDocuments = 0

        package init(path: String, format: InputFormat, compression: InputCompression) {
            self.path = path
            self.format = format
            self.compression = compression
        }

        /// Every record of this input: documents and skipped records.
        package var records: Int { documents + invalidRecords + duplicateIDs }
    }

    /// The inputs read so far, in order.
    package internal(set) var inputs: [Input] = []
    /// Records skipped as unreadable (under `InvalidRecordPolicy.skip`).
    package internal(set) var invalidRecords: SkippedRecords
    /// Documents skipped as later duplicates of an id (under `DuplicateIDPolicy.skip`).
    package internal(set) var duplicateIDs: SkippedRecords
    /// Documents whose text had bytes replaced with U+FFFD (under `InvalidTextPolicy.replace`).
    package internal(set) var replacedText = ReplacedText()
    /// Files below directory inputs that were not read as documents, by extension
    /// (lowercased, with its dot; "" for a name without one).
    package internal(set) var skippedFiles: [String: Int] = [:]

    /// Bytes that were not valid in their encoding and became U+FFFD: in how many documents,
    /// how many bytes, and the first document's place.
    package struct ReplacedText: Sendable, Equatable {
        package internal(set) var documents = 0
        package internal(set) var bytes = 0
        package internal(set) var first: SourceLocation?
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

    package init(exampleLimit: Int = SkippedRecords.defaultExampleLimit) {
        invalidRecords = SkippedRecords(exampleLimit: exampleLimit)
        duplicateIDs = SkippedRecords(exampleLimit: exampleLimit)
    }

    /// Documents handed on.
    package var documents: Int { inputs.reduce(0) { $0 + $1.documents } }
    /// Records not handed on, for either reason.
    package var skipped: Int { invalidRecords.count + duplicateIDs.count }
    /// Every record read: `documents + skipped`.
    package var records: Int { documents + skipped }
}

/// The documents of a reading run, in input order, and what the run met.
package struct Corpus: Sendable {
    package var documents: [Document]
    package var summary: ReadSummary

    package init(documents: [Document], summary: ReadSummary) {
        self.documents = documents
        self.summary = summary
    }
}
