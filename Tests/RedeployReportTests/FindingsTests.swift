import Foundation
import Testing
import RedeployDomain
import ScenarioIO
@testable import RedeployReport

/// Issue 17's report: whole-teacher counts in the headline, the schools left worse off and why,
/// the limits grouped and ranked, the map's filters and area outlines, and the explanation.
@Suite("Report findings")
struct FindingsTests {
    /// The fixture with a plan that leaves three schools worse off, one for each reason.
    static func worseOffData() -> ReportData {
        let plan = Plan(actions: [
            // HL-MN02 keeps 19 for 17.6: two leave it 0.6 short, for 2 of HL-MN01's 4 (same priority).
            .transfer(from: "HL-MN02", to: "HL-MN01", subject: "preschool", teachers: 2, km: 4),
            // CP-TH01 keeps 20 for 18: three leave it 1 short, for DT-TH01 of priority 2.
            .transfer(from: "CP-TH01", to: "DT-TH01", subject: "primary", teachers: 3, km: 85.2),
            // VD-TH01 has 8 for 7.5: a release leaves it 0.5 short.
            .release(at: "VD-TH01", subject: "primary", teachers: 1),
        ])
        let instance = Fixture.instance
        return ReportData(instance: instance, plan: plan, check: PlanChecker.check(plan, against: instance),
                          status: "optimal", mipGap: 0)
    }

    @Test func headlineCountsWholeTeachersBesideTheFractions() {
        let h = Fixture.data().headline
        // Before: HL-MN01 short 4, DT-TH01 short 6 (5 primary, 1 English). After: DT-TH01 short 2.
        #expect(h.schoolsShortWholeBefore == 2 && h.schoolsShortWholeAfter == 1)
        #expect(h.wholeTeachersShortBefore == 10 && h.wholeTeachersShortAfter == 2)
        let data = Self.worseOffData()
        // After: HL-MN01 2, DT-TH01 3 (2 primary, 1 English) whole; HL-MN02 0.6, CP-TH01 1, VD-TH01 0.5.
        #expect(data.headline.schoolsShortAfter == 5)
        #expect(data.headline.schoolsShortWholeAfter == 3)
        #expect(data.headline.wholeTeachersShortAfter == 2 + 3 + 1)
        let html = HTMLReport.render(data)
        #expect(html.contains("<div class=\"card\" id=\"card-schools\"><div class=\"label\">Schools short by 1+ teacher</div><div class=\"value\">2 → 3</div>"))
        #expect(html.contains("2 → 5 short at all, of 6 schools"))
        #expect(html.contains("id=\"short-defined\""))
        let markdown = MarkdownReport.render(data)
        #expect(markdown.contains("| Schools short by 1+ teacher | 2 of 6 | 3 of 6 |"))
        #expect(markdown.contains("| Whole teachers short | 10 | 6 |"))
    }

    @Test func schoolsLeftWorseOffAreListedWithWhyAndWhereTheirTeachersWent() throws {
        let data = Self.worseOffData()
        let worse = data.worseOff
        let ids = worse.map { data.instance.schools[$0.school].id }
        // Largest weighted loss first: CP-TH01 1.0, HL-MN02 0.6, VD-TH01 0.5.
        #expect(ids == ["CP-TH01", "HL-MN02", "VD-TH01"])
        #expect(worse.map(\.reason) == [.higherPriority, .largerShortage, .payroll])
        let cp = worse[0]
        #expect(abs(cp.loss - 1) < 1e-9)
        #expect(cp.sent.count == 1 && data.instance.schools[cp.sent[0].to].id == "DT-TH01")
        #expect(cp.sent[0].gapBefore == 5 && cp.sent[0].gapAfter == 2 && cp.sent[0].priority == 2)
        #expect(worse[2].released == [.init(subject: "primary", teachers: 1)])

        let html = HTMLReport.render(data)
        #expect(html.contains("<section id=\"worse-off\">"))
        #expect(html.contains("<b>3 schools</b> are shorter after the plan than before"))
        #expect(html.contains("traded for a higher-priority shortage elsewhere"))
        #expect(html.contains("3 primary → Trường Tiểu học Đông Triều (DT-TH01): gap there 5.0 → 2.0 FTE, priority 2"))
        #expect(html.contains("released 1 primary"))
        #expect(html.contains("<div class=\"value\">3</div><div class=\"note\">shorter after the plan: <a href=\"#worse-off\">"))
        let markdown = MarkdownReport.render(data)
        #expect(markdown.contains("## Schools that end worse off"))
        #expect(markdown.contains("| Trường Tiểu học Cẩm Phả (CP-TH01) | Cẩm Phả | primary | 0.00 | 1.00 | traded for a higher-priority shortage elsewhere |"))
        // The fixture's own plan leaves no school worse off, and says so.
        #expect(Fixture.data().worseOff.isEmpty)
        #expect(HTMLReport.render(Fixture.data()).contains("No school ends shorter than it started."))
    }

    @Test func limitsAreGroupedByKindAndLevelAndRankedByWeightedShortage() {
        let limits = Fixture.data().limits
        // DT-TH01 (priority 2): English short 1, spare English only at a preschool; primary short
        // 1, spare primary only VD-TH01's 0.5.
        #expect(limits.ranked.map(\.kind) == [.otherLevel, .fractions])
        #expect(limits.ranked.map(\.level) == ["primary", "primary"])
        #expect(limits.ranked.map(\.weightedShortage) == [2, 2])
        #expect(limits.ranked[0].subjects == [.init(name: "english", shortage: 1)])
        #expect(limits.ranked[1].areas == [.init(name: "Đông Triều", shortage: 1)])
        #expect(limits.rankedByKind.map(\.rows.count) == [1, 1])
        let html = HTMLReport.render(Fixture.data())
        #expect(html.contains("<table class=\"limits-groups narrow-cards\">"))
        #expect(html.contains("Spare teachers only at schools of another level (same_level)"))
        #expect(html.contains("Spare time only in pieces smaller than one teacher"))
        // Every area and subject is still there, folded.
        #expect(html.contains("<details class=\"limits-detail\"><summary>Every area and subject still short (2)</summary>"))
        let markdown = MarkdownReport.render(Fixture.data())
        #expect(markdown.contains("| Spare teachers only at schools of another level (same_level) | primary | 2.00 | 1.0 | 1 | english 1.0; in Đông Triều |"))
    }

    @Test func kindOfLimitIsTheLargestSpareAmount() {
        // rank order: 0 level, 1 area, 2 distance, 3 fractions, 4 outflow cap, 5 reachable.
        #expect(Limits.Kind.dominant([0, 0, 0, 0, 0, 0], eps: 1e-6) == .noSpare)
        #expect(Limits.Kind.dominant([2, 0, 0, 3, 0, 0], eps: 1e-6) == .fractions)
        #expect(Limits.Kind.dominant([2, 0, 0, 3, 0, 0.5], eps: 1e-6) == .reachable)
        #expect(Limits.Kind.dominant([1, 1, 0, 0, 0, 0], eps: 1e-6) == .otherLevel)
    }

    @Test func theMapHasFiltersOutlinesAndLabelsOnTop() throws {
        let html = HTMLReport.render(Fixture.data())
        for select in ["map-subject", "map-level", "map-area"] {
            #expect(html.contains("<select id=\"\(select)\"><option value=\"\" selected>"), "\(select)")
        }
        // One filter rule set per option, in CSS: no script.
        #expect(html.contains("#map:has(#map-level option[value=\"l1\"]:checked) .move:not([data-l~=\"l1\"]) { display: none; }"))
        #expect(!html.contains("<script"))
        // Areas with schools on the map get an outline; Vân Đồn has none there.
        #expect(html.occurrences(of: "<g class=\"area-shape\"") == 3)
        // Area names come after the transfers, so that nothing covers them.
        let labels = try #require(html.range(of: "<g class=\"area-labels\""))
        let transfers = try #require(html.range(of: "<g class=\"transfers\""))
        #expect(transfers.lowerBound < labels.lowerBound)
        // A transfer says what it moves for the filters: CP-TH01 → DT-TH01 primary.
        #expect(html.contains("<g class=\"move\" data-s=\"s2\" data-l=\"l1\" data-a=\"a0 a1\">"))
        // Larger hit areas than the marks themselves.
        #expect(html.occurrences(of: "<path class=\"hit\"") == 3)
        #expect(html.contains("@media (max-width: 600px)"))
    }

    @Test func hullsAndLabelsStayInsideTheMap() {
        let square = [(x: 0.0, y: 0.0), (x: 10, y: 0), (x: 10, y: 10), (x: 0, y: 10), (x: 5, y: 5)]
        #expect(PlanMap.hullPath(square) == "M0.0,0.0 L10.0,0.0 L10.0,10.0 L0.0,10.0 Z")
        #expect(PlanMap.hullPath([(x: 3, y: 4)]) == "M3.0,4.0 h0.1 Z")
        let placed = PlanMap.placeLabels([("Móng Cái", 955, 100), ("Hạ Long", 500, 300), ("Quảng Yên", 520, 305)], height: 600)
        #expect(placed[0].x < 955 - 8 * 30 * 0.34)
        // The second name near the first moves a line away.
        #expect(abs(placed[2].y - placed[1].y) >= 30)
    }

    static let explanationJSON = """
        {
            "gain_method": "network",
            "teacher_gains": [
              {"area": "Đông Triều", "subject": "primary", "school": "DT-TH01", "gain": 2},
              {"area": "Đông Triều", "subject": "english", "school": "DT-TH01", "gain": 1.5}
            ],
            "limits": [
              {"key": "hiring", "current": "true", "lifted": "no limit", "status": "optimal", "weighted_shortage": 0, "shortage_cost": 4},
              {"key": "payroll_change", "current": "0", "lifted": "1", "status": "optimal", "weighted_shortage": 2, "shortage_cost": 2}
            ]
          }
        """

    @Test func theExplanationIsASectionWhenTheSolveRanWithIt() throws {
        let explanation = try #require(ExplanationSummary(jsonText: Self.explanationJSON))
        #expect(explanation.gains.count == 2 && explanation.limits.count == 2)
        #expect(explanation.payrollBinds == 2)
        #expect(explanation.gainsTiedWithFirst == 1)
        var output = Fixture.output()
        output.extra.append(("explanation", Self.explanationJSON))
        let data = ReportData(instance: Fixture.instance, output: output)
        #expect(data.explanation == explanation)
        let html = HTMLReport.render(data)
        #expect(html.contains("<section id=\"explanation\">"))
        #expect(html.contains("<a href=\"#explanation\">"))
        #expect(html.contains("<td class=\"text\">Trường Tiểu học Đông Triều (DT-TH01)</td><td>2.00</td>"))
        #expect(html.contains("one more post lowers W by 2.00"))
        #expect(html.contains("<td class=\"text\">hiring</td><td class=\"text\">true</td><td class=\"text\">no limit</td><td>0.00</td><td>4.00</td>"))
        let markdown = MarkdownReport.render(data)
        #expect(markdown.contains("## What would lower the shortage further"))
        #expect(markdown.contains("| payroll_change | 0 | 1 | 2.00 | 2.00 |"))
        // Without --explain there is no such section.
        #expect(!HTMLReport.render(Fixture.data()).contains("id=\"explanation\""))
        #expect(!MarkdownReport.render(Fixture.data()).contains("What would lower"))
    }

    @Test func reportRebuildsTheExplanationFromSummaryJSON() throws {
        let directory = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var output = Fixture.output()
        output.extra.append(("explanation", Self.explanationJSON))
        try AtomicFiles.write(output.files(Fixture.instance), into: directory)
        let loaded = try ReportFiles.load(outputDirectory: directory, scenario: Fixture.scenario)
        #expect(loaded.data.explanation != nil)
        #expect(HTMLReport.render(loaded.data) == HTMLReport.render(ReportData(instance: Fixture.instance, output: output)))
    }
}
