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

/// The fast planner's result proven optimal, checked, and equal to the literal model's W and C.
func expectAgreement(_ fast: Planner.Result, _ direct: DirectModel.Result,
                     sourceLocation: SourceLocation = #_sourceLocation) throws {
    #expect(fast.status == .optimal, sourceLocation: sourceLocation)
    let check = try #require(fast.check, sourceLocation: sourceLocation)
    #expect(check.isValid, "\(check.violations)", sourceLocation: sourceLocation)
    #expect(same(check.weightedShortage, direct.weightedShortage),
            "W: fast \(check.weightedShortage) direct \(direct.weightedShortage)", sourceLocation: sourceLocation)
    #expect(same(check.cost, direct.cost), "C: fast \(check.cost) direct \(direct.cost)", sourceLocation: sourceLocation)
}

func school(_ id: String, area: String = "A", level: String = "primary", classes: Int = 1,
            lat: Double? = nil, lon: Double? = nil, priority: Double = 1) -> School {
    School(id: id, name: id, area: area, level: level, classes: classes, latitude: lat, longitude: lon, priority: priority)
}
