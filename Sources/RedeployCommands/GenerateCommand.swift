import ArgumentParser

/// `redeploy generate`: placeholder until the generator lands.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "generate", abstract: "Write a synthetic scenario.")
    func run() throws { throw CleanExit.message("generate: not implemented yet") }
}
