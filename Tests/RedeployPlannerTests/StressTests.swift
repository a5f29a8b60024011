import Foundation
import RedeployDomain
import RedeployTestSupport
import ScenarioGenerator
import ScenarioIO
import Testing
@testable import RedeployPlanner

/// One generated province of the stress grid.
struct StressCase: CustomStringConvertible, Sendable {
    var province: ProvincePreset?
    var schools: Int
    /// distances.csv within this many km (a partial table); nil: none, coordinates only.
    var distancesWithinKm: Double?
    var qualifications: Bool
    var maxOutShare: Double?
    var sharing: Bool
    var payrollChange: Int
    var maxDistanceKm: Double?
    var seed: UInt64

    var description: String {
        "\(province?.rawValue ?? "generic") \(schools) schools, distances \(distancesWithinKm.map { "\(Int($0)) km" } ?? "none"), "
            + "qualifications \(qualifications), max_out_share \(maxOutShare.map { "\($0)" } ?? "null"), sharing \(sharing), "
            + "payroll \(payrollChange), max_distance_km \(maxDistanceKm.map { "\(Int($0))" } ?? "null"), seed \(seed)"
    }

    var scenario: Scenario {
        var options = GeneratorOptions(schools: schools, areas: max(2, schools / 40), seed: seed, province: province)
        options.distancesWithinKm = distancesWithinKm
        options.qualifications = qualifications
        options.policy.maxOutShare = maxOutShare
        options.policy.sharing = sharing
        options.policy.maxDistanceKm = maxDistanceKm
        var scenario = ScenarioGenerator.generate(options)
        // Streamlining: a share of today's headcount, which the generator does not know beforehand.
        let headcount = scenario.staff.reduce(0) { $0 + $1.teachers }
        scenario.policy.payrollChange = payrollChange < 0 ? -headcount * -payrollChange / 100 : payrollChange
        return scenario
    }

    /// The grid: every knob crossed with a few others, seeds varying with the position so that
    /// no two cases share one. `long` is the form for Benchmarks (500+ cases, 50-600 schools);
    /// the short form keeps `swift test` within seconds per case in a debug build.
    static func grid(long: Bool) -> [StressCase] {
        let sizes = long ? [50, 120, 300, 600] : [40, 90]
        let distances: [Double?] = [nil, 20, 60, 200]
        let provinces: [ProvincePreset?] = [.quangNinh, .socTrang, nil]
        var cases: [StressCase] = []
        var n: UInt64 = 0
        for size in sizes {
            for km in distances {
                for policy in 0..<(long ? 12 : 3) {
                    n += 1
                    let province = provinces[Int(n) % provinces.count]
                    cases.append(StressCase(
                        province: province, schools: size, distancesWithinKm: km,
                        qualifications: policy % 2 == 0,
                        maxOutShare: policy % 3 == 1 ? 0.2 : nil,
                        sharing: policy % 5 == 4,
                        payrollChange: policy % 4 == 3 ? -3 : 0,   // -3: cut 3% of the payroll
                        maxDistanceKm: policy % 6 == 2 ? 30 : nil,
                        seed: 1_000 + n))
                }
            }
        }
        if long {
            // More seeds of the shape that looped: a province with a partial 60 km table.
            for seed in 1...(UInt64(500 - cases.count) + 20) {
                cases.append(StressCase(province: .quangNinh, schools: 300, distancesWithinKm: 60, qualifications: true,
                                        maxOutShare: nil, sharing: false, payrollChange: 0, maxDistanceKm: nil, seed: seed))
            }
        }
        return cases
    }
}

/// Solves a case, checks the plan independently, and where the network simplex decided,
/// solves the same model with GLPK alone and compares W and C (docs/MODEL.md 3.2).
/// Returns the seconds the fast solve took.
@discardableResult
func solveAndCrossCheck(_ scenario: Scenario, timeLimit: Double, _ what: String,
                        sourceLocation: SourceLocation = #_sourceLocation) throws -> Double {
    let instance = Instance(scenario)
    let clock = ContinuousClock()
    let start = clock.now
    let fast = try Planner(options: .init(timeLimit: timeLimit)).solve(instance)
    let seconds = Double((clock.now - start).components.seconds) + Double((clock.now - start).components.attoseconds) * 1e-18
    let check = try #require(fast.check, "\(what): no plan (\(fast.status))", sourceLocation: sourceLocation)
    #expect(check.isValid, "\(what): \(check.violations.prefix(3))", sourceLocation: sourceLocation)
    #expect(fast.status == .optimal, "\(what): \(fast.status), stages \(fast.stages)", sourceLocation: sourceLocation)
    guard fast.stages.first == "network" else { return seconds }
    let glpk = try Planner(options: .init(timeLimit: 10 * timeLimit, networkSimplex: false)).solve(instance)
    let other = try #require(glpk.check, "\(what): GLPK found no plan (\(glpk.status))", sourceLocation: sourceLocation)
    #expect(glpk.status == .optimal, "\(what): GLPK \(glpk.status)", sourceLocation: sourceLocation)
    #expect(same(check.weightedShortage, other.weightedShortage),
            "\(what): W network \(check.weightedShortage), GLPK \(other.weightedShortage)", sourceLocation: sourceLocation)
    #expect(same(check.cost, other.cost), "\(what): C network \(check.cost), GLPK \(other.cost)",
            sourceLocation: sourceLocation)
    return seconds
}

@Suite struct StressTests {
    /// The short grid. Each case must end well within its bound with a plan the independent
    /// checker accepts; a network solve must equal GLPK's on the same model. (The long grid:
    /// Benchmarks/stress.sh.)
    @Test(arguments: StressCase.grid(long: false))
    func everyGeneratedCaseEndsCheckedAndAgrees(_ stress: StressCase) throws {
        try solveAndCrossCheck(stress.scenario, timeLimit: 120, stress.description)
    }

    /// The long grid, only when asked: REDEPLOY_STRESS=long swift test -c release --filter StressTests.
    /// Prints the slowest solve per size.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["REDEPLOY_STRESS"] == "long"))
    func longGrid() throws {
        var slowest: [Int: (Double, String)] = [:]
        let cases = StressCase.grid(long: true)
        for stress in cases {
            let seconds = try solveAndCrossCheck(stress.scenario, timeLimit: 120, stress.description)
            if seconds > slowest[stress.schools]?.0 ?? -1 { slowest[stress.schools] = (seconds, stress.description) }
        }
        print("stress grid: \(cases.count) cases, each solved, checked, and held against GLPK where the network decided")
        for (size, (seconds, what)) in slowest.sorted(by: { $0.key < $1.key }) {
            print(String(format: "  %4d schools: slowest %.2f s (%@)", size, seconds, what))
        }
    }

    /// The two provinces that made the double-cost network simplex loop for minutes (generated
    /// by `redeploy generate --province quang-ninh --schools 300 --distances 60 --seed 7` and
    /// `--seed 8`, kept as they were generated). The network simplex must now end, optimal, and
    /// equal GLPK on the same model.
    @Test(arguments: ["quang-ninh-300-seed7", "quang-ninh-300-seed8"])
    func partialDistanceTablesThatLoopedNowSolve(_ name: String) throws {
        let folder = ConformanceExamples.folder.deletingLastPathComponent()
            .appendingPathComponent("partial-distances/\(name)")
        let scenario = try ScenarioLoader.load(folder.path)
        let result = try Planner(options: .init(timeLimit: 120)).solve(Instance(scenario))
        #expect(result.stages == ["network", "network-face"])
        try solveAndCrossCheck(scenario, timeLimit: 120, name)
    }
}
