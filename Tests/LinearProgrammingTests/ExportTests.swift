import Foundation
import Testing
@testable import LinearProgramming

/// 5. Exported MPS and LP files, solved again by glpsol, give our optimum.
///
/// MPS has no objective sense: GLPK writes none and glpsol minimises unless told `--max`.
/// The CPLEX LP format keeps the sense, but GLPK writes the objective constant only as a comment.
@Suite struct ExportTests {
    /// The knapsack with an objective constant and names GLPK must cope with: spaces,
    /// Vietnamese letters (multi-byte UTF-8), names longer than fixed MPS's 8 characters.
    static func namedKnapsack() -> LinearProgram {
        let knapsack = Knapsack()
        var p = LinearProgram(name: "Hà Nội knapsack", sense: .maximize)
        p.objectiveConstant = 4.25
        for (j, value) in knapsack.values.enumerated() {
            p.addColumn(name: j == 0 ? "Đà Nẵng teacher" : "item_\(j)_with_a_long_name",
                        lower: 0, upper: 1, cost: value, isInteger: true)
        }
        p.addRow(name: "sức chứa", upper: knapsack.capacity,
                 terms: knapsack.weights.enumerated().map { (column: $0.offset, value: $0.element) })
        return p
    }

    static func productionWithConstant(sense: LinearProgram.Sense) -> LinearProgram {
        var p = productionLP(sense: sense)
        p.objectiveConstant = -2.5
        return p
    }

    @Test func mpsRoundTripThroughGlpsol() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cases: [(String, LinearProgram, String)] = [
            ("knapsack", Self.namedKnapsack(), "INTEGER OPTIMAL"),
            ("production_max", Self.productionWithConstant(sense: .maximize), "OPTIMAL"),
            ("production_min", Self.productionWithConstant(sense: .minimize), "OPTIMAL"),
        ]
        for (name, program, expectedStatus) in cases {
            let ours = try GLPKSolver().solve(program)
            try #require(ours.status == .optimal)
            let sense = program.sense == .maximize ? ["--max"] : []
            for (format, flag) in [(GLPKSolver.MPSFormat.free, "--freemps"), (.fixed, "--mps")] {
                let file = dir.appendingPathComponent("\(name)-\(flag.dropFirst(2)).mps")
                try GLPKSolver().writeMPS(program, to: file.path, format: format)
                let glpsol = try runGlpsol([flag] + sense, file: file)
                let what = "\(name), \(flag)"
                #expect(glpsol.exitCode == 0, "\(what): glpsol failed:\n\(glpsol.terminal)")
                #expect(glpsol.status == expectedStatus, "\(what):\n\(glpsol.report)")
                let objective = try #require(glpsol.objective, "\(what): no objective in\n\(glpsol.report)")
                expectClose(objective, ours.objective, tolerance: 1e-9, "\(what): glpsol's objective")
            }
        }
    }

    @Test func lpFormatRoundTripThroughGlpsol() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cases: [(String, LinearProgram, String)] = [
            ("knapsack", Self.namedKnapsack(), "INTEGER OPTIMAL"),
            ("production_max", Self.productionWithConstant(sense: .maximize), "OPTIMAL"),
            ("production_min", Self.productionWithConstant(sense: .minimize), "OPTIMAL"),
        ]
        for (name, program, expectedStatus) in cases {
            let ours = try GLPKSolver().solve(program)
            let file = dir.appendingPathComponent("\(name).lp")
            try GLPKSolver().writeLP(program, to: file.path)
            let text = try String(contentsOf: file, encoding: .utf8)
            #expect(text.contains(program.sense == .maximize ? "Maximize" : "Minimize"))
            let glpsol = try runGlpsol(["--lp"], file: file)   // no --max: the LP file keeps the sense
            #expect(glpsol.exitCode == 0, "\(name): glpsol failed:\n\(glpsol.terminal)")
            #expect(glpsol.status == expectedStatus, "\(name):\n\(glpsol.report)")
            let objective = try #require(glpsol.objective, "\(name): no objective in\n\(glpsol.report)")
            // GLPK's LP writer keeps the constant only as a comment, so glpsol's optimum lacks it.
            expectClose(objective + program.objectiveConstant, ours.objective, tolerance: 1e-9, "\(name): glpsol's objective")
        }
    }

    @Test func duplicateNamesAreRefusedByTheWriters() throws {
        // glpsol refuses such files ("row 'r' multiply specified"); solving does not need names.
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var rows = productionLP()
        rows.setBounds(row: 0, lower: -.infinity, upper: 4)
        rows.addRow(name: "r2", upper: 100, terms: [])
        var columns = productionLP()
        columns.addColumn(name: "y", upper: 1)
        let cases: [(LinearProgram, LinearProgramError)] = [
            (rows, .invalidName(kind: .row, index: 3, reason: "is already the name of row 1")),
            (columns, .invalidName(kind: .column, index: 3, reason: "is already the name of column 1")),
        ]
        for (program, expected) in cases {
            let mps = dir.appendingPathComponent("dup.mps").path
            #expect(thrownError { try GLPKSolver().writeMPS(program, to: mps) } as? LinearProgramError == expected)
            #expect(thrownError { try GLPKSolver().writeLP(program, to: mps) } as? LinearProgramError == expected)
            #expect(!FileManager.default.fileExists(atPath: mps))
            expectClose(try GLPKSolver().solve(program).objective, 36, "solving ignores names")
        }
        // Empty names are not duplicates: GLPK makes its own.
        var unnamed = LinearProgram(sense: .maximize)
        let a = unnamed.addColumn(upper: 1, cost: 1)
        let b = unnamed.addColumn(upper: 2, cost: 1)
        unnamed.addRow(upper: 2.5, terms: [(a, 1), (b, 1)])
        unnamed.addRow(upper: 5, terms: [(b, 1)])
        let file = dir.appendingPathComponent("unnamed.mps")
        try GLPKSolver().writeMPS(unnamed, to: file.path)
        let glpsol = try runGlpsol(["--freemps", "--max"], file: file)
        #expect(glpsol.objective == 2.5, "\(glpsol.report)")
    }

    @Test func writingToAMissingDirectoryThrows() throws {
        let path = "/nonexistent-\(UUID().uuidString)/p.mps"
        let mps = thrownError { try GLPKSolver().writeMPS(productionLP(), to: path) }
        #expect(mps as? GLPKError == .writeFailed(path: path, code: 1))
        let lp = thrownError { try GLPKSolver().writeLP(productionLP(), to: path) }
        #expect(lp as? GLPKError == .writeFailed(path: path, code: 1))
        // The thread's GLPK is intact afterwards.
        expectClose(try GLPKSolver().solve(productionLP()).objective, 36, "objective")
    }
}
