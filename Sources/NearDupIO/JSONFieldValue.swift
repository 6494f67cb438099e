/// A requested member's value, as far as NearDup needs it.
///
/// Strings come decoded; numbers keep their literal text so that an id like
/// `10042` or `1e3` is reported exactly as the file spells it. Containers are
/// validated but not built, because no NearDup field is ever an object or array.
public enum JSONFieldValue: Sendable, Hashable {
    case string(String)
    case number(String)
    case bool(Bool)
    case null
    case array
    case object

    /// The value as text when it is a string or a number, else nil.
    public var text: String? {
        switch self {
        case .string(let value), .number(let value): value
        default: nil
        }
    }

    /// A short name of the value's JSON type, for messages.
    public var typeName: String {
        switch self {
        case .string: "a string"
        case .number: "a number"
        case .bool(let value): value ? "true" : "false"
        case .null: "null"
        case .array: "an array"
        case .object: "an object"
        }
    }
}
