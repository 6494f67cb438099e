/// Elements laid out group by group in one array, each group in its elements' original order
/// (a counting sort): what an array per group gives, without an allocation per group. For a
/// million documents in a hundred thousand groups, appending to an array per group took
/// most of a second on one thread.
struct FlatGroups<Element>: Sendable where Element: Sendable {
    private let elements: [Element]
    /// `starts[group]..<starts[group + 1]`: the group's range in `elements`.
    private let starts: [Int]

    /// `groupIDs[index]`: the group of `elements[index]`, in `0..<groupCount`.
    init(_ elements: [Element], groupIDs: [Int32], groupCount: Int) {
        precondition(elements.count == groupIDs.count)
        var starts = [Int](repeating: 0, count: groupCount + 1)
        for group in groupIDs { starts[Int(group) + 1] += 1 }
        for group in 0..<groupCount { starts[group + 1] += starts[group] }
        var next = starts
        var laidOut = [Element?](repeating: nil, count: elements.count)
        for (element, group) in zip(elements, groupIDs) {
            laidOut[next[Int(group)]] = element
            next[Int(group)] += 1
        }
        self.elements = laidOut.map { $0! }
        self.starts = starts
    }

    var count: Int { starts.count - 1 }

    subscript(group: Int) -> ArraySlice<Element> { elements[starts[group]..<starts[group + 1]] }
}
