import ArgumentParser
import NearDupArchive

struct IndexCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Verify every structure of an index: exit 0 when it is intact, 65 with what is wrong.")

    @OptionGroup var location: IndexLocation

    func run() throws {
        try ExitStatus.reporting {
            let problems = try location.open().check()
            guard problems.isEmpty else {
                for problem in problems { printError("\(location.index): \(problem)") }
                throw ExitStatus.badInput
            }
            print("\(location.index): intact")
        }
    }
}
