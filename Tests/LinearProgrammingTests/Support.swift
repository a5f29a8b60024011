// Shared programs and helpers for the solver layer's tests.
import Foundation
import RedeployTestSupport
import Testing
@testable import LinearProgramming

// MARK: Numbers

func expectClose(_ actual: Double, _ expected: Double, tolerance: Double = 1e-7,
                 _ what: String = "", sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(abs(actual - expected) <= tolerance * max(1, abs(expected)),
            "\(what): got \(actual), expected \(expected)", sourceLocation: sourceLocation)
}

func expectClose(_ actual: [Double]?, _ expected: [Double], tolerance: Double = 1e-7,
                 _ what: String = "", sourceLocation: SourceLocation = #_sourceLocation) {
    guard let actual else {
        Issue.record("\(what): got nil, expected \(expected)", sourceLocation: sourceLocation)
        return
    }
    #expect(actual.count == expected.count, "\(what): got \(actual), expected \(expected)",
            sourceLocation: sourceLocation)
    guard actual.count == expected.count else { return }
    let close = zip(actual, expected).allSatisfy { abs($0 - $1) <= tolerance * max(1, abs($1)) }
    #expect(close, "\(what): got \(actual), expected \(expected)", sourceLocation: sourceLocation)
}

/// Every way the solver layer can run the simplex.
let allSimplexVariants: [(method: SolveOptions.Method, presolve: Bool)] = [
    (.primalSimplex, false), (.primalSimplex, true), (.dualSimplex, false), (.dualSimplex, true),
]

// MARK: Programs with answers worked out by hand

/// A production LP (Hillier and Lieberman's Wyndor, plus an unprofitable third product z):
///
///     max 3x + 5y + z
///     r1:  x      +  z <= 4
///     r2:     2y       <= 12
///     r3: 3x + 2y + 2z <= 18,   x, y, z >= 0
///
/// Optimum x = 2, y = 6, z = 0, value 36. Basis {x, y, slack of r1}: row duals (r1, r2, r3) =
/// (0, 3/2, 1) from  pi_B = c_B B^-1  (3 = 3*pi3, 5 = 2*pi2 + 2*pi3), reduced costs
/// d = c - A'pi = (0, 0, 1 - 2*1) = (0, 0, -1). The primal is non-degenerate (x, y and r1's
/// slack are strictly inside their bounds) and z's reduced cost is non-zero, so both the
/// primal and the dual solution are unique. Minimising the negated objective negates the
/// objective, the duals and the reduced costs.
func productionLP(sense: LinearProgram.Sense = .maximize) -> LinearProgram {
    let sign: Double = sense == .maximize ? 1 : -1
    var p = LinearProgram(name: "production", sense: sense)
    let x = p.addColumn(name: "x", cost: sign * 3)
    let y = p.addColumn(name: "y", cost: sign * 5)
    let z = p.addColumn(name: "z", cost: sign * 1)
    p.addRow(name: "r1", upper: 4, terms: [(x, 1), (z, 1)])
    p.addRow(name: "r2", upper: 12, terms: [(y, 2)])
    p.addRow(name: "r3", upper: 18, terms: [(x, 3), (y, 2), (z, 2)])
    return p
}

let productionValues: [Double] = [2, 6, 0]
let productionActivities: [Double] = [2, 12, 18]
let productionDualsMax: [Double] = [0, 1.5, 1]
let productionReducedCostsMax: [Double] = [0, 0, -1]

/// A 0-1 knapsack of 8 items.
struct Knapsack {
    var weights: [Double] = [12, 7, 11, 8, 9, 6, 14, 5]
    var values: [Double] = [24, 13, 23, 15, 16, 11, 27, 9]
    var capacity: Double = 35

    var program: LinearProgram {
        var p = LinearProgram(name: "knapsack", sense: .maximize)
        for (j, value) in values.enumerated() {
            p.addColumn(name: "item\(j)", lower: 0, upper: 1, cost: value, isInteger: true)
        }
        p.addRow(name: "capacity", upper: capacity,
                 terms: weights.enumerated().map { (column: $0.offset, value: $0.element) })
        return p
    }

    /// The best subsets over all 2^n, by brute force.
    func bruteForce() -> (value: Double, best: [[Double]]) {
        var bestValue = -Double.infinity
        var best: [[Double]] = []
        for mask in 0..<(1 << values.count) {
            let x = values.indices.map { Double((mask >> $0) & 1) }
            let weight = zip(weights, x).map { $0 * $1 }.reduce(0, +)
            guard weight <= capacity else { continue }
            let value = zip(values, x).map { $0 * $1 }.reduce(0, +)
            if value > bestValue { bestValue = value; best = [x] } else if value == bestValue { best.append(x) }
        }
        return (bestValue, best)
    }

    /// The LP relaxation's optimum: Dantzig's greedy by value per weight, the last item split.
    func fractionalOptimum() -> Double {
        var room = capacity
        var total = 0.0
        for j in values.indices.sorted(by: { values[$0] / weights[$0] > values[$1] / weights[$1] }) {
            let take = min(1, room / weights[j])
            total += take * values[j]
            room -= take * weights[j]
            if room <= 0 { break }
        }
        return total
    }
}

// MARK: Deterministic randomness

/// The tests' one seeded generator (RedeployTestSupport), named here so that every file of
/// this target sees it without importing the support module itself.
typealias SplitMix64 = RedeployTestSupport.SplitMix64

/// A market-split instance (Cornuejols and Dawande 1998): m dense equality rows over n binary
/// columns, a_ij uniform in 0...99, right-hand sides half the row sums. With m = 5, n = 40 it
/// is almost surely infeasible and far beyond LP-based branch-and-bound in a second.
func marketSplit(rows m: Int, columns n: Int, seed: UInt64) -> LinearProgram {
    var rng = SplitMix64(seed: seed)
    var p = LinearProgram(name: "market_split")
    for j in 0..<n { p.addColumn(name: "x\(j)", lower: 0, upper: 1, cost: Double(Int.random(in: 1...9, using: &rng)), isInteger: true) }
    for i in 0..<m {
        let a = (0..<n).map { _ in Double(Int.random(in: 0...99, using: &rng)) }
        let d = (a.reduce(0, +) / 2).rounded(.down)
        p.addRow(name: "split\(i)", lower: d, upper: d, terms: a.enumerated().map { (column: $0.offset, value: $0.element) })
    }
    return p
}

// MARK: Errors

/// The error `body` throws, or nil.
func thrownError(_ body: () throws -> Void) -> Error? {
    do { try body(); return nil } catch { return error }
}

// MARK: Files and processes

func temporaryDirectory() throws -> URL {
    try TestFolders.fresh("lp-tests")
}

/// glpsol on PATH, or nil.
func findGlpsol() -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for dir in path.split(separator: ":") {
        let candidate = "\(dir)/glpsol"
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
}

struct GlpsolResult {
    var exitCode: Int32
    var terminal: String
    var report: String
    /// "OPTIMAL", "INTEGER OPTIMAL", "INFEASIBLE (FINAL)", ...
    var status: String?
    var objective: Double?
}

/// Runs `glpsol <arguments> FILE -o REPORT` and reads status and objective from the report.
func runGlpsol(_ arguments: [String], file: URL, sourceLocation: SourceLocation = #_sourceLocation) throws -> GlpsolResult {
    let glpsol = try #require(findGlpsol(), """
        glpsol is not on PATH: install glpk-utils (scripts/install-deps.sh does) to check exported files
        """, sourceLocation: sourceLocation)
    let report = file.deletingPathExtension().appendingPathExtension("\(arguments.joined())-report.txt")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: glpsol)
    process.arguments = arguments + [file.path, "-o", report.path]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let text = (try? String(contentsOf: report, encoding: .utf8)) ?? ""
    var result = GlpsolResult(exitCode: process.terminationStatus,
                              terminal: String(decoding: output, as: UTF8.self), report: text)
    for line in text.split(separator: "\n") {
        if line.hasPrefix("Status:") {
            result.status = line.dropFirst("Status:".count).trimmingCharacters(in: .whitespaces)
        } else if line.hasPrefix("Objective:"), let equals = line.firstIndex(of: "=") {
            // "Objective:  obj = 36 (MAXimum)"
            let number = line[line.index(after: equals)...].split(separator: " ").first.map(String.init)
            result.objective = number.flatMap(Double.init)
        }
    }
    return result
}

// MARK: Shared state for closures

/// A lock-protected value, for closures that GLPK or other threads call.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value
    init(_ value: Value) { self.value = value }
    func withValue<R>(_ body: (inout Value) throws -> R) rethrows -> R {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
    var current: Value { withValue { $0 } }
}
