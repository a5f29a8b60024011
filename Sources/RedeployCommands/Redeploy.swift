import ArgumentParser
import Foundation

/// The `redeploy` command line. Each subcommand lives in a file of its own.
public struct Redeploy: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "redeploy",
        abstract: "Plans teacher transfers from surplus to shortage schools without raising payroll.",
        subcommands: [CheckCommand.self, NormsCommand.self, SolveCommand.self, EvaluateCommand.self, CompareCommand.self,
                      ReportCommand.self, GenerateCommand.self, ExportCommand.self])

    public init() {}

    /// `main()` with the exit statuses of docs/MODEL.md section 4: a command line that does not
    /// parse (an unknown option, `--time-limit 0`) is invalid input, so exit 2 and not
    /// ArgumentParser's 64. Nothing has been read or written when parsing fails.
    public static func runWithContractExitCodes(_ arguments: [String]? = nil) -> Never {
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            exit()
        } catch {
            guard exitCode(for: error) == .validationFailure else { exit(withError: error) }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(2)
        }
    }
}
