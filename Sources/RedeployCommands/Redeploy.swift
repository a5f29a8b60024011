import ArgumentParser

/// The `redeploy` command line. Each subcommand lives in a file of its own.
public struct Redeploy: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "redeploy",
        abstract: "Plans teacher transfers from surplus to shortage schools without raising payroll.",
        subcommands: [CheckCommand.self, SolveCommand.self, EvaluateCommand.self, CompareCommand.self,
                      ReportCommand.self, GenerateCommand.self, ExportCommand.self])

    public init() {}
}
