// swift-tools-version:6.0
// libFuzzer harness for the readers of ScenarioIO. A separate package, so that neither the main
// build nor CI builds it. Build and run with scripts/fuzz.sh (see docs/RELIABILITY.md).
//
// One executable per reader; each defines LLVMFuzzerTestOneInput and is linked with libFuzzer by
// `-sanitize=fuzzer`. To fuzz another reader, add a folder Sources/FuzzNAME with one file calling
// the reader and `Fuzz.check(...)` (copy FuzzPlan.swift), one line below, a seed folder
// corpus/FuzzNAME, and the name to TARGETS in scripts/fuzz.sh.
import Foundation
import PackageDescription

// The root package's identity is its folder's name (`.package(path:)`), whatever the clone is called.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
let rootIdentity = root.lastPathComponent.lowercased()

func fuzzer(_ name: String) -> Target {
    .executableTarget(name: name, dependencies: ["FuzzSupport"])
}

let package = Package(
    name: "redeploy-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(path: "../"),
    ],
    targets: [
        // The invariants every reader must keep, and a valid scenario to mutate one file of.
        .target(name: "CFuzzDriver"),
        .target(name: "FuzzSupport", dependencies: [
            "CFuzzDriver",
            .product(name: "ScenarioIO", package: rootIdentity),
            .product(name: "RedeployDomain", package: rootIdentity),
        ]),
        fuzzer("FuzzCSV"),       // CSVTable.parse on arbitrary bytes
        fuzzer("FuzzScenario"),  // ScenarioLoader.load with one of its files replaced by the input
        fuzzer("FuzzPlan"),      // PlanReader (plan.csv for `redeploy evaluate`) on arbitrary bytes
        // .xlsx: WorkbookReader, a whole-workbook scenario, a plan workbook (first byte: which part)
        .executableTarget(name: "FuzzWorkbook", dependencies: [
            "FuzzSupport", .product(name: "Workbook", package: rootIdentity),
        ]),
    ]
)
