import Foundation
import NearDup

/// Ground truth in the labels format: `{"clusters": [["id1", "id2", ...], ...]}`; every id
/// not listed is a singleton; ids may be strings or numbers; other keys are ignored.
package struct LabelSet: Sendable, Equatable {
    package var clusters: [[String]]

    package init(clusters: [[String]]) {
        self.clusters = clusters
    }

    package init(contentsOf path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError("cannot read labels file", at: SourceLocation(file: path, line: 0))
        }
        try self.init(data: data, file: path)
    }

    package init(data: Data, file: String) throws {
        let location = SourceLocation(file: file, line: 0)
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw InputError("invalid JSON in labels file", at: location)
        }
        guard let root = object as? [String: Any], let clusters = root["clusters"] as? [Any] else {
            throw InputError("labels file must be an object with a \"clusters\" array", at: location)
        }
        var seen: Set<String> = []
        var result: [[String]] = []
        for (index, cluster) in clusters.enumerated() {
            guard let members = cluster as? [Any] else {
                throw InputError("cluster \(index) is not an array of ids", at: location)
            }
            var ids: [String] = []
            for member in members {
                let id: String
                if let string = member as? String {
                    id = string
                } else if let number = member as? NSNumber {
                    id = number.stringValue
                } else {
                    throw InputError("cluster \(index) holds an id that is neither a string nor a number", at: location)
                }
                guard seen.insert(id).inserted else {
                    throw InputError("id \"\(id)\" appears in more than one place", at: location)
                }
                ids.append(id)
            }
            result.append(ids)
        }
        self.clusters = result
    }

    /// A label per id: the cluster's index, or a fresh number for an unlisted id.
    package func labels(for ids: [String]) -> [Int] {
        var clusterOf: [String: Int] = [:]
        for (index, cluster) in clusters.enumerated() {
            for id in cluster { clusterOf[id] = index }
        }
        var next = clusters.count
        return ids.map { id in
            if let cluster = clusterOf[id] { return cluster }
            defer { next += 1 }
            return next
        }
    }
}
