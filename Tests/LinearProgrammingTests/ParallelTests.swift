import CGLPK
import CGLPKGuard
import Foundation
import Testing
@testable import LinearProgramming

/// Runs `body(i)` for i in 0..<count, each on its own new thread, and waits for all.
func onSeparateThreads(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
    let group = DispatchGroup()
    for i in 0..<count {
        group.enter()
        let thread = Thread {
            body(i)
            group.leave()
        }
        thread.start()
    }
    group.wait()
}

/// 10. Separate threads solve at the same time, each with its own GLPK environment.
@Suite struct ParallelTests {
    @Test func eightKnapsacksOnEightThreads() throws {
        let knapsack = Knapsack()
        let expected = knapsack.bruteForce()
        let results = Locked<[Int: Result<Solution, Error>]>([:])
        onSeparateThreads(8) { i in
            let result = Result { () throws -> Solution in
                // Alternate the methods so the threads do not run in lockstep.
                let options = SolveOptions(method: i % 2 == 0 ? .dualSimplex : .primalSimplex, presolve: i % 4 < 2)
                return try GLPKSolver().solve(knapsack.program, options: options)
            }
            results.withValue { $0[i] = result }
        }
        let all = results.current
        #expect(all.count == 8)
        for (i, result) in all.sorted(by: { $0.key < $1.key }) {
            let s = try result.get()
            #expect(s.status == .optimal, "thread \(i)")
            expectClose(s.objective, expected.value, "thread \(i): objective")
            #expect(s.columnValues == expected.best[0], "thread \(i)")
        }
    }

    @Test func concurrentPerformOfMixedProgramsAgreesWithSerialSolves() throws {
        let programs = [productionLP(), Knapsack().program, marketSplit(rows: 2, columns: 12, seed: 7),
                        productionLP(sense: .minimize)]
        let serial = try programs.map { try GLPKSolver().solve($0) }
        let results = Locked<[Int: Result<Solution, Error>]>([:])
        DispatchQueue.concurrentPerform(iterations: 16) { i in
            let result = Result { try GLPKSolver().solve(programs[i % programs.count]) }
            results.withValue { $0[i] = result }
        }
        for (i, result) in results.current {
            let s = try result.get()
            let reference = serial[i % programs.count]
            #expect(s.status == reference.status, "iteration \(i)")
            #expect(s.objective == reference.objective, "iteration \(i)")
            #expect(s.columnValues == reference.columnValues, "iteration \(i): GLPK is deterministic")
        }
    }

    @Test func aGuardFailureOnOneThreadLeavesOtherThreadsAlone() throws {
        let knapsack = Knapsack()
        let objectives = Locked<[Int: Double]>([:])
        let failures = Locked<[Int: Int32]>([:])
        onSeparateThreads(8) { i in
            for round in 0..<5 {
                if i % 2 == 0 {
                    // Fail inside GLPK on this thread, then solve again.
                    if let prob = try? createTwoByTwo() {
                        let (code, _) = capturingGLPKTerminal { rd_set_col_bnds(prob, 9, GLP_LO, 0, 0) }
                        failures.withValue { $0[i * 10 + round] = code }
                    }
                }
                let objective = (try? GLPKSolver().solve(knapsack.program).objective) ?? .nan
                objectives.withValue { $0[i * 10 + round] = objective }
            }
        }
        #expect(failures.current.count == 20)
        #expect(failures.current.values.allSatisfy { $0 == RD_GLPK_FAILED })
        #expect(objectives.current.count == 40)
        #expect(objectives.current.values.allSatisfy { $0 == 69 }, "\(objectives.current)")
    }
}
