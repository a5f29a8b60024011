import Benchmark
import Foundation
import RedeployDomain
import RedeployPlanner
import ScenarioIO

// The planner on generated provinces (issue 4's targets): 150, 600 (with and without
// qualifications and an outflow cap) and 3,500 schools. The scenarios are written by
// Benchmarks/scenarios.sh (ScenarioGenerator is not a product of the root package, so the
// suite cannot generate them in-process); their parameters live there.
//
// Environment:
//   REDEPLOY_BENCH_SCENARIOS  folder holding s150, s600, s600q, s3500 (default Benchmarks/.scenarios)
//   REDEPLOY_BENCH_TIME_LIMIT seconds given to Planner for one solve (default 600)

/// One benchmark scenario and the budget it gets.
struct Case {
    var name: String
    var label: String
    var iterations: Int
    var maxDuration: Duration
}

let cases = [
    Case(name: "s150", label: "150 schools, 5 areas, 30 km", iterations: 10, maxDuration: .seconds(30)),
    Case(name: "s600", label: "600 schools, 13 areas, 30 km", iterations: 3, maxDuration: .seconds(120)),
    Case(name: "s600q", label: "600 schools, 13 areas, 30 km, qualifications, max_out_share 0.2", iterations: 1,
         maxDuration: .seconds(1)),
    Case(name: "s3500", label: "3500 schools, 40 areas, 20 km", iterations: 1, maxDuration: .seconds(1)),
]

let scenarioFolder: String = {
    if let folder = ProcessInfo.processInfo.environment["REDEPLOY_BENCH_SCENARIOS"] { return folder }
    // .../Benchmarks/Benchmarks/PlannerBenchmarks/PlannerBenchmarks.swift -> .../Benchmarks/.scenarios
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.appendingPathComponent(".scenarios").path
}()

let timeLimit: Double = ProcessInfo.processInfo.environment["REDEPLOY_BENCH_TIME_LIMIT"].flatMap(Double.init) ?? 600

func loadInstance(_ name: String) -> Instance {
    let path = (scenarioFolder as NSString).appendingPathComponent(name)
    do {
        return Instance(try ScenarioLoader.load(path))
    } catch {
        fatalError("""
            cannot load the benchmark scenario \(path): \(error.diagnostics.map(\.description).joined(separator: "; "))
            Write the scenarios first: Benchmarks/scenarios.sh (from the repository root).
            """)
    }
}

/// 1 when the plan is proven optimal, 0 otherwise (time limit reached).
let optimalMetric = BenchmarkMetric.custom("optimal (1 = yes)", polarity: .prefersLarger, useScalingFactor: false)

let benchmarks: @Sendable () -> Void = {
    let metrics: [BenchmarkMetric] = [.wallClock, .cpuTotal, .peakMemoryResident, .mallocCountTotal]

    for c in cases {
        // Model building alone: how much of a solve is spent before GLPK starts.
        Benchmark("FlowModel build: \(c.label)",
                  configuration: .init(metrics: [.wallClock, .peakMemoryResident, .mallocCountTotal],
                                       warmupIterations: 0, maxDuration: .seconds(10), maxIterations: 5)) { benchmark, instance in
            for _ in benchmark.scaledIterations {
                blackHole(FlowModel(instance).program.entryCount)
            }
        } setup: {
            loadInstance(c.name)
        }

        Benchmark("Planner.solve: \(c.label)",
                  configuration: .init(metrics: metrics + [optimalMetric], timeUnits: .milliseconds,
                                       warmupIterations: 0, maxDuration: c.maxDuration, maxIterations: c.iterations)) { benchmark, instance in
            var optimal = 1
            for _ in benchmark.scaledIterations {
                let result = try Planner(options: .init(timeLimit: timeLimit)).solve(instance)
                if result.status != .optimal { optimal = 0 }
                blackHole(result.plan.actions.count)
            }
            benchmark.measurement(optimalMetric, optimal)
        } setup: {
            loadInstance(c.name)
        }
    }
}
