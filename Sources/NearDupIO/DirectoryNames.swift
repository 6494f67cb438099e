import Foundation

/// Short names that tell the folders of one run apart, for the ids of their files.
enum DirectoryNames {
    /// For each path, the shortest end of its absolute path that no other path of the list
    /// ends with: the folder's own name (`siteA`), or as many of its parents as needed
    /// (`2019/news` and `2020/news`). The same folder given twice keeps one name.
    static func distinguishing(_ paths: [String]) -> [String] {
        let components = paths.map { path -> [String] in
            let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
            let parts = absolute.split(separator: "/").map(String.init)
            return parts.isEmpty ? ["root"] : parts
        }
        var depths = [Int](repeating: 1, count: paths.count)
        func name(_ index: Int) -> String {
            components[index].suffix(depths[index]).joined(separator: "/")
        }
        while true {
            var holders: [String: [Int]] = [:]
            for index in paths.indices { holders[name(index), default: []].append(index) }
            var deepened = false
            for group in holders.values where group.count > 1 {
                // Folders that are one and the same cannot be told apart by going deeper.
                guard Set(group.map { components[$0] }).count > 1 else { continue }
                for index in group where depths[index] < components[index].count {
                    depths[index] += 1
                    deepened = true
                }
            }
            if !deepened { break }
        }
        return paths.indices.map(name)
    }
}
