import ArgumentParser

/// `redeploy report`: placeholder until it lands.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "report", abstract: "(not implemented yet)")
    func run() throws { throw CleanExit.message("report: not implemented yet") }
}
