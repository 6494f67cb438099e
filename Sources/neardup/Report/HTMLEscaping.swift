/// The one place text becomes HTML: every value the report writes into its markup passes
/// through here, so that an id, an outlet name or a story cannot open a tag or leave an
/// attribute. (Data for the page's script goes through `EmbeddedJSON` instead.)
enum HTMLEscaping {
    /// Text between tags: `&`, `<` and `>` as character references.
    static func text(_ value: String) -> String {
        escaped(value, quotes: false)
    }

    /// A quoted attribute value: also both quotes, so either quoting holds.
    static func attribute(_ value: String) -> String {
        escaped(value, quotes: true)
    }

    private static func escaped(_ value: String, quotes: Bool) -> String {
        var result = ""
        result.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"" where quotes: result += "&quot;"
            case "'" where quotes: result += "&#39;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
