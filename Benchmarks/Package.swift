// swift-tools-version:6.1
// Benchmarks of redeploy's planner, kept out of the main package so that its build and CI
// never compile package-benchmark. Run from the repository root:
//   Benchmarks/scenarios.sh            # once: writes the generated scenarios to Benchmarks/.scenarios
//   swift package --package-path Benchmarks benchmark
import PackageDescription

// A path dependency's identity is the last component of its folder ("redeploy" in a clone
// named so, "main" in a work tree named so), so name it from where this manifest lives.
let root = Context.packageDirectory.split(separator: "/").dropLast().last.map(String.init) ?? "redeploy"

let package = Package(
    name: "redeploy-benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(path: "../"),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "PlannerBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "RedeployPlanner", package: root),
                .product(name: "RedeployDomain", package: root),
                .product(name: "ScenarioIO", package: root),
            ],
            path: "Benchmarks/PlannerBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
