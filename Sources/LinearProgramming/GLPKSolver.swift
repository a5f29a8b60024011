import CGLPK
import CGLPKGuard
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A failure inside GLPK that validation did not foresee. The guard caught GLPK's fatal
/// error, so the process lives on, but every GLPK object of the calling thread was freed.
public enum GLPKError: Error, Equatable, Sendable, CustomStringConvertible {
    case fatal(operation: String, message: String)
    case writeFailed(path: String, code: Int32)

    public var description: String {
        switch self {
        case let .fatal(operation, message):
            return "GLPK failed in \(operation)" + (message.isEmpty ? "" : ": \(message)")
        case let .writeFailed(path, code):
            return "GLPK could not write \(path) (code \(code))"
        }
    }
}

/// Solves `LinearProgram`s with GLPK through its C API.
///
/// Threading: each call creates its GLPK problem, uses it and deletes it before returning, on
/// the calling thread, and never suspends in between. This is what GLPK's per-thread memory
/// accounting requires (a problem deleted on another thread aborts), so never hold GLPK state
/// across an `await`. Separate threads may solve at the same time: Debian's GLPK keeps one
/// environment per thread.
public struct GLPKSolver: Sendable {
    public init() {}

    /// Solves `program`. Throws `LinearProgramError` for a program or option GLPK would abort
    /// on (nothing reaches GLPK then), and `GLPKError` if GLPK failed anyway.
    ///
    /// `basis`: where the simplex starts when presolve is off (a neighbouring program's optimal
    /// basis for the dual simplex, say, or this program's LP optimum before a MIP). One of
    /// the wrong size is ignored; one GLPK refuses (singular) gives way to the all-slack basis.
    public func solve(_ program: LinearProgram, options: SolveOptions = SolveOptions(),
                      basis: StartingBasis? = nil) throws -> Solution {
        try options.validate()
        let matrix = try program.validated()
        let terminal = Terminal(log: options.log)
        defer { terminal.detach() }
        let problem = try Problem(program: program, matrix: matrix, terminal: terminal)
        defer { problem.delete() }
        let clock = ContinuousClock()
        let start = clock.now
        let isMIP = options.kind == .automatic && program.hasIntegerColumns
        let fits = basis.map { $0.rows.count == program.rowCount && $0.columns.count == program.columnCount } ?? false
        if let basis, fits, !options.presolve { problem.setBasis(basis) }
        var solution = try problem.solve(options: options, isMIP: isMIP)
        if fits, !options.presolve, solution.status == .undefined {
            problem.setBasis(StartingBasis(rows: Array(repeating: .basic, count: program.rowCount),
                                           columns: Array(repeating: .atLower, count: program.columnCount)))
            solution = try problem.solve(options: options, isMIP: isMIP)
        }
        let elapsed = clock.now - start
        solution.seconds = elapsed.inSeconds
        return solution
    }

    public enum MPSFormat: Sendable { case free, fixed }

    /// Writes `program` as an MPS file (free format by default), with its names.
    /// MPS has no objective sense: GLPK writes none, so readers minimise unless told to
    /// maximise (glpsol: `--max`). Names must be unique among rows and among columns.
    public func writeMPS(_ program: LinearProgram, to path: String, format: MPSFormat = .free) throws {
        try write(program, path: path) { prob, ret in
            rd_write_mps(prob, format == .free ? GLP_MPS_FILE : GLP_MPS_DECK, path, ret)
        }
    }

    /// Writes `program` in CPLEX LP format, with its names. GLPK writes the objective constant
    /// only as a comment, which readers ignore. Names must be unique among rows and among columns.
    public func writeLP(_ program: LinearProgram, to path: String) throws {
        try write(program, path: path) { prob, ret in rd_write_lp(prob, path, ret) }
    }

    private func write(_ program: LinearProgram, path: String,
                       _ body: (OpaquePointer, UnsafeMutablePointer<Int32>) -> Int32) throws {
        let matrix = try program.validated()
        // A name given twice makes a file that glpsol refuses ("multiply specified").
        for (kind, names) in [(LinearProgramError.Kind.row, program.rows.map(\.name)),
                              (.column, program.columns.map(\.name))] {
            var first: [String: Int] = [:]
            for (index, name) in names.enumerated() where !name.isEmpty {
                if let earlier = first[name] {
                    throw LinearProgramError.invalidName(kind: kind, index: index,
                                                         reason: "is already the name of \(kind.rawValue) \(earlier)")
                }
                first[name] = index
            }
        }
        let terminal = Terminal(log: nil)
        defer { terminal.detach() }
        let problem = try Problem(program: program, matrix: matrix, terminal: terminal)
        defer { problem.delete() }
        try problem.setNames(program)
        var code: Int32 = 0
        try problem.guarded("writing \(path)") { body($0, &code) }
        if code != 0 { throw GLPKError.writeFailed(path: path, code: code) }
    }
}

/// Collects GLPK's terminal output of one call: forwards whole lines to the log, and keeps
/// the last lines so that a fatal error can say what GLPK said.
final class Terminal {
    private let log: (@Sendable (String) -> Void)?
    private var pending = ""
    private(set) var recent: [String] = []

    init(log: (@Sendable (String) -> Void)?) {
        self.log = log
        attach()
    }

    /// Installs the hook on this thread. GLPK resets it when its environment is freed, so a
    /// guarded call that failed must not be followed by output we expect to catch.
    func attach() {
        let info = Unmanaged.passUnretained(self).toOpaque()
        rd_terminal(1, { info, text in
            guard let info, let text else { return 1 }
            Unmanaged<Terminal>.fromOpaque(info).takeUnretainedValue().receive(String(cString: text))
            return 1
        }, info)
    }

    func detach() {
        flush()
        rd_terminal(0, nil, nil)
    }

    var verbose: Bool { log != nil }

    private func receive(_ fragment: String) {
        pending += fragment
        while let newline = pending.firstIndex(of: "\n") {
            emit(String(pending[..<newline]))
            pending = String(pending[pending.index(after: newline)...])
        }
    }

    private func flush() {
        if !pending.isEmpty { emit(pending) }
        pending = ""
    }

    private func emit(_ line: String) {
        log?(line)
        recent.append(line)
        if recent.count > 20 { recent.removeFirst(recent.count - 20) }
    }
}

/// One GLPK problem, alive for one call on one thread.
final class Problem {
    private var pointer: OpaquePointer?
    private let terminal: Terminal
    private var columnCount: Int
    private let rowCount: Int
    /// Rows and columns added so that GLPK never sees an empty problem.
    private let paddedRow: Bool
    private let paddedColumn: Bool

    /// The GLPK problem, for calls that cannot fail on valid arguments (basis statuses).
    var rawPointer: OpaquePointer? { pointer }

    init(program: LinearProgram, matrix: ValidatedMatrix, terminal: Terminal) throws {
        self.terminal = terminal
        columnCount = program.columnCount
        rowCount = program.rowCount
        paddedRow = program.rowCount == 0
        paddedColumn = program.columnCount == 0
        guard let created = rd_create_prob() else {
            throw GLPKError.fatal(operation: "glp_create_prob", message: terminal.recent.joined(separator: " "))
        }
        pointer = created
        try load(program, matrix)
    }

    private func load(_ program: LinearProgram, _ matrix: ValidatedMatrix) throws {
        var rowType = program.rows.map { Self.boundType($0.lower, $0.upper) }
        var rowLower = program.rows.map { $0.lower.isFinite ? $0.lower : 0 }
        var rowUpper = program.rows.map { $0.upper.isFinite ? $0.upper : 0 }
        var colType = program.columns.map { Self.boundType($0.lower, $0.upper) }
        var colLower = program.columns.map { $0.lower.isFinite ? $0.lower : 0 }
        var colUpper = program.columns.map { $0.upper.isFinite ? $0.upper : 0 }
        var colKind = program.columns.map { $0.isInteger ? GLP_IV : GLP_CV }
        var colCost = program.columns.map(\.cost)
        if paddedRow { rowType.append(GLP_FR); rowLower.append(0); rowUpper.append(0) }
        if paddedColumn {
            colType.append(GLP_FX); colLower.append(0); colUpper.append(0); colKind.append(GLP_CV); colCost.append(0)
        }
        let minimize: Int32 = program.sense == .minimize ? 1 : 0
        try guarded("loading the problem") { prob in
            rd_load_problem(prob, minimize,
                            Int32(rowType.count), rowType, rowLower, rowUpper,
                            Int32(colType.count), colType, colLower, colUpper, colKind, colCost,
                            program.objectiveConstant,
                            Int32(matrix.count), matrix.rowIndices, matrix.columnIndices, matrix.values)
        }
    }

    func setNames(_ program: LinearProgram) throws {
        // strdup'd C strings, NULL where a name is empty (GLPK then makes its own).
        func cStrings(_ names: [String]) -> [UnsafePointer<CChar>?] {
            names.map { $0.isEmpty ? nil : UnsafePointer(strdup($0)) }
        }
        let rowNames = cStrings(program.rows.map(\.name))
        let colNames = cStrings(program.columns.map(\.name))
        defer { (rowNames + colNames).forEach { free(UnsafeMutableRawPointer(mutating: $0)) } }
        let problemName = program.name.isEmpty ? "redeploy" : program.name
        try guarded("naming rows and columns") { prob in
            rd_set_names(prob, problemName, Int32(rowNames.count), rowNames, Int32(colNames.count), colNames)
        }
    }

    /// Appends columns of `program` (continuous, lower bound 0, already validated there),
    /// keeping the current basis: the new columns enter it nonbasic at 0.
    func appendColumns(_ columns: [Int], of program: LinearProgram, matrix: ValidatedMatrix, columnStart: [Int]) throws {
        var type: [Int32] = [], lower: [Double] = [], upper: [Double] = [], cost: [Double] = []
        var start: [Int32] = [0], rows: [Int32] = [], values: [Double] = []
        for j in columns {
            let c = program.columns[j]
            type.append(Self.boundType(c.lower, c.upper))
            lower.append(c.lower.isFinite ? c.lower : 0)
            upper.append(c.upper.isFinite ? c.upper : 0)
            cost.append(c.cost)
            for k in columnStart[j]..<columnStart[j + 1] {
                rows.append(matrix.rowIndices[k])
                values.append(matrix.values[k])
            }
            start.append(Int32(rows.count))
        }
        try guarded("adding columns") { prob in
            rd_add_columns(prob, Int32(columns.count), type, lower, upper, cost, start, rows, values)
        }
        columnCount += columns.count
    }

    /// Re-optimises after columns were added: the basis is still primal feasible, so the
    /// primal simplex continues from it (or `method`, from a basis set for it).
    func resolve(options: SolveOptions, method: SolveOptions.Method = .primalSimplex) throws -> Solution {
        try simplex(options: options, presolve: false, method: method)
    }

    private static func boundType(_ lower: Double, _ upper: Double) -> Int32 {
        switch (lower.isFinite, upper.isFinite) {
        case (false, false): return GLP_FR
        case (true, false): return GLP_LO
        case (false, true): return GLP_UP
        case (true, true): return lower == upper ? GLP_FX : GLP_DB
        }
    }

    /// Runs one guarded GLPK call. On a fatal GLPK error the problem is already gone.
    func guarded(_ operation: String, _ call: (OpaquePointer) -> Int32) throws {
        guard let prob = pointer else {
            throw GLPKError.fatal(operation: operation, message: "the problem was lost to an earlier failure")
        }
        if call(prob) == RD_GLPK_FAILED {
            pointer = nil
            terminal.attach()
            throw GLPKError.fatal(operation: operation, message: terminal.recent.joined(separator: " "))
        }
    }

    func delete() {
        guard let prob = pointer else { return }
        pointer = nil
        _ = rd_delete_prob(prob)
    }

    // MARK: Solving

    func solve(options: SolveOptions, isMIP: Bool) throws -> Solution {
        let clock = ContinuousClock()
        let start = clock.now
        var lp = try simplex(options: options, presolve: options.presolve, method: options.method)
        if lp.status == .undefined || (lp.status != .optimal && lp.status != .infeasible
                                       && lp.status != .unbounded && lp.status != .timeLimit) {
            // Presolve and the dual simplex can end without a verdict (e.g. dual infeasible:
            // unbounded or infeasible?). The primal simplex without presolve always has one.
            lp = try simplex(options: options, presolve: false, method: .primalSimplex)
        }
        guard isMIP else { return lp }
        guard lp.status == .optimal else {
            lp.hasPoint = false
            return lp
        }
        let remaining = options.timeLimit.map { limit -> Double in
            let used = clock.now - start
            return max(0, limit - used.inSeconds)
        }
        return try branchAndCut(options: options, timeLimit: remaining, rootIterations: lp.iterations)
    }

    private func milliseconds(_ seconds: Double?) -> Int32 {
        guard let seconds else { return Int32.max }
        return Int32(min(Double(Int32.max), (seconds * 1000).rounded(.up)))
    }

    private func simplex(options: SolveOptions, presolve: Bool, method: SolveOptions.Method) throws -> Solution {
        var parm = glp_smcp()
        glp_init_smcp(&parm)
        parm.msg_lev = terminal.verbose ? GLP_MSG_ON : GLP_MSG_ERR
        parm.meth = method == .dualSimplex ? GLP_DUALP : GLP_PRIMAL
        parm.presolve = presolve ? GLP_ON : GLP_OFF
        parm.tm_lim = milliseconds(options.timeLimit)
        var code: Int32 = 0
        try guarded("glp_simplex") { rd_simplex($0, &parm, &code) }
        let prob = pointer!
        let status: SolveStatus
        switch code {
        case 0:
            switch glp_get_status(prob) {
            case GLP_OPT: status = .optimal
            case GLP_NOFEAS: status = .infeasible
            case GLP_UNBND: status = .unbounded
            default: status = .undefined
            }
        case GLP_ETMLIM: status = .timeLimit
        case GLP_ENOPFS: status = .infeasible
        default: status = .undefined
        }
        let hasPoint = status == .optimal || (status == .timeLimit && glp_get_prim_stat(prob) == GLP_FEAS)
        let isOptimal = status == .optimal
        var solution = Solution(
            status: status, hasPoint: hasPoint, objective: glp_get_obj_val(prob),
            columnValues: (0..<columnCount).map { glp_get_col_prim(prob, Int32($0 + 1)) },
            rowActivities: (0..<rowCount).map { glp_get_row_prim(prob, Int32($0 + 1)) },
            rowDuals: isOptimal ? (0..<rowCount).map { glp_get_row_dual(prob, Int32($0 + 1)) } : nil,
            reducedCosts: isOptimal ? (0..<columnCount).map { glp_get_col_dual(prob, Int32($0 + 1)) } : nil,
            iterations: Int(glp_get_it_cnt(prob)))
        if isOptimal && !presolve { solution.basis = currentBasis(rows: rowCount, columns: columnCount) }
        return solution
    }

    private func branchAndCut(options: SolveOptions, timeLimit: Double?, rootIterations: Int) throws -> Solution {
        var parm = glp_iocp()
        glp_init_iocp(&parm)
        parm.msg_lev = terminal.verbose ? GLP_MSG_ON : GLP_MSG_ERR
        parm.presolve = GLP_OFF
        parm.tm_lim = milliseconds(timeLimit)
        parm.mip_gap = options.relativeGap
        if options.cuts {
            parm.gmi_cuts = GLP_ON
            parm.mir_cuts = GLP_ON
            parm.cov_cuts = GLP_ON
            parm.clq_cuts = GLP_ON
        }
        var code: Int32 = 0
        var bound = Double.nan
        var gap = Double.nan
        try guarded("glp_intopt") { rd_intopt($0, &parm, &code, &bound, &gap) }
        let prob = pointer!
        let mipStatus = glp_mip_status(prob)
        let hasPoint = mipStatus == GLP_OPT || mipStatus == GLP_FEAS
        var status: SolveStatus
        switch code {
        case 0:
            switch mipStatus {
            case GLP_OPT: status = .optimal
            case GLP_FEAS: status = .feasible
            case GLP_NOFEAS: status = .infeasible
            default: status = .undefined
            }
        case GLP_ETMLIM: status = .timeLimit
        case GLP_EMIPGAP: status = .feasible
        default: status = hasPoint ? .feasible : .undefined
        }
        let objective = glp_mip_obj_val(prob)
        if status == .optimal { bound = objective; gap = 0 }
        return Solution(
            status: status, hasPoint: hasPoint, objective: objective,
            columnValues: (0..<columnCount).map { glp_mip_col_val(prob, Int32($0 + 1)) },
            rowActivities: (0..<rowCount).map { glp_mip_row_val(prob, Int32($0 + 1)) },
            bestBound: bound.isNaN ? nil : bound,
            gap: hasPoint ? (gap.isNaN ? nil : gap) : nil,
            iterations: rootIterations)
    }
}
