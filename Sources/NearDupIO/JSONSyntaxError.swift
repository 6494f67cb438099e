/// Why a line is not one valid JSON object, and where on the line.
public struct JSONSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, e.g. `expected ',' or '}'`.
    public var message: String
    /// 1-based column in Unicode scalars (characters as an editor counts them for most text).
    public var column: Int

    public init(_ message: String, column: Int) {
        self.message = message
        self.column = column
    }

    public var description: String { "\(message) at column \(column)" }
}
