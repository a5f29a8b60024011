import CGLPK
import CGLPKGuard
import Foundation
import Testing
@testable import LinearProgramming

final class TerminalText { var text = "" }

/// Collects GLPK's terminal text of this thread while `body` runs (nothing is printed).
/// GLPK forgets the hook when a guarded call frees its environment; the text up to then stays.
func capturingGLPKTerminal<R>(_ body: () throws -> R) rethrows -> (result: R, text: String) {
    let box = TerminalText()
    return try withExtendedLifetime(box) {
        rd_terminal(1, { info, fragment in
            guard let info, let fragment else { return 1 }
            Unmanaged<TerminalText>.fromOpaque(info).takeUnretainedValue().text += String(cString: fragment)
            return 1
        }, Unmanaged.passUnretained(box).toOpaque())
        defer { rd_terminal(0, nil, nil) }
        let result = try body()
        return (result, box.text)
    }
}

/// A 2 x 2 problem loaded through the guard, with no matrix entries.
func createTwoByTwo() throws -> OpaquePointer {
    let prob = try #require(rd_create_prob())
    let types: [Int32] = [GLP_FR, GLP_FR]
    let zeros: [Double] = [0, 0]
    let kinds: [Int32] = [GLP_CV, GLP_CV]
    let none: [Int32] = [0]
    #expect(rd_load_problem(prob, 1, 2, types, zeros, zeros, 2, types, zeros, zeros, kinds, zeros, 0,
                            0, none, none, [0]) == 0)
    return prob
}

/// The solver still works on this thread: GLPK re-created its environment.
func expectSolverWorks(sourceLocation: SourceLocation = #_sourceLocation) throws {
    let s = try GLPKSolver().solve(productionLP())
    #expect(s.status == .optimal, sourceLocation: sourceLocation)
    expectClose(s.objective, 36, "objective after a guarded failure", sourceLocation: sourceLocation)
    let mip = try GLPKSolver().solve(Knapsack().program)
    expectClose(mip.objective, 69, "MIP objective after a guarded failure", sourceLocation: sourceLocation)
    // A raw problem can be created and deleted again too.
    let prob = try #require(rd_create_prob(), sourceLocation: sourceLocation)
    #expect(rd_delete_prob(prob) == 0, sourceLocation: sourceLocation)
}

/// 7. The C safety net: GLPK's fatal errors come back as RD_GLPK_FAILED, the process lives on.
/// Each test runs on one thread from start to end (no suspension points).
@Suite struct GuardTests {
    @Test func duplicateEntryInLoadMatrixIsCaught() throws {
        let thread = pthread_self()
        let prob = try createTwoByTwo()
        // Control: a valid matrix loads.
        #expect(rd_load_matrix(prob, 2, [0, 1, 2], [0, 1, 2], [0, 1, 1]) == 0)
        #expect(glp_get_num_nz(prob) == 2)
        // (1, 2) twice: glp_load_matrix calls GLPK's fatal error routine, which would abort().
        let (code, text) = capturingGLPKTerminal {
            rd_load_matrix(prob, 3, [0, 1, 2, 1], [0, 2, 1, 2], [0, 1, 1, 5])
        }
        #expect(code == RD_GLPK_FAILED)
        #expect(text.contains("duplicate indices not allowed"), "GLPK said: \(text)")
        // `prob` was freed with the environment: it must not be touched again.
        #expect(pthread_equal(thread, pthread_self()) != 0)
        try expectSolverWorks()
    }

    @Test func columnIndexOutOfRangeIsCaught() throws {
        for j: Int32 in [3, 0, -1] {
            let prob = try createTwoByTwo()
            #expect(rd_set_col_bnds(prob, 2, GLP_DB, 1, 4) == 0, "control")
            #expect(glp_get_col_ub(prob, 2) == 4)
            let (code, text) = capturingGLPKTerminal { rd_set_col_bnds(prob, j, GLP_LO, 0, 0) }
            #expect(code == RD_GLPK_FAILED, "column \(j)")
            #expect(text.contains("glp_set_col_bnds") && text.contains("out of range"), "GLPK said: \(text)")
            try expectSolverWorks()
        }
    }

    @Test func failureDuringALoadWithOtherProblemsAliveFreesThemAll() throws {
        // Two problems on this thread; the failure in the second frees the first as well
        // (that is GLPK's contract), and the thread recovers.
        let first = try createTwoByTwo()
        let second = try createTwoByTwo()
        _ = first
        let (code, _) = capturingGLPKTerminal { rd_load_matrix(second, 2, [0, 1, 1], [0, 1, 1], [0, 1, 1]) }
        #expect(code == RD_GLPK_FAILED)
        try expectSolverWorks()
    }

    @Test func solverTurnsAGuardFailureIntoAFatalError() throws {
        // Bypass validation with a hand-made matrix holding a duplicate: the Swift side must
        // report GLPK's failure as an error carrying GLPK's message, and not crash.
        let program = productionLP()
        var matrix = ValidatedMatrix(capacity: 2)
        matrix.append(row: 0, column: 0, value: 1)
        matrix.append(row: 0, column: 0, value: 2)
        let terminal = Terminal(log: nil)
        let error = thrownError {
            let problem = try Problem(program: program, matrix: matrix, terminal: terminal)
            problem.delete()
        }
        terminal.detach()
        guard case let .fatal(operation, message)? = error as? GLPKError else {
            Issue.record("expected GLPKError.fatal, got \(String(describing: error))")
            return
        }
        #expect(operation == "loading the problem")
        #expect(message.contains("duplicate"), "message: \(message)")
        try expectSolverWorks()
    }
}
