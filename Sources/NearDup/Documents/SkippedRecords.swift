/// Records passed over while reading: how many, and the first few with what was wrong,
/// so a report can show examples without keeping every error of a badly damaged input.
public struct SkippedRecords: Sendable, Equatable {
    /// How many examples are kept unless asked otherwise.
    public static let defaultExampleLimit = 5

    /// The most examples kept.
    public let exampleLimit: Int
    /// Every record skipped.
    public private(set) var count = 0
    /// The first `exampleLimit` records skipped, each as `FILE:LINE: what is wrong`.
    public private(set) var examples: [InputError] = []

    public init(exampleLimit: Int = Self.defaultExampleLimit) {
        precondition(exampleLimit >= 0)
        self.exampleLimit = exampleLimit
    }

    public var isEmpty: Bool { count == 0 }

    /// Counts one skipped record, keeping its error while there is room for examples.
    public mutating func add(_ error: InputError) {
        count += 1
        if examples.count < exampleLimit {
            examples.append(error)
        }
    }
}
