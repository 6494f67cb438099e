import Foundation

struct OutputError: Error, CustomStringConvertible {
    var path: String
    var reason: String
    var description: String { "\(path): cannot write output: \(reason)" }
}

/// A report or record stream for standard output or a file (`StreamingOutput` says where the
/// bytes go), whose writes cannot fail on the spot: the first failure is kept and reported
/// by `finish`, so producing code need not handle errors line by line. Nil or `-` is
/// standard output.
struct OutputFile {
    let path: String
    private var output: StreamingOutput?
    private var failure: OutputError?

    init(path: String?) {
        self.path = path ?? "-"
    }

    mutating func write(_ text: String) { append(text.utf8) }

    mutating func write(bytes: [UInt8]) { append(bytes) }

    private mutating func append(_ bytes: some Collection<UInt8>) {
        guard failure == nil else { return }
        do throws(OutputError) {
            // The file opens on the first write.
            if output == nil { output = try StreamingOutput(path: path) }
            try output!.write(bytes)
        } catch {
            output?.discard()
            output = nil
            failure = error
        }
    }

    mutating func finish() throws(OutputError) {
        if let failure { throw failure }
        let output: StreamingOutput
        if let opened = self.output { output = opened } else { output = try StreamingOutput(path: path) }
        self.output = nil
        try output.finish()
    }
}
