import Foundation
@testable import RedeployDomain
import RedeployTestSupport
import Testing
@testable import RedeployPlanner

/// The checker's own 3c test (`AssignmentOptimum`): a choice with the right volunteers and points
/// but longer journeys from home is refused, with the km of both.
@Suite struct PeopleAssignmentLeastTests {
    /// t1 lives at B and t2 at C (5 points each); one goes to B and one to C. Stage 3 sends each
    /// home: 0 km. The crossed choice costs km(B home -> C) + km(C home -> B), both about 147 km.
    @Test func aLongerJourneyIsRefused() throws {
        let roster = [PeopleAssignmentTests.teacher("t1", points: 5, home: (21.0, 106.0)),
                      PeopleAssignmentTests.teacher("t2", points: 5, home: (22.0, 105.0)),
                      PeopleAssignmentTests.teacher("t3", points: 7)]
        let scenario = PeopleAssignmentTests.scenario(roster)
        let plan = Plan(actions: [PeopleAssignmentTests.transfer("A", "B", 1), PeopleAssignmentTests.transfer("A", "C", 1)])
        let best = try PeopleAssignment.assign(scenario, plan: plan)
        var crossed = best
        for k in crossed.indices { crossed[k].toSchool = crossed[k].toSchool == "B" ? "C" : "B" }
        let instance = HorizonInstance(scenario)
        #expect(AssignmentChecker.check(best, plan: plan, roster: roster, instance: instance).isValid)
        let km = Geo.haversineKm(lat1: 21, lon1: 106, lat2: 22, lon2: 105)
        let shown = String((2 * km * 100).rounded() / 100)
        #expect(AssignmentChecker.check(crossed, plan: plan, roster: roster, instance: instance).violations == [
            "'A', math: the chosen teachers live \(shown) km in all from the schools they go to, where 0 km would do "
                + "with the same volunteers and points (3c)",
        ])
    }

    /// The Hungarian algorithm on cost vectors against every assignment of 3 slots to 5
    /// candidates, on random costs with ties in the first components.
    @Test(arguments: 1...40)
    func theOptimumIsTheLeastOfAll(seed: Int) {
        var rng = SplitMix64(seed: UInt64(seed))
        let (n, m) = (3, 5)
        var table: [[AssignmentOptimum.Cost]] = []
        for _ in 0..<n {
            table.append((0..<m).map { _ in
                AssignmentOptimum.Cost(forced: Int(rng.next() % 2) - 1, nonVolunteers: Int(rng.next() % 2),
                                       points: Double(rng.next() % 4), km: Double(rng.next() % 1000) / 10)
            })
        }
        let least = AssignmentOptimum.least(slots: n, candidates: m) { table[$0][$1] }
        var best: AssignmentOptimum.Cost?
        for a in 0..<m { for b in 0..<m where b != a { for c in 0..<m where c != a && c != b {
            let total = table[0][a] + table[1][b] + table[2][c]
            if best == nil || total < best! { best = total }
        } } }
        #expect(!least.isWorse(than: best!) && !best!.isWorse(than: least), "\(least) against \(best!)")
    }
}
