import Foundation

/// Folders for the files tests write, all under one folder per test process that is removed
/// when the process exits, so test runs leave nothing in the system's temporary folder.
public enum TestScratch {
    /// A new, empty folder whose name starts with `prefix`.
    public static func directory(_ prefix: String) throws -> String {
        let path = root + "/" + prefix + "-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    private static let root: String = {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("neardup-tests-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)").path
        atexit { try? FileManager.default.removeItem(atPath: TestScratch.root) }
        return path
    }()
}
