import ArgumentParser
import GRDB
import NearDup
import NearDupArchive

/// Documented exit codes (sysexits.h values), and the mapping of errors onto them.
///
/// 0 success; 64 bad command line (ArgumentParser's `ValidationError` and parse errors);
/// 65 bad input data; 66 an input cannot be opened; 70 internal error; 73 an output
/// (or scratch) file cannot be written.
enum ExitStatus {
    static let usage = ExitCode(64)
    static let badInput = ExitCode(65)
    static let cannotOpenInput = ExitCode(66)
    static let internalError = ExitCode(70)
    static let cannotWriteOutput = ExitCode(73)

    /// Runs `body`, turning errors into a message on standard error and an exit code.
    /// Command-line errors pass through to ArgumentParser, which reports them (64).
    static func reporting<Result>(_ body: () throws -> Result) throws -> Result {
        do {
            return try body()
        } catch let error as InputError {
            printError("neardup: \(error)")
            throw error.isMissingFile ? cannotOpenInput : badInput
        } catch let error as StageInputError {
            printError("neardup: \(error)")
            throw badInput
        } catch let error as OutputError {
            printError("neardup: \(error)")
            throw cannotWriteOutput
        } catch let error as ScratchFileError {
            printError("neardup: \(error)")
            throw cannotWriteOutput
        } catch let error as IndexError {
            printError("neardup: \(error)")
            switch error {
            case .notAnIndex: throw cannotOpenInput
            case .optionsDiffer: throw usage
            case .unsupportedFormat, .differentText: throw badInput
            case .store: throw cannotWriteOutput
            }
        } catch let error as DatabaseError {
            printError("neardup: the index store failed: \(error.message ?? error.description)")
            throw cannotWriteOutput
        } catch let error as InternalError {
            printError("neardup: internal error: \(error.message)")
            throw internalError
        } catch let error where error is ValidationError || error is ExitCode || error is CleanExit {
            throw error
        } catch {
            printError("neardup: internal error: \(error)")
            throw internalError
        }
    }
}

/// A broken promise of the tool itself (for instance a count that does not add up): a bug
/// to report, not something the user can fix in the input.
struct InternalError: Error, CustomStringConvertible {
    var message: String
    init(_ message: String) { self.message = message }
    var description: String { message }
}

extension InputError {
    var isMissingFile: Bool {
        message.hasPrefix("no such file") || message.hasPrefix("cannot open") || message.hasPrefix("cannot read")
            || message.hasPrefix("cannot list")
    }
}
