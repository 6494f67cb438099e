import Foundation
import NearDup
import NearDupArchive

// Adds a story and a reprint to an index in memory, looks up an excerpt, and checks what
// a user would: one cluster, and the excerpt found to be a copy of both.
let story = (1...8).map { paragraph in
    (1...60).map { word in "w\((paragraph * 7_919 + word * 104_729) % 10_007)" }.joined(separator: " ") + "."
}
var options = NearDupOptions()
options.threads = 1
let index = try NearDupIndex(inMemoryWith: options)
try index.add(id: "wire", text: story.joined(separator: "\n\n"), date: "2018-07-27T18:00:00Z")
try index.add(id: "reprint", text: "A new headline\n\n" + story.joined(separator: "\n\n"), date: "2018-07-28")
let matches = try index.query(text: story[0..<5].joined(separator: "\n\n"))
let clusters = try index.clusters()
// The same two documents clustered in one batch run.
let documents = ["wire", "reprint"].map { id in
    Document(id: id, text: (id == "wire" ? "" : "A new headline\n\n") + story.joined(separator: "\n\n"), origin: SourceLocation(file: id, line: 0))
}
let batch = ClusteringPipeline(options: options).run(documents)
// The same documents streamed through a session, with shingles in a scratch file.
var session = try ClusteringSession(
    pipeline: ClusteringPipeline(options: options), scratchDirectory: NSTemporaryDirectory(), setsInMemory: 0)
for document in documents { try session.add(document) }
let streamed = try session.finish()
guard clusters == [["wire", "reprint"]], Set(matches.map(\.id)) == ["wire", "reprint"],
      matches.allSatisfy({ $0.relation == .copy }), try index.check().isEmpty,
      batch.clusters.map(\.members.count) == [2], batch.assignments.map(\.cluster) == [0, 0],
      streamed.assignments == batch.assignments
else {
    FileHandle.standardError.write(Data("unexpected: clusters \(clusters), matches \(matches)\n".utf8))
    exit(1)
}
print("downstream: \(clusters) and \(matches.count) matches")
