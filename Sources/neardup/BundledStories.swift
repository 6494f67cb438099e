import Foundation

/// The real Reuters stories that `synth` and `bench` build corpora from when no `--base` is
/// given: `Data/reuters/reuters-sample.jsonl` of the NearDup source tree, found from the
/// working directory or from where the `neardup` executable lies (a build inside the source
/// tree), so that both commands work from any folder.
enum BundledStories {
    static let relativePath = "Data/reuters/reuters-sample.jsonl"

    /// What to tell a user when the sample cannot be found.
    static let missingAdvice = """
        the bundled stories (\(relativePath) of the NearDup source) were not found from this folder \
        or the executable's; give --base FILE, a JSONL file with id, title, date and text fields \
        (for example Reuters-21578 as JSONL)
        """

    static func locate() -> String? {
        var starts = [FileManager.default.currentDirectoryPath]
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        starts.append(executable.deletingLastPathComponent().path)
        for start in starts {
            var folder = URL(fileURLWithPath: start).standardizedFileURL
            while true {
                let candidate = folder.appendingPathComponent(relativePath).path
                if FileManager.default.isReadableFile(atPath: candidate) { return candidate }
                let parent = folder.deletingLastPathComponent()
                if parent.path == folder.path { break }
                folder = parent
            }
        }
        return nil
    }
}
