import ArgumentParser

/// `redeploy export-model`: placeholder until it lands.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export-model", abstract: "(not implemented yet)")
    func run() throws { throw CleanExit.message("export-model: not implemented yet") }
}
