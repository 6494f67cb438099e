/// A file and the 1-based line a record starts on (0 for a whole-file document).
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int

    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }

    public var description: String {
        line > 0 ? "\(file):\(line)" : file
    }
}
