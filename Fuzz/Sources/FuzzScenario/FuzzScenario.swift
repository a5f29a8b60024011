import FuzzSupport

/// ScenarioLoader.load on a valid scenario with one file replaced by the input: the first byte
/// chooses the file (modulo the number of files: scenario.yaml, schools.csv, staff.csv,
/// norms.csv, distances.csv), the rest are its bytes. The outcome is a Scenario that keeps
/// what the planner assumes, or a ScenarioError whose every diagnostic is positioned.
nonisolated(unsafe) private var fixture: ScenarioFixture?

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScenario(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard size >= 1, let data else { return 0 }
    if fixture == nil { fixture = ScenarioFixture() }
    let index = Int(data[0]) % ScenarioFixture.files.count
    fixture!.run(replacing: index, with: Array(UnsafeBufferPointer(start: data + 1, count: size - 1)))
    return 0
}

@main enum FuzzScenarioMain {
    static func main() { Fuzz.main(fuzzScenario) }
}
