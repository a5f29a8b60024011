import RedeployDomain
import RedeployPlanner
import Testing

/// Tolerance of docs/MODEL.md 3.2.
func same(_ a: Double, _ b: Double) -> Bool {
    abs(a - b) <= 1e-6 * max(1, abs(a), abs(b))
}

/// Solves and returns (W0, W, C) after asserting the independent check passed.
func solved(_ scenario: Scenario, sourceLocation: SourceLocation = #_sourceLocation) throws -> (w0: Double, w: Double, c: Double, result: Planner.Result) {
    let result = try Planner().solve(Instance(scenario))
    let check = try #require(result.check, sourceLocation: sourceLocation)
    #expect(check.isValid, sourceLocation: sourceLocation)
    #expect(result.status == .optimal, sourceLocation: sourceLocation)
    return (result.weightedShortageBefore, check.weightedShortage, check.cost, result)
}

func school(_ id: String, area: String = "A", level: String = "primary", classes: Int = 1,
            lat: Double? = nil, lon: Double? = nil, priority: Double = 1) -> School {
    School(id: id, name: id, area: area, level: level, classes: classes, latitude: lat, longitude: lon, priority: priority)
}
