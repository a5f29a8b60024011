import Foundation
import Testing
import RedeployDomain
import ScenarioIO
@testable import RedeployReport

/// The horizon reports on the hand-computed fixture Tests/Fixtures/horizon/course-ahead (its
/// scenario.yaml works the figures out): the optimum retrains A's English teacher in 2025 to
/// teach maths at B from 2026 and hires one class teacher in 2026 (C 3 + 2); the myopic plan
/// does nothing in 2025, then hires two and releases the English teacher in 2026 (C 9). Both
/// leave no shortage (W 0 and 0), against W0 = 2 in 2026. The plans are written here, as
/// `solve` writes them, and checked by the independent checker: these tests need no planner.
@Suite("Horizon report")
struct HorizonReportTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/horizon/course-ahead")

    static let optimumPlan = Plan(actions: [
        Plan.Action(kind: .retrain, from: "A", to: "B", subject: "english", teachers: 1, year: 2025, toSubject: "math"),
        Plan.Action(kind: .hire, from: nil, to: "A", subject: "primary", teachers: 1, year: 2026),
    ])
    static let myopicPlan = Plan(actions: [
        Plan.Action(kind: .hire, from: nil, to: "A", subject: "primary", teachers: 1, year: 2026),
        Plan.Action(kind: .hire, from: nil, to: "B", subject: "math", teachers: 1, year: 2026),
        Plan.Action(kind: .release, from: "A", to: nil, subject: "english", teachers: 1, year: 2026),
    ])

    /// The fixture, with coordinates for its two schools when `placed` (it has none: no map).
    static func scenario(placed: Bool) throws -> Scenario {
        var scenario = try ScenarioLoader.load(folder.path)
        if placed {
            for (k, (lat, lon)) in [(21.0, 107.0), (21.05, 107.12)].enumerated() {
                scenario.schools[k].latitude = lat
                scenario.schools[k].longitude = lon
            }
        }
        return scenario
    }

    struct Inputs {
        var instance: HorizonInstance
        var optimum: HorizonPlanOutput
        var myopic: HorizonPlanOutput
    }

    static func inputs(_ scenario: Scenario, optimum: Plan = optimumPlan, myopic: Plan = myopicPlan) -> Inputs {
        let instance = HorizonInstance(scenario)
        let before = HorizonPlanChecker.check(Plan(), against: instance)
        return Inputs(
            instance: instance,
            optimum: HorizonPlanOutput(scenarioName: scenario.name, status: "optimal", plan: optimum,
                                       report: HorizonPlanChecker.check(optimum, against: instance), before: before, mipGap: 0),
            myopic: HorizonPlanOutput(scenarioName: scenario.name, status: "feasible", plan: myopic,
                                      report: HorizonPlanChecker.check(myopic, against: instance), before: before, mipGap: nil))
    }

    static func markdown(_ i: Inputs) -> String {
        HorizonReportFiles.markdown(instance: i.instance, optimum: i.optimum, myopic: i.myopic)
    }

    static func html(_ i: Inputs) -> String {
        HorizonReportFiles.html(instance: i.instance, optimum: i.optimum, myopic: i.myopic)
    }

    /// The text of the svg element with id `id`.
    static func svg(_ id: String, in page: String) -> String? {
        svg(startingWith: "id=\"\(id)\"", in: page)
    }

    /// The text from the first `start` to the end of the svg element it is in.
    static func svg(startingWith start: String, in page: String) -> String? {
        guard let from = page.range(of: start),
              let end = page.range(of: "</svg>", range: from.upperBound..<page.endIndex) else { return nil }
        return String(page[from.lowerBound..<end.upperBound])
    }

    @Test func thePlansAreTheFixturesHandComputedOnes() throws {
        let i = Self.inputs(try Self.scenario(placed: false))
        #expect(i.optimum.report.isValid && i.myopic.report.isValid)
        #expect(i.optimum.report.cost == 5 && i.myopic.report.cost == 9)
        #expect(i.optimum.before.weightedShortage == 2)
    }

    @Test func markdownHasTheRealFiguresYearByYear() throws {
        let text = Self.markdown(Self.inputs(try Self.scenario(placed: false)))
        #expect(text.hasPrefix("# Horizon report: Course ahead: retraining a year early against hiring late\n"))
        // W per year 0/0 for both plans; C 3/2 against the myopic 0/9; what planning ahead gains.
        #expect(text.contains("""
            | Year | W0 | W optimum | W myopic | W gain | C optimum | C myopic | C gain |
            |---|---:|---:|---:|---:|---:|---:|---:|
            | 2025 | 0.00 | 0.00 | 0.00 | 0.00 | 3.00 | 0.00 | −3.00 |
            | 2026 | 2.00 | 0.00 | 0.00 | 0.00 | 2.00 | 9.00 | +7.00 |
            | **All years** | **2.00** | **0.00** | **0.00** | **0.00** | **5.00** | **9.00** | **+4.00** |
            """))
        // Each plan year by year: payroll 4/4 against caps 4/4, the course in 2025.
        #expect(text.contains("""
            | Year | W0 | W | Payroll | Cap | Transfers | Hires | Releases | Retrained | Cost |
            |---|---:|---:|---:|---:|---:|---:|---:|---:|---:|
            | 2025 | 0.00 | 0.00 | 4 | 4 | 0 | 0 | 0 | 1 | 3.00 |
            | 2026 | 2.00 | 0.00 | 4 | 4 | 0 | 1 | 0 | 0 | 2.00 |
            | **All years** | **2.00** | **0.00** |  |  | **0** | **1** | **0** | **1** | **5.00** |
            """))
        #expect(text.contains("""
            | 2025 | 0.00 | 0.00 | 4 | 4 | 0 | 0 | 0 | 0 | 0.00 |
            | 2026 | 2.00 | 0.00 | 4 | 4 | 0 | 2 | 1 | 0 | 9.00 |
            | **All years** | **2.00** | **0.00** |  |  | **0** | **2** | **1** | **0** | **9.00** |
            """))
        // Totals over the horizon, and the course itself.
        #expect(text.contains("| Weighted shortage W (all years) | 0.00 | 0.00 | 0.00 |\n| Cost C (all years) | 5.00 | 9.00 | +4.00 |"))
        #expect(text.contains("| Retrained | 1 | 0 | −1 |"))
        #expect(text.contains("| Optimum | 2025 | A | english | B | math | 1 | 1 | 2026 |"))
        // W by level: both 2026 shortages, one per level, and neither left by either plan.
        #expect(text.contains("| primary | If nothing is done | 0.00 | 1.00 |\n| primary | Optimum | 0.00 | 0.00 |\n| primary | Myopic | 0.00 | 0.00 |"))
        #expect(text.contains("| lower_secondary | If nothing is done | 0.00 | 1.00 |"))
    }

    @Test func htmlHasOneMapPerYearAndPlanWithTheCourseDrawnApart() throws {
        let page = Self.html(Self.inputs(try Self.scenario(placed: true)))
        for id in ["headline", "timeline", "gains", "maps", "years", "retraining"] {
            #expect(page.contains("<section id=\"\(id)\">"), "section \(id)")
        }
        #expect(page.occurrences(of: "<svg class=\"map year-map\" id=\"map-optimum-") == 2)
        #expect(page.occurrences(of: "<svg class=\"map year-map\" id=\"map-myopic-") == 2)
        let o2025 = try #require(Self.svg("map-optimum-2025", in: page))
        let o2026 = try #require(Self.svg("map-optimum-2026", in: page))
        let m2026 = try #require(Self.svg("map-myopic-2026", in: page))
        #expect(o2025.contains("data-year=\"2025\"") && o2026.contains("data-year=\"2026\""))
        // The course: a dashed arrow with its own open head from A to B, and a ring at B; in
        // 2025 only, and not as a transfer.
        #expect(o2025.occurrences(of: "<g class=\"retrain\" data-action=\"1\">") == 1)
        #expect(o2025.contains("<marker id=\"optimum-2025-course\""))
        #expect(o2025.contains("stroke-dasharray=\"4 3\" marker-end=\"url(#optimum-2025-course)\""))
        #expect(o2025.contains("1 english retrained to teach math: A → B, a course of 1 year"))
        #expect(!o2025.contains("<path class=\"transfer\""))
        #expect(!o2026.contains("class=\"retrain\"") && !m2026.contains("class=\"retrain\""))
        // 2026: the optimum hires at A; the myopic plan hires at A and B and releases at A.
        #expect(o2026.occurrences(of: "<path class=\"hire\"") == 1 && !o2026.contains("<path class=\"release\""))
        #expect(m2026.occurrences(of: "<path class=\"hire\"") == 2 && m2026.occurrences(of: "<path class=\"release\"") == 1)
        #expect(page.contains("<b>2025</b> (optimum): 1 retrained · W 0.00 · 0.0 FTE short"))
        // Every marker a map points at is defined in that map, so the maps do not share ids.
        #expect(page.occurrences(of: "url(") == page.occurrences(of: "url(#"))
        for id in ["optimum-2025", "optimum-2026", "myopic-2025", "myopic-2026"] {
            let map = try #require(Self.svg("map-\(id)", in: page))
            #expect(!map.contains("url(#") || map.components(separatedBy: "url(#").dropFirst().allSatisfy { $0.hasPrefix(id + "-") })
        }
    }

    @Test func timelineChartsPayrollAgainstCapAndShortageByLevel() throws {
        let page = Self.html(Self.inputs(try Self.scenario(placed: true)))
        let payroll = try #require(Self.svg(startingWith: "<svg class=\"chart timeline payroll-chart\"", in: page))
        #expect(payroll.contains("<g class=\"series cap\"><title>Cap</title>"))
        #expect(payroll.contains("<title>Optimum, 2026: 4</title>"))
        // All levels, then one panel per level (primary, lower_secondary).
        #expect(page.occurrences(of: "<svg class=\"chart timeline level-chart\"") == 3)
        #expect(page.contains("<title>If nothing is done, 2026: 1</title>"))
        // Greyscale: the myopic line is dashed, with hollow squares; the optimum solid with dots.
        #expect(page.contains("<g class=\"series myopic\"><title>Myopic</title><path d=\""))
        #expect(page.contains("stroke=\"#d95f02\" stroke-width=\"2\" stroke-dasharray=\"6 4\""))
        #expect(!page.contains("stroke=\"#1f6fb2\" stroke-width=\"3\" stroke-dasharray"))
    }

    @Test func withoutCoordinatesEachYearIsStillListed() throws {
        let page = Self.html(Self.inputs(try Self.scenario(placed: false)))
        #expect(!page.contains("<svg class=\"map"))
        #expect(page.contains("No school has coordinates"))
        #expect(page.occurrences(of: "<li class=\"year-panel\">") == 4)
        #expect(page.contains("<li class=\"year-panel\"><b>2026</b> (myopic): 2 hires · 1 release · W 0.00 · 0.0 FTE short</li>"))
        #expect(page.contains("<table class=\"years\" id=\"table-courses\">"))
    }

    @Test func theSameInputsGiveTheSameBytes() throws {
        let i = Self.inputs(try Self.scenario(placed: true))
        #expect(Self.html(i) == Self.html(Self.inputs(try Self.scenario(placed: true))))
        #expect(Self.markdown(i) == Self.markdown(i))
        let folder = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for name in ["a", "b"] {
            try HorizonReportFiles.write(html: "\(folder)/\(name).html", markdown: "\(folder)/\(name).md", instance: i.instance,
                                         optimum: i.optimum, myopic: i.myopic)
        }
        for ext in ["html", "md"] {
            let a = try Data(contentsOf: URL(fileURLWithPath: "\(folder)/a.\(ext)"))
            #expect(a == (try Data(contentsOf: URL(fileURLWithPath: "\(folder)/b.\(ext)"))))
            #expect(!a.isEmpty)
        }
        // Nothing that varies between runs or machines.
        let page = Self.html(i)
        #expect(!page.contains(folder) && !page.contains(FileManager.default.currentDirectoryPath))
    }

    @Test func namesAreEscapedAndNothingOutsideIsReferenced() throws {
        var scenario = try Self.scenario(placed: true)
        scenario.name = Fixture.hostileName
        scenario.schools[1].name = Fixture.hostileName
        let i = Self.inputs(scenario)
        let page = Self.html(i)
        #expect(!page.contains("<script") && !page.contains("alert('x')"))
        #expect(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Co"))
        for external in ["http://", "https://", "<link", "<img", "<iframe", "src=", "@import", "@font-face"] {
            #expect(!page.contains(external), "found \(external)")
        }
        // Markdown escapes what it would read as HTML, as the one-year summary does.
        let text = Self.markdown(i)
        #expect(text.contains("\\<script\\>alert('x')\\</script\\> & Co"))
        #expect(!text.replacingOccurrences(of: "\\<", with: "").contains("<"), "every < is escaped")
    }

    @Test func aYearWithRetrainingAndNoHorizonIsNamedAsOneYear() throws {
        var scenario = try Self.scenario(placed: true)
        scenario.horizon = nil
        let plan = Plan(actions: [Plan.Action(kind: .retrain, from: "A", to: "B", subject: "english", teachers: 1, toSubject: "math")])
        let i = Self.inputs(scenario, optimum: plan, myopic: plan)
        #expect(i.optimum.report.isValid)
        let text = Self.markdown(i)
        #expect(text.contains("Teacher redeployment over one year."))
        #expect(text.contains("| Optimum | the year | A | english | B | math | 1 | 1 | after the year |"))
        let page = Self.html(i)
        #expect(page.occurrences(of: "<svg class=\"map year-map\" id=\"map-optimum-") == 1)
        #expect(page.contains("<g class=\"retrain\" data-action=\"1\">"))
    }
}
