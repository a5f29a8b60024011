import ArgumentParser

/// `redeploy evaluate`: placeholder until it lands.
struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "evaluate", abstract: "(not implemented yet)")
    func run() throws { throw CleanExit.message("evaluate: not implemented yet") }
}
