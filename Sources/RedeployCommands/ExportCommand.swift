import ArgumentParser
import Foundation
import LinearProgramming
import RedeployDomain
import RedeployPlanner

/// `redeploy export-model SCENARIO --stage 1|2 --format mps|lp --out FILE [--direct]`: the
/// program that `redeploy solve` solves, as a file that other solvers read.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-model",
        abstract: "Write a scenario's linear program as an MPS or CPLEX LP file.",
        discussion: """
            Stage 1 minimises the weighted shortage W. Stage 2 minimises the cost with the row \
            "weighted shortage <= W*" (W* from solving stage 1 first, or given with --shortage; plus \
            1e-7 x max(1, |W*|)). \
            The program is the flow formulation that `redeploy solve` uses, or with --direct the \
            variables and constraints of docs/MODEL.md section 2 written literally. Whole teachers \
            are integer columns. MPS has no objective sense: every program here is minimised.
            Exit status: 0 when the file was written; 2 for invalid input; 1 for any other failure.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case mps, lp }

    @Argument(help: "A scenario folder or its scenario.yaml.") var scenario: String
    @Option(name: .long, help: "1 (least weighted shortage) or 2 (least cost at that shortage).") var stage: Int = 1
    @Option(name: .long, help: "mps (free MPS) or lp (CPLEX LP).") var format: Format = .mps
    @Option(name: .long, help: "The file to write.") var out: String
    @Flag(name: .long, help: "Export the literal formulation of docs/MODEL.md section 2 instead of the flow model.")
    var direct = false
    @Option(name: .long, help: ArgumentHelp("Stage 2: use this W* instead of solving stage 1.", valueName: "W"))
    var shortage: Double?
    @Option(name: .long, help: "Seconds for solving stage 1 when exporting stage 2.") var timeLimit: Double?
    @Flag(name: .long, help: "Print nothing on standard output.") var quiet = false
    @Flag(name: .long, help: "Print GLPK's log of the stage-1 solve on standard error.") var verbose = false

    func validate() throws {
        guard stage == 1 || stage == 2 else { throw ValidationError("--stage must be 1 or 2") }
        if let limit = timeLimit, !(limit > 0 && limit <= 86_400 * 24) {
            throw ValidationError("--time-limit must be a number of seconds above 0 and at most 24 days")
        }
        if let w = shortage {
            guard stage == 2 else { throw ValidationError("--shortage applies to --stage 2 only") }
            guard w >= 0, w.isFinite else { throw ValidationError("--shortage must be a finite number >= 0") }
        }
    }

    func run() throws {
        let scenario = try InputErrors.loadScenario(self.scenario)
        try SolveCommand.checkPayrollCanBeMet(scenario, path: self.scenario)
        if SolveCommand.needsHorizon(scenario) { return try exportHorizon(scenario) }
        let instance = Instance(scenario)
        let formulation: ModelExport.Formulation = direct ? .direct : .flow
        let log: (@Sendable (String) -> Void)? = verbose ? { @Sendable line in InputErrors.printToStandardError([line]) } : nil
        let program: LinearProgram
        var note = ""
        do {
            if stage == 1 {
                program = ModelExport.stageOne(instance, formulation: formulation)
            } else {
                let export = try ModelExport.stageTwo(instance, formulation: formulation, bestShortage: shortage,
                                                      timeLimit: timeLimit, log: log)
                program = export.program
                if let best = export.bestShortage {
                    note = ", W* = \(best)"
                        + (export.stageOneSeconds.map { " (stage 1 solved in \(String(format: "%.2f", $0)) s)" } ?? " (given)")
                }
            }
        } catch {
            InputErrors.printToStandardError(["redeploy: \(error)"])
            throw ExitCode(1)
        }
        try write(program, "\(direct ? "direct" : "flow") model, stage \(stage)", note: note)
    }

    /// Writes the program in --format and says what was written.
    private func write(_ program: LinearProgram, _ what: String, note: String = "") throws {
        do {
            switch format {
            case .mps: try GLPKSolver().writeMPS(program, to: out)
            case .lp: try GLPKSolver().writeLP(program, to: out)
            }
        } catch {
            InputErrors.printToStandardError(["redeploy: \(error)"])
            throw ExitCode(1)
        }
        if !quiet {
            let integers = program.columns.reduce(0) { $0 + ($1.isInteger ? 1 : 0) }
            print("Wrote \(out): \(what), \(program.columnCount) columns "
                  + "(\(integers) integer), \(program.rowCount) rows, \(program.entryCount) nonzeros\(note)")
        }
    }

    /// A horizon's literal model (docs/MODEL.md sections 5 and 6, `HorizonDirectModel`), stage 1:
    /// the reference other solvers are measured on.
    private func exportHorizon(_ scenario: Scenario) throws {
        guard stage == 1 else {
            InputErrors.printToStandardError(["redeploy: a horizon's model is exported for stage 1 only (least W)"])
            throw ExitCode(2)
        }
        try write(HorizonDirectModel.program(HorizonInstance(scenario)), "literal horizon model, stage 1")
    }
}
