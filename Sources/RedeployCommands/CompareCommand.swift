import ArgumentParser

/// `redeploy compare`: placeholder until it lands.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "compare", abstract: "(not implemented yet)")
    func run() throws { throw CleanExit.message("compare: not implemented yet") }
}
