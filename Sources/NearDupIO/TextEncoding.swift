/// The character encoding an input's text is read in (`--encoding`). Whatever the
/// encoding, documents reach the pipeline as UTF-8.
///
/// A byte-order mark at the start of a file always wins: EF BB BF is UTF-8, FF FE and
/// FE FF are UTF-16 (little- and big-endian), so a UTF-16 file saved by a Windows editor
/// is read without being named.
public enum TextEncoding: String, Sendable, Hashable, CaseIterable {
    case utf8 = "utf-8"
    /// ISO 8859-1: every byte is the code point of the same number.
    case latin1 = "latin-1"
    /// Windows code page 1252: Latin-1 with curly quotes, dashes and € in 0x80–0x9F, where
    /// five bytes (0x81, 0x8D, 0x8F, 0x90, 0x9D) stand for nothing.
    case windows1252 = "windows-1252"
    /// UTF-16 with a byte-order mark (little- or big-endian); a file without one is an error.
    case utf16 = "utf-16"

    /// The encoding `name` stands for, in any case, with the usual aliases: utf8,
    /// latin1, iso-8859-1, iso8859-1, cp1252, utf16.
    public init?(name: String) {
        let key = name.lowercased().replacingOccurrences(of: "_", with: "-")
        switch key {
        case "utf-8", "utf8": self = .utf8
        case "latin-1", "latin1", "iso-8859-1", "iso8859-1", "l1": self = .latin1
        case "windows-1252", "cp1252", "cp-1252", "windows1252": self = .windows1252
        case "utf-16", "utf16": self = .utf16
        default: return nil
        }
    }

    /// The names `init(name:)` takes, for messages and help.
    public static let acceptedNames = "utf-8, latin-1 (iso-8859-1), windows-1252 (cp1252), utf-16 (with a byte-order mark)"

    /// An encoding in which every ASCII byte stands for itself and nothing else, so
    /// that line feeds, quotes and commas can be found in the undecoded bytes.
    var isASCIICompatible: Bool { self != .utf16 }
}

/// What reading does with bytes that are not valid in the input's encoding (`--invalid-utf8`).
public enum InvalidTextPolicy: String, Sendable, Hashable, CaseIterable {
    /// The record or file is invalid: it stops the run, or is skipped under
    /// `InvalidRecordPolicy.skip`.
    case error
    /// Each bad byte becomes U+FFFD (the replacement character �); the documents and
    /// bytes so changed are counted in `ReadSummary.replacedText`.
    case replace
}

/// How the bytes of inputs become text.
public struct TextDecoding: Sendable, Hashable {
    /// The encoding of inputs without a byte-order mark.
    public var encoding: TextEncoding
    public var invalidBytes: InvalidTextPolicy

    public init(encoding: TextEncoding = .utf8, invalidBytes: InvalidTextPolicy = .error) {
        self.encoding = encoding
        self.invalidBytes = invalidBytes
    }
}
