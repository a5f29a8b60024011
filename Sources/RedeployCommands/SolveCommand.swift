import ArgumentParser

/// `redeploy solve SCENARIO --out DIR`: placeholder until the planner lands.
struct SolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "solve", abstract: "Write an optimal transfer plan.")
    @Argument(help: "A scenario folder or its scenario.yaml.") var scenario: String
    func run() throws { throw CleanExit.message("solve: not implemented yet") }
}
