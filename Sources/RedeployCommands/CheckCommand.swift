import ArgumentParser

/// `redeploy check SCENARIO`: placeholder until the scenario reader lands.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "Validate a scenario and summarise surplus and shortage.")
    @Argument(help: "A scenario folder or its scenario.yaml.") var scenario: String
    func run() throws { throw CleanExit.message("check: not implemented yet") }
}
