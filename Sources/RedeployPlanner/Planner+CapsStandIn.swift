import LinearProgramming
import RedeployDomain

/// Outflow caps that bind, with hiring: stage 1 by the network simplex, without transfers.
///
/// Why that is exact: with hiring and no lock asking for a transfer, a release where a teacher
/// would leave and a hire where he would arrive stand in for every transfer in stage 1 (same
/// staff, same payroll, no cap used; docs/MODEL.md, "How it solves"). Without transfers the
/// caps' rows are empty, so what is left of the model is the relaxed model's network without
/// its transfer arcs: small, and solved in hundredths of a second where GLPK's simplex took
/// over a second on 600 schools. Its potentials, with 0 on every cap row, are dual feasible for
/// the whole capped model once every transfer prices >= 0 (checked in full precision by
/// `NetworkSimplex.solve(_:leavingOut:)`; should one not, GLPK solves stage 1 as before), and
/// the flow is feasible for it (no transfer, no cap used): so both are optimal, W is proven,
/// and the optimal face of stage 1 is the set of feasible points complementary to those
/// potentials. Stage 2 then runs on that face by GLPK, from the basis of the network's flow.
///
/// Stage 2's column generation starts with the transfers the relaxed model's least-cost flow
/// uses and those its potentials price at 0 (`tight`): where the uncapped optimum could move
/// teachers at no loss is where the capped one moves them. Pricing still proves the rest. On
/// 600 schools this takes stage 2 from 5,020 pivots to 4,453 (2,055 more columns at the start).
extension Planner {
    struct StandInOutcome {
        var values: [Double]
        var status: Result.Status
        var gap: Double
        var stages: [String]
        var flow: StageOneFlow
    }

    /// Both stages of a capped model this way, or nil where it does not apply (no hiring, a
    /// lock, a model that is not the relaxed one plus cap rows) or the network cannot prove
    /// stage 1: the caller's LP path then runs as before.
    func capsStandIn(_ model: FlowModel, _ relaxed: FlowModel, _ instance: Instance, seed: [Double],
                     tight: [Bool]?, _ deadline: Deadline) throws -> StandInOutcome? {
        guard options.networkSimplex, Self.releaseAndHireStandIn(instance), instance.locks.isEmpty,
              model.cutRows == 0, model.roles == relaxed.roles, model.staffRows == relaxed.staffRows,
              model.payrollRow == relaxed.payrollRow, model.requirements == relaxed.requirements,
              let network = relaxed.network(stage: 1) else { return nil }
        options.stage?("least shortage: network simplex without transfers")
        let transfers = (0..<network.arcCount).map { a in
            guard a < relaxed.roles.count, case .transfer = relaxed.roles[a] else { return false }
            return true
        }
        let solved: FlowSolution?
        do {
            solved = try NetworkSimplex.solve(network, leavingOut: transfers, timeLimit: deadline.remaining)
        } catch {
            options.log?("redeploy: \(error); GLPK solves the model instead")
            return nil
        }
        guard let one = solved, one.status == .optimal else { return nil }
        let columns = model.program.columnCount
        let first = (0..<columns).map { Double(one.flows[$0]) }
        let variables = relaxed.networkArcVariables()
        let face = Self.face(model.program(stage: 2), stageOne: one, variables: variables)
        let nodeRows = (0..<network.supplies.count).map { $0 < relaxed.program.rowCount ? Optional($0) : nil }
        let basis = StartingBasis(flow: network, flows: one.flows, arcVariables: variables, nodeRows: nodeRows,
                                  program: face)
        options.stage?("least cost")
        var keeping = Self.union(first, seed)
        for j in 0..<columns where tight?[j] == true && keeping[j] == 0 && face.columns[j].upper > 0 { keeping[j] = 1 }
        let (second, stages) = try stageTwo(model, face: face, keeping: keeping, basis: basis,
                                            shortage: one.objective, deadline)
        let (values, status, gap) = Self.outcome(second, stageOne: first, model)
        return StandInOutcome(values: values, status: status, gap: gap, stages: ["network-without-transfers"] + stages,
                              flow: StageOneFlow(network: network, solution: one, staffRows: relaxed.staffRows,
                                                 payrollNode: relaxed.payrollRow, sinkNode: relaxed.sinkNode))
    }

    /// Stage 1's optimal face from a network's optimal flow of the same rows: every column with
    /// a non-zero reduced cost held at its bound, and every row whose slack arc has one held
    /// at the bound its slack at 0 puts it (complementary slackness with the potentials). Rows
    /// that are no node (the caps) have dual 0 and stay free.
    static func face(_ program: LinearProgram, stageOne: FlowSolution,
                     variables: [StartingBasis.ArcVariable]) -> LinearProgram {
        var face = program
        for (a, variable) in variables.enumerated() where stageOne.reducedCosts[a] != 0 {
            switch variable {
            case let .column(j):
                let column = program.columns[j]
                if stageOne.reducedCosts[a] > 0 {
                    face.setBounds(column: j, lower: column.lower, upper: column.lower)
                } else if column.upper.isFinite {
                    face.setBounds(column: j, lower: column.upper, upper: column.upper)
                }
            case let .rowSlack(i):
                // An optimal slack with a non-zero reduced cost is at 0 (it has no upper bound).
                let row = program.rows[i]
                let bound = row.lower.isFinite ? row.lower : row.upper
                face.setBounds(row: i, lower: bound, upper: bound)
            case .none:
                continue
            }
        }
        return face
    }
}
