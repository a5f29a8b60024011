import LinearProgramming
import RedeployDomain

/// The programs behind a plan, for writing to MPS or LP files and solving elsewhere (glpsol,
/// HiGHS...), e.g. to compare solvers on exactly the model `Planner` solves.
///
/// Stage 1 minimises the weighted shortage W. Stage 2 minimises the cost C subject to the
/// explicit row "stage-1 objective <= W* + 1e-7 x max(1, |W*|)", which is what `Planner`
/// solves when stage 1 needed branch-and-cut (otherwise it solves stage 2 on the optimal face
/// of stage 1, an equivalent but solver-specific program).
public enum ModelExport {
    public enum Formulation: Sendable { case flow, direct }

    public struct Export: Sendable {
        public var program: LinearProgram
        /// W* used in the shortage row (stage 2 only).
        public var bestShortage: Double?
        /// Status of the stage-1 solve behind W* (stage 2 only).
        public var stageOneStatus: SolveStatus?
        /// Seconds spent solving stage 1 for W* (stage 2 only).
        public var stageOneSeconds: Double?
    }

    public enum ExportError: Error, CustomStringConvertible {
        case stageOneNotOptimal(SolveStatus)
        public var description: String {
            switch self {
            case let .stageOneNotOptimal(status):
                return "stage 1 ended with status \(status), so stage 2 has no W* to hold"
            }
        }
    }

    /// Stage 1's program of the given formulation (objective: W).
    public static func stageOne(_ instance: Instance, formulation: Formulation = .flow) -> LinearProgram {
        switch formulation {
        case .flow: return FlowModel(instance).program(stage: 1)
        case .direct: return DirectModel.build(instance).program
        }
    }

    /// Stage 2's program with the explicit shortage row. W* comes from solving the flow
    /// model's stage 1 (as `Planner` does: the LP relaxation, then branch-and-cut if its
    /// optimum is fractional), whichever formulation is exported: both have the same W*
    /// (docs/MODEL.md section 2), and the flow model reaches it much faster. A `bestShortage`
    /// given (e.g. found by another solver) is used as W* without solving stage 1.
    public static func stageTwo(_ instance: Instance, formulation: Formulation = .flow,
                                bestShortage: Double? = nil, timeLimit: Double? = nil,
                                log: (@Sendable (String) -> Void)? = nil) throws -> Export {
        let model = FlowModel(instance)
        let best: Double, status: SolveStatus?, seconds: Double?
        if let given = bestShortage {
            (best, status, seconds) = (given, nil, nil)
        } else {
            let solved = try stageOneOptimum(model, timeLimit: timeLimit, log: log)
            guard solved.1 == .optimal else { throw ExportError.stageOneNotOptimal(solved.1) }
            (best, status, seconds) = (solved.0, solved.1, solved.2)
        }
        let slack = 1e-7 * max(1, abs(best))
        var program: LinearProgram
        switch formulation {
        case .flow:
            program = model.program(stage: 2)
            let row = program.addRow(name: "shortage", upper: best + slack)
            for (j, w) in model.stageOneCosts.enumerated() where w != 0 {
                program.addEntry(row: row, column: j, value: w)
            }
        case .direct:
            let built = DirectModel.build(instance)
            program = built.program
            let row = program.addRow(name: "shortage", upper: best + slack)
            for (j, w) in built.shortageWeights.enumerated() where w != 0 {
                program.addEntry(row: row, column: j, value: w)
            }
            for (j, c) in built.costs.enumerated() { program.setCost(column: j, c) }
        }
        return Export(program: program, bestShortage: best, stageOneStatus: status, stageOneSeconds: seconds)
    }

    /// The flow model's stage-1 optimum W*, its status and the seconds spent.
    static func stageOneOptimum(_ model: FlowModel, timeLimit: Double?,
                                log: (@Sendable (String) -> Void)?) throws -> (Double, SolveStatus, Double) {
        let program = model.program(stage: 1)
        func run(_ kind: SolveOptions.Kind) throws -> Solution {
            try GLPKSolver().solve(program, options: SolveOptions(kind: kind, method: .dualSimplex, presolve: false,
                                                                  timeLimit: timeLimit, relativeGap: 0, log: log))
        }
        var solution = try run(.relaxation)
        var seconds = solution.seconds
        let integral = model.integerColumns.allSatisfy {
            abs(solution.columnValues[$0] - solution.columnValues[$0].rounded()) <= 1e-6
        }
        if solution.status == .optimal, !integral {
            solution = try run(.automatic)
            seconds += solution.seconds
        }
        return (solution.objective, solution.status, seconds)
    }
}
