import Foundation
import NearDup

/// A clustering as `neardup cluster` writes it: JSONL lines with "id" and "cluster",
/// or CSV with an `id,cluster,...` header.
package struct AssignmentTable: Sendable, Equatable {
    package var ids: [String]
    package var clusters: [Int]

    package init(ids: [String], clusters: [Int]) {
        self.ids = ids
        self.clusters = clusters
    }

    package init(contentsOf path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError("cannot read assignments file", at: SourceLocation(file: path, line: 0))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw InputError("assignments file is not UTF-8", at: SourceLocation(file: path, line: 0))
        }
        var ids: [String] = []
        var clusters: [Int] = []
        var seen: Set<String> = []
        // "\r\n" is one Character, so CRLF lines are split on it too.
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        let isCSV = path.lowercased().hasSuffix(".csv") || lines.first?.hasPrefix("id,cluster") == true
        for (index, line) in lines.enumerated() {
            let location = SourceLocation(file: path, line: index + 1)
            if line.allSatisfy(\.isWhitespace) { continue }
            let (id, cluster): (String, Int)
            if isCSV {
                if index == 0 { continue }
                (id, cluster) = try Self.parseCSV(line, at: location)
            } else {
                (id, cluster) = try Self.parseJSON(line, at: location)
            }
            guard seen.insert(id).inserted else { throw InputError("duplicate id \"\(id)\"", at: location) }
            ids.append(id)
            clusters.append(cluster)
        }
        self.init(ids: ids, clusters: clusters)
    }

    private static func parseJSON(_ line: Substring, at location: SourceLocation) throws -> (String, Int) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
            throw InputError("invalid JSON object", at: location)
        }
        let id: String
        if let string = object["id"] as? String {
            id = string
        } else if let number = object["id"] as? NSNumber {
            id = number.stringValue
        } else {
            throw InputError("missing field \"id\"", at: location)
        }
        guard let cluster = (object["cluster"] as? NSNumber)?.intValue else {
            throw InputError("missing field \"cluster\"", at: location)
        }
        return (id, cluster)
    }

    /// The first two fields of a line written by `neardup cluster --format csv`.
    private static func parseCSV(_ line: Substring, at location: SourceLocation) throws -> (String, Int) {
        var id = ""
        var rest = line[...]
        if rest.first == "\"" {
            rest = rest.dropFirst()
            while let character = rest.first {
                rest = rest.dropFirst()
                if character == "\"" {
                    if rest.first == "\"" {
                        id.append("\"")
                        rest = rest.dropFirst()
                    } else {
                        break
                    }
                } else {
                    id.append(character)
                }
            }
        } else {
            id = String(rest.prefix { $0 != "," })
            rest = rest.dropFirst(id.count)
        }
        guard rest.first == ",", let cluster = Int(rest.dropFirst().prefix { $0 != "," }) else {
            throw InputError("expected id,cluster,...", at: location)
        }
        return (id, cluster)
    }
}
