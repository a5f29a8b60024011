// swift-tools-version:6.0
// redeploy: teacher redeployment plans from linear programs solved by GLPK.
// Licensed GPL-3.0-or-later (GLPK is GPL-3).
import PackageDescription

let package = Package(
    name: "redeploy",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "redeploy", targets: ["redeploy"]),
        .library(name: "LinearProgramming", targets: ["LinearProgramming"]),
        .library(name: "RedeployDomain", targets: ["RedeployDomain"]),
        .library(name: "ScenarioIO", targets: ["ScenarioIO"]),
        .library(name: "Workbook", targets: ["Workbook"]),
        .library(name: "RedeployPlanner", targets: ["RedeployPlanner"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
    ],
    targets: [
        // GLPK's C API (Debian: libglpk-dev). No pkg-config file exists, so none is named.
        .systemLibrary(name: "CGLPK", providers: [.apt(["libglpk-dev"])]),
        // setjmp guards around GLPK calls: the safety net behind the solver layer's validation.
        .target(name: "CGLPKGuard", dependencies: ["CGLPK"], linkerSettings: [.linkedLibrary("glpk")]),
        // LEMON's network simplex behind a C function (Debian: liblemon-dev), for pure min-cost flows.
        .target(name: "CNetworkFlow", linkerSettings: [.linkedLibrary("lemon")]),
        // Linear and integer programs, validated and solved with GLPK, and min-cost flows solved
        // with a network simplex; knows nothing of schools.
        .target(name: "LinearProgramming", dependencies: [
            "CGLPK", "CGLPKGuard", "CNetworkFlow",
            .product(name: "HeapModule", package: "swift-collections"),
        ]),
        // Schools, subjects, staff, policies, plans and the independent plan checker; knows nothing of GLPK.
        .target(name: "RedeployDomain"),
        // Readers and writers at the edge: scenario YAML and CSVs, plan and summary files.
        .target(name: "ScenarioIO", dependencies: [
            "RedeployDomain", "Workbook",
            .product(name: "Yams", package: "Yams"),
        ], resources: [.copy("Presets")]),
        // zlib's C API (Debian: zlib1g-dev): the workbook's zip deflated and inflated with it.
        .systemLibrary(name: "CZlibDeflate", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]),
        // Excel workbooks (.xlsx) read and written as sheets of cells; knows nothing of schools.
        .target(name: "Workbook", dependencies: ["CZlibDeflate"]),
        // Plans a person can read: the plan workbook (.xlsx) and the readable CSVs, one set of
        // tables with names, areas and labels built from a solved plan.
        .target(name: "PlanWorkbook", dependencies: ["RedeployDomain", "ScenarioIO", "Workbook"]),
        // Turns a scenario into linear programs and their solutions into plans.
        .target(name: "RedeployPlanner", dependencies: ["RedeployDomain", "LinearProgramming"]),
        // Synthetic scenarios of any size, shaped like Vietnamese provinces.
        .target(name: "ScenarioGenerator", dependencies: ["RedeployDomain", "ScenarioIO"]),
        // Self-contained HTML and Markdown reports of a solved plan.
        .target(name: "RedeployReport", dependencies: ["RedeployDomain", "ScenarioIO"]),
        // The commands behind the command line, as a library so tests can call them.
        .target(name: "RedeployCommands", dependencies: [
            "RedeployDomain", "ScenarioIO", "RedeployPlanner", "LinearProgramming", "ScenarioGenerator", "RedeployReport",
            "PlanWorkbook",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "redeploy", dependencies: ["RedeployCommands"]),

        // What several test targets share: the conformance examples kept in Tests/Fixtures (read
        // from the source tree), one seeded random generator, and the folder tests write in.
        // Not part of any product.
        .target(name: "RedeployTestSupport", path: "Tests/RedeployTestSupport"),
        .testTarget(name: "LinearProgrammingTests", dependencies: ["LinearProgramming", "CGLPKGuard", "CGLPK", "CNetworkFlow", "RedeployTestSupport"]),
        .testTarget(name: "WorkbookTests", dependencies: ["Workbook", "RedeployTestSupport"]),
        .testTarget(name: "PlanWorkbookTests", dependencies: ["PlanWorkbook", "Workbook", "ScenarioIO", "RedeployDomain", "RedeployTestSupport"]),
        .testTarget(name: "RedeployDomainTests", dependencies: ["RedeployDomain"]),
        .testTarget(name: "ScenarioIOTests", dependencies: ["ScenarioIO", "RedeployDomain", "RedeployTestSupport"]),
        .testTarget(name: "RedeployPlannerTests", dependencies: ["RedeployPlanner", "RedeployDomain", "ScenarioIO", "LinearProgramming", "ScenarioGenerator", "RedeployTestSupport"]),
        .testTarget(name: "ScenarioGeneratorTests", dependencies: ["ScenarioGenerator", "ScenarioIO", "RedeployDomain", "RedeployTestSupport"]),
        .testTarget(name: "RedeployReportTests", dependencies: ["RedeployReport", "RedeployDomain", "ScenarioIO", "RedeployTestSupport"]),
        .testTarget(name: "RedeployCommandsTests", dependencies: ["RedeployCommands", "ScenarioIO", "RedeployDomain", "RedeployTestSupport"]),
    ]
)
