import Foundation
import Testing
@testable import LinearProgramming

/// 6. Every guard of `LinearProgram.validated()` and `SolveOptions.validate()`: each defect is
/// refused with its exact error, by solve and by both writers, before anything reaches GLPK.
@Suite struct ValidationTests {
    /// Two columns, two rows, one entry each: valid, with a known optimum (min x + y, x >= 1, y >= 2 -> 3).
    static func valid() -> LinearProgram {
        var p = LinearProgram()
        let x = p.addColumn(name: "x", cost: 1, isInteger: true)
        let y = p.addColumn(name: "y", cost: 1)
        p.addRow(name: "a", lower: 1, terms: [(x, 1)])
        p.addRow(name: "b", lower: 2, terms: [(y, 1)])
        return p
    }

    /// Checks that solve, writeMPS and writeLP all throw an error `matches` accepts, and that no
    /// file was written.
    func expectRejected(_ program: LinearProgram, _ what: String,
                        sourceLocation: SourceLocation = #_sourceLocation,
                        _ matches: (LinearProgramError) -> Bool) throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let mps = dir.appendingPathComponent("p.mps").path
        let lp = dir.appendingPathComponent("p.lp").path
        let errors: [(String, Error?)] = [
            ("solve", thrownError { _ = try GLPKSolver().solve(program) }),
            ("writeMPS", thrownError { try GLPKSolver().writeMPS(program, to: mps) }),
            ("writeLP", thrownError { try GLPKSolver().writeLP(program, to: lp) }),
        ]
        for (call, error) in errors {
            let typed = error as? LinearProgramError
            #expect(typed.map(matches) == true, "\(what), \(call): threw \(String(describing: error))",
                    sourceLocation: sourceLocation)
        }
        #expect(!FileManager.default.fileExists(atPath: mps) && !FileManager.default.fileExists(atPath: lp),
                "\(what): a file was written", sourceLocation: sourceLocation)
    }

    @Test func theValidProgramSolves() throws {
        let s = try GLPKSolver().solve(Self.valid())
        #expect(s.status == .optimal)
        expectClose(s.objective, 3, "objective")
    }

    // MARK: Bounds

    @Test func nanBounds() throws {
        var p = Self.valid()
        p.setBounds(row: 1, lower: .nan, upper: 4)
        try expectRejected(p, "NaN row lower") {
            guard case let .invalidBound(.row, 1, lower, 4) = $0 else { return false }
            return lower.isNaN
        }
        p = Self.valid()
        p.setBounds(column: 1, lower: 0, upper: .nan)
        try expectRejected(p, "NaN column upper") {
            guard case let .invalidBound(.column, 1, 0, upper) = $0 else { return false }
            return upper.isNaN
        }
    }

    @Test func plusInfinityLowerBound() throws {
        var p = Self.valid()
        p.setBounds(row: 0, lower: .infinity, upper: .infinity)
        try expectRejected(p, "row") { $0 == .invalidBound(kind: .row, index: 0, lower: .infinity, upper: .infinity) }
        p = Self.valid()
        p.setBounds(column: 1, lower: .infinity, upper: .infinity)
        try expectRejected(p, "column") { $0 == .invalidBound(kind: .column, index: 1, lower: .infinity, upper: .infinity) }
    }

    @Test func minusInfinityUpperBound() throws {
        var p = Self.valid()
        p.setBounds(row: 1, lower: -.infinity, upper: -.infinity)
        try expectRejected(p, "row") { $0 == .invalidBound(kind: .row, index: 1, lower: -.infinity, upper: -.infinity) }
        p = Self.valid()
        p.setBounds(column: 0, lower: -.infinity, upper: -.infinity)
        try expectRejected(p, "column") { $0 == .invalidBound(kind: .column, index: 0, lower: -.infinity, upper: -.infinity) }
    }

    @Test func invertedBounds() throws {
        var p = Self.valid()
        p.setBounds(row: 1, lower: 2, upper: 1)
        try expectRejected(p, "row") { $0 == .invertedBounds(kind: .row, index: 1, lower: 2, upper: 1) }
        p = Self.valid()
        p.setBounds(column: 1, lower: 0.5, upper: -0.5)
        try expectRejected(p, "column") { $0 == .invertedBounds(kind: .column, index: 1, lower: 0.5, upper: -0.5) }
    }

    @Test func fractionalBoundsOnAnIntegerColumn() throws {
        var p = Self.valid()
        p.setBounds(column: 0, lower: 0.5, upper: 3)
        try expectRejected(p, "lower") { $0 == .fractionalIntegerBound(column: 0, lower: 0.5, upper: 3) }
        p = Self.valid()
        p.setBounds(column: 0, lower: -.infinity, upper: 2.25)
        try expectRejected(p, "upper") { $0 == .fractionalIntegerBound(column: 0, lower: -.infinity, upper: 2.25) }
        // The same bounds on a continuous column are fine.
        p.setInteger(column: 0, false)
        p.setBounds(row: 0, lower: 1, upper: 2)
        expectClose(try GLPKSolver().solve(p).objective, 3, "continuous column with fractional bounds")
    }

    // MARK: Numbers

    @Test func nonFiniteCost() throws {
        var p = Self.valid()
        p.setCost(column: 1, .infinity)
        try expectRejected(p, "inf") { $0 == .nonFiniteCost(column: 1, value: .infinity) }
        p.setCost(column: 1, .nan)
        try expectRejected(p, "NaN") {
            guard case let .nonFiniteCost(1, value) = $0 else { return false }
            return value.isNaN
        }
    }

    @Test func nonFiniteObjectiveConstant() throws {
        var p = Self.valid()
        p.objectiveConstant = -.infinity
        try expectRejected(p, "-inf") { $0 == .nonFiniteObjectiveConstant(-.infinity) }
        p.objectiveConstant = .nan
        try expectRejected(p, "NaN") {
            guard case let .nonFiniteObjectiveConstant(value) = $0 else { return false }
            return value.isNaN
        }
    }

    @Test func nonFiniteCoefficient() throws {
        for value in [Double.infinity, -.infinity] {
            var p = Self.valid()
            p.addEntry(row: 1, column: 0, value: value)
            try expectRejected(p, "\(value)") { $0 == .nonFiniteCoefficient(row: 1, column: 0, value: value) }
        }
        var p = Self.valid()
        p.addEntry(row: 0, column: 1, value: .nan)
        try expectRejected(p, "NaN") {
            guard case let .nonFiniteCoefficient(0, 1, value) = $0 else { return false }
            return value.isNaN
        }
    }

    // MARK: Matrix

    @Test func indexOutOfRange() throws {
        for (row, column) in [(2, 0), (0, 2), (-1, 0), (0, -1), (7, -3)] {
            var p = Self.valid()
            p.addEntry(row: row, column: column, value: 1)
            try expectRejected(p, "(\(row), \(column))") { $0 == .indexOutOfRange(row: row, column: column) }
        }
        // An index beyond Int32 must not wrap onto a valid one (2^32 truncates to 0): it is
        // clamped to Int32's range and reported out of range.
        let big = Int(Int32.max), small = Int(Int32.min)
        for (row, column, reported) in [(1 << 32, 0, (big, 0)), (0, 1 << 32, (0, big)),
                                        (-(1 << 32), 1, (small, 1)), (1 << 33 | 1, 0, (big, 0))] {
            var p = Self.valid()
            p.addEntry(row: row, column: column, value: 1)
            try expectRejected(p, "(\(row), \(column))") { $0 == .indexOutOfRange(row: reported.0, column: reported.1) }
        }
    }

    @Test func duplicateEntry() throws {
        var p = Self.valid()
        p.addEntry(row: 1, column: 1, value: 3)   // (1, 1) already holds 1, and they are not adjacent
        try expectRejected(p, "appended") { $0 == .duplicateEntry(row: 1, column: 1) }
        var q = LinearProgram()
        let x = q.addColumn()
        q.addRow(upper: 1, terms: [(x, 1), (x, 2)])
        try expectRejected(q, "in one row") { $0 == .duplicateEntry(row: 0, column: 0) }
    }

    @Test func zeroEntriesAreDroppedNotDuplicates() throws {
        var p = Self.valid()
        p.addEntry(row: 1, column: 1, value: 0)
        #expect(try p.validated().count == 2)
        expectClose(try GLPKSolver().solve(p).objective, 3, "objective")
    }

    // MARK: Names

    @Test func nameOver255Bytes() throws {
        let long = String(repeating: "a", count: 256)
        let reason = "is longer than 255 bytes"
        var p = Self.valid()
        p.name = long
        try expectRejected(p, "problem") { $0 == .invalidName(kind: .problem, index: 0, reason: reason) }
        p = Self.valid()
        p.addRow(name: long)
        try expectRejected(p, "row") { $0 == .invalidName(kind: .row, index: 2, reason: reason) }
        p = Self.valid()
        p.addColumn(name: long)
        try expectRejected(p, "column") { $0 == .invalidName(kind: .column, index: 2, reason: reason) }
        // Bytes, not characters: 128 two-byte letters are 256 bytes.
        p = Self.valid()
        p.addColumn(name: String(repeating: "Đ", count: 128))
        try expectRejected(p, "multi-byte") { $0 == .invalidName(kind: .column, index: 2, reason: reason) }
        // 255 bytes are fine.
        p = Self.valid()
        p.name = String(repeating: "b", count: 255)
        p.addColumn(name: String(repeating: "ư", count: 127) + "c")
        expectClose(try GLPKSolver().solve(p).objective, 3, "255-byte names")
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try GLPKSolver().writeMPS(p, to: dir.appendingPathComponent("ok.mps").path)
    }

    @Test func nameWithAControlCharacter() throws {
        let reason = "contains a control character"
        for bad in ["tab\there", "new\nline", "nul\0", "del\u{7F}", "\u{1B}[31m"] {
            var p = Self.valid()
            p.addRow(name: bad)
            try expectRejected(p, "row \(bad.debugDescription)") { $0 == .invalidName(kind: .row, index: 2, reason: reason) }
            p = Self.valid()
            p.addColumn(name: bad)
            try expectRejected(p, "column \(bad.debugDescription)") { $0 == .invalidName(kind: .column, index: 2, reason: reason) }
            p = Self.valid()
            p.name = bad
            try expectRejected(p, "problem \(bad.debugDescription)") { $0 == .invalidName(kind: .problem, index: 0, reason: reason) }
        }
    }

    // MARK: Options

    func optionError(_ options: SolveOptions) -> LinearProgramError? {
        thrownError { _ = try GLPKSolver().solve(Self.valid(), options: options) } as? LinearProgramError
    }

    @Test func badTimeLimit() throws {
        let tooLong = SolveOptions.maximumTimeLimit.nextUp
        for limit in [-1, -Double.ulpOfOne, .nan, .infinity, tooLong, Double(Int32.max)] {
            let error = optionError(SolveOptions(timeLimit: limit))
            guard case let .invalidOption(message)? = error else {
                Issue.record("time limit \(limit): \(String(describing: error))")
                continue
            }
            #expect(message.hasPrefix("time limit "), "\(message)")
        }
        #expect(SolveOptions.maximumTimeLimit == 2_147_483.647)
        for limit in [0.5, SolveOptions.maximumTimeLimit] {
            let s = try GLPKSolver().solve(Self.valid(), options: SolveOptions(timeLimit: limit))
            #expect(s.status == .optimal, "time limit \(limit)")
        }
    }

    @Test func badGap() throws {
        for gap in [-0.01, .nan, .infinity, -.infinity] {
            let error = optionError(SolveOptions(relativeGap: gap))
            guard case let .invalidOption(message)? = error else {
                Issue.record("gap \(gap): \(String(describing: error))")
                continue
            }
            #expect(message.hasPrefix("relative gap "), "\(message)")
        }
        let s = try GLPKSolver().solve(Knapsack().program, options: SolveOptions(relativeGap: 0.5))
        #expect(s.hasPoint && s.objective <= 69)
    }
}
