import ArgumentParser
import NearDup

/// Documented exit codes (sysexits.h values), and the mapping of library errors onto them.
enum ExitStatus {
    static let badInput = ExitCode(65)
    static let cannotOpenInput = ExitCode(66)
    static let cannotWriteOutput = ExitCode(73)

    /// Runs `body`, turning NearDup's errors into a message on standard error and an exit code.
    static func reporting<Result>(_ body: () throws -> Result) throws -> Result {
        do {
            return try body()
        } catch let error as InputError {
            printError("neardup: \(error)")
            throw error.isMissingFile ? cannotOpenInput : badInput
        } catch let error as OutputError {
            printError("neardup: \(error)")
            throw cannotWriteOutput
        }
    }
}

extension InputError {
    var isMissingFile: Bool {
        message.hasPrefix("no such file") || message.hasPrefix("cannot open") || message.hasPrefix("cannot read")
    }
}
