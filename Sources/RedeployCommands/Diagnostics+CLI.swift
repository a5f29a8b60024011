import ArgumentParser
import Foundation
import RedeployDomain
import ScenarioIO

/// Invalid input on the command line (docs/MODEL.md section 4): every diagnostic on standard error,
/// one per line, then exit status 2, with nothing written.
enum InputErrors {
    /// Prints lines to standard error.
    static func printToStandardError(_ lines: [String]) {
        guard !lines.isEmpty else { return }
        FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }

    /// Prints the error's diagnostics to standard error and returns `ExitCode(2)` to throw.
    static func exit(_ error: ScenarioError) -> ExitCode {
        printToStandardError(error.diagnostics.map(\.description))
        return ExitCode(2)
    }

    /// Loads a scenario; on invalid input prints the diagnostics and throws `ExitCode(2)`.
    /// Warnings (valid but probably unintended input) go to standard error as
    /// `file:line:column: warning: message`, and do not stop the command.
    static func loadScenario(_ path: String) throws -> Scenario {
        try loadScenarioAndWarnings(path).scenario
    }

    /// As `loadScenario`, also returning the warnings it printed, for a command that shows
    /// them in its output too (`check`).
    static func loadScenarioAndWarnings(_ path: String) throws -> (scenario: Scenario, warnings: [Diagnostic]) {
        var warnings: [Diagnostic] = []
        do {
            let scenario = try ScenarioLoader.load(path, warnings: &warnings)
            printToStandardError(warnings.map(\.warningDescription))
            return (scenario, warnings)
        } catch {
            throw exit(error)
        }
    }
}
