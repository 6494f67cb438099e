/// What reading does with a record that cannot be read: bad JSON, a missing or mistyped
/// id or text, a wrong field count, invalid UTF-8, a file that is not text.
///
/// Only one record's fault is covered. A failure that leaves no later record to trust
/// (an input that cannot be opened or read, damaged gzip data, a CSV quote left open at
/// the end of the file, a bad CSV header) stops the reading under either policy.
package enum InvalidRecordPolicy: Sendable, Hashable {
    /// The first bad record stops the reading with an `InputError` naming its file and line.
    case stop
    /// Bad records are skipped and counted in `ReadSummary.invalidRecords`.
    case skip
}

/// What reading does with a document whose id an earlier document of the same run
/// (in any of its inputs) already has.
package enum DuplicateIDPolicy: Sendable, Hashable {
    /// Every document is kept, whatever its id.
    case allow
    /// The later document stops the reading with an `InputError` naming both places:
    /// `FILE:LINE: duplicate id "x" (first at FILE:LINE)`.
    case reject
    /// The later documents are skipped and counted in `ReadSummary.duplicateIDs`.
    case skip
}
