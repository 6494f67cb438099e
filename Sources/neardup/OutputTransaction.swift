/// An output finished in two steps, so that several can be put in place together.
protocol StagedOutput: AnyObject {
    /// Completes the output where the user cannot see it yet (under a temporary name).
    func stage() throws(OutputError)
    /// Makes it visible under its own name.
    func putInPlace() throws(OutputError)
    /// Undoes `putInPlace()`, restoring what the name held before.
    func takeBack()
    /// Lets go of what `takeBack()` would need.
    func settle()
}

/// Puts several outputs in place all or nothing (`dedup`'s kept and removed records): every
/// one is completed first, then each is renamed into place; if one cannot be, those already
/// in place are taken back, so the names hold what they held before the run.
enum OutputTransaction {
    static func commit(_ outputs: [any StagedOutput]) throws(OutputError) {
        for output in outputs { try output.stage() }
        var placed: [any StagedOutput] = []
        for output in outputs {
            do {
                try output.putInPlace()
            } catch {
                for done in placed.reversed() { done.takeBack() }
                throw error
            }
            placed.append(output)
        }
        for output in outputs { output.settle() }
    }
}
