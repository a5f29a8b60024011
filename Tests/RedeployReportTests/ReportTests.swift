import Foundation
import Testing
import RedeployDomain
import ScenarioIO
@testable import RedeployReport

@Suite("HTML report")
struct HTMLReportTests {
    let html = HTMLReport.render(Fixture.data())

    @Test func hasEverySection() {
        #expect(html.hasPrefix("<!DOCTYPE html>\n"))
        #expect(html.contains("<meta charset=\"utf-8\">"))
        for id in ["headline", "ratios", "shortage", "map", "transfers", "limits"] {
            #expect(html.contains("<section id=\"\(id)\">"), "section \(id)")
        }
        // One bar chart per level, two heat tables, one map, a group per receiving school.
        #expect(html.occurrences(of: "<svg class=\"chart ratio-chart\"") == 2)
        #expect(html.contains("<table class=\"heat\" id=\"heat-before\">"))
        #expect(html.contains("<table class=\"heat\" id=\"heat-after\">"))
        #expect(html.occurrences(of: "<svg class=\"map\"") == 1)
        #expect(html.occurrences(of: "<div class=\"group\"") == 2)
        #expect(html.contains("<table class=\"limits\">"))
        #expect(html.contains("@media print"))
    }

    @Test func oneArrowPerTransferAndMarkersForHiresAndReleases() {
        let transfers = Fixture.plan.actions.filter { $0.kind == .transfer }.count
        #expect(html.occurrences(of: "<path class=\"transfer\"") == transfers)
        #expect(html.occurrences(of: "marker-end=\"url(#arrow-") == transfers)
        #expect(html.occurrences(of: "<path class=\"hire\"") == 1)
        #expect(html.occurrences(of: "<path class=\"release\"") == 1)
        // Every arrow points at a marker that is defined.
        for k in 0..<2 { #expect(html.contains("<marker id=\"arrow-\(k)\"")) }
        // Vân Đồn's school has no coordinates: said, not drawn.
        #expect(html.occurrences(of: "<circle class=\"school\"") == 5)
        #expect(html.contains("Not on the map: 1 school without coordinates"))
    }

    @Test func escapesNamesFromTheScenario() {
        #expect(!html.contains("<script"))
        #expect(!html.contains("alert('x')"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Co"))
        #expect(html.contains("Tỉnh thử nghiệm: Hạ Long &amp; Cẩm Phả"))
    }

    @Test func referencesNothingOutside() {
        for external in ["http://", "https://", "<link", "<script", "<img", "<iframe", "src=", "@import", "@font-face", "url(h", "url(/", "url(."] {
            #expect(!html.contains(external), "found \(external)")
        }
        // The only url() references are the arrow markers, inside the page.
        #expect(html.occurrences(of: "url(") == html.occurrences(of: "url(#arrow-"))
    }

    @Test func vietnameseTextIsKeptByteForByte() {
        for name in ["Trường Mầm non Hoa Sen Hạ Long", "Trường Tiểu học Đông Triều", "Cẩm Phả", "Vân Đồn"] {
            #expect(html.containsBytes(of: name), "\(name)")
        }
        #expect(html.contains("font-family: \"Noto Sans\", \"DejaVu Sans\""))
    }

    @Test func isDeterministic() {
        #expect(HTMLReport.render(Fixture.data()) == html)
    }

    @Test func withoutCoordinatesThereIsNoMapButTheSectionSaysSo() {
        var scenario = Fixture.scenario
        for k in scenario.schools.indices {
            scenario.schools[k].latitude = nil
            scenario.schools[k].longitude = nil
        }
        let instance = Instance(scenario)
        let data = ReportData(instance: instance, plan: Fixture.plan, check: PlanChecker.check(Fixture.plan, against: instance),
                              status: "optimal", mipGap: 0)
        let page = HTMLReport.render(data)
        #expect(page.contains("<section id=\"map\">"))
        #expect(!page.contains("<svg class=\"map\""))
        #expect(page.contains("No school has coordinates"))
    }

    @Test func aPlanThatBreaksRulesSaysSo() {
        let plan = Plan(actions: [.transfer(from: "CP-MN01", to: "DT-TH01", subject: "preschool", teachers: 1)])
        let instance = Fixture.instance
        let data = ReportData(instance: instance, plan: plan, check: PlanChecker.check(plan, against: instance),
                              status: "unknown", mipGap: nil)
        #expect(!data.headline.violations.isEmpty)
        #expect(HTMLReport.render(data).contains("id=\"violations\""))
        #expect(MarkdownReport.render(data).contains("**Warning: this plan breaks"))
    }
}

@Suite("Report data and Markdown summary")
struct ReportDataTests {
    @Test func headlineComesFromTheCheck() {
        let data = Fixture.data()
        let check = Fixture.check
        let h = data.headline
        #expect(h.weightedShortageAfter == check.weightedShortage)
        #expect(h.transfers == 6 && h.hires == 2 && h.releases == 1)
        #expect(h.payrollBefore == check.payrollBefore && h.payrollAfter == check.payrollAfter)
        #expect(h.cost == check.cost)
        // W0: preschool 4 + primary 5 x 2 + english 1 x 2 (DT-TH01 has priority 2).
        #expect(abs(h.weightedShortageBefore - 16) < 1e-9)
        #expect(abs(h.weightedShortageAfter - 4) < 1e-9)
        #expect(h.schoolsShortBefore == 2 && h.schoolsShortAfter == 1)
        #expect(abs(h.teacherKm - (3 * 30.5 + 4 + 2 * 85.2)) < 1e-9)
    }

    @Test func teachersPerClassByLevelAndArea() throws {
        let data = Fixture.data()
        #expect(data.levels == ["preschool", "primary"])
        let preschool = try #require(data.ratios.first { $0.level == "preschool" && $0.area == nil })
        #expect(preschool.classes == 30)
        // All of a school's teachers count: CP-MN01's two English teachers too.
        #expect(abs(preschool.before! - 69.0 / 30) < 1e-12)
        #expect(abs(preschool.after! - 69.0 / 30) < 1e-12)  // moves within the level
        #expect(abs(preschool.norm! - 66.0 / 30) < 1e-12)
        let halong = try #require(data.ratios.first { $0.level == "preschool" && $0.area == "Hạ Long" })
        #expect(abs(halong.before! - 37.0 / 18) < 1e-12 && abs(halong.after! - 40.0 / 18) < 1e-12)
    }

    @Test func shortageGridByAreaAndSubject() throws {
        let data = Fixture.data()
        let cell = try #require(data.shortageCells.first { $0.area == "Đông Triều" && $0.subject == "primary" })
        #expect(cell.before == 5 && cell.after == 1)
        #expect(data.shortageSubjects == ["english", "preschool", "primary"])
    }

    @Test func arrivalsSayWhatTheyCover() throws {
        let data = Fixture.data()
        let dt = try #require(data.arrivalGroups.first { data.instance.schools[$0.school].id == "DT-TH01" })
        #expect(dt.arrivals.map(\.kind) == [.transfer, .hire])
        #expect(dt.arrivals[0].covers == [.init(subject: "primary", shortageBefore: 5, shortageAfter: 1)])
        #expect(data.releases.count == 1 && data.releases[0].surplusBefore == 1)
    }

    @Test func limitsExplainTheRemainingShortage() {
        let limits = Fixture.data().limits
        #expect(limits.groups.map { "\($0.area)/\($0.subject)" } == ["Đông Triều/english", "Đông Triều/primary"])
        #expect(limits.groups[0].reasons == [.otherLevel(2), .payrollFull])
        #expect(limits.groups[1].reasons == [.fractions(0.5), .payrollFull])
        #expect(limits.groups[1].explanation
            == "0.5 FTE spare, but less than one whole teacher at each school; no payroll room left to hire")
        #expect(limits.payrollRoom == 0)
        #expect(limits.overview.contains { $0.hasPrefix("Hires − releases = 1, of the 1 that leavers (1)") })
        #expect(limits.overview.contains { $0.contains("not proven optimal (status feasible") })
    }

    @Test func limitsNameThePolicyThatBlocks() throws {
        var scenario = Fixture.scenario
        scenario.policy = Policy(hiring: false, sameLevel: false, transferScope: .area)
        let instance = Instance(scenario)
        let plan = Plan(actions: [.transfer(from: "HL-MN02", to: "HL-MN01", subject: "preschool", teachers: 1)])
        let data = ReportData(instance: instance, plan: plan, check: PlanChecker.check(plan, against: instance),
                              status: "optimal", mipGap: 0)
        let english = try #require(data.limits.groups.first { $0.subject == "english" })
        // Spare English teachers are in Cẩm Phả; Đông Triều may only take from its own area.
        #expect(english.reasons == [.otherArea(3), .noHiring])
        #expect(data.limits.overview.contains { $0.hasPrefix("Hiring is not allowed") })
    }

    @Test func spareTeachersWithQualificationsUseTheFlow() {
        // Physics teachers cover natural science: a school with 3 physics teachers, no physics
        // requirement and 2.5 FTE of natural science has 0.5 physics to spare, not 3.
        let scenario = Scenario(
            schools: [School(id: "A", area: "X", level: "lower_secondary", classes: 5)],
            staff: [StaffRow(schoolID: "A", subject: "physics", teachers: 3, required: 0),
                    StaffRow(schoolID: "A", subject: "natural_science", teachers: 0, required: 2.5)],
            policy: Policy(qualifications: [Qualification(teacher: "physics", teaches: "natural_science")]))
        let instance = Instance(scenario)
        let staff = instance.pairs.map { Double($0.teachers) }
        let spare = Limits.spare(instance, staff: staff, shortages: Coverage.shortages(instance, staff: staff))
        let physics = instance.pairIndex(school: 0, subject: instance.subjectIndex["physics"]!)!
        #expect(abs(spare[physics] - 0.5) < 1e-9)
    }

    @Test func markdownHeadlineNumbersEqualTheCheck() throws {
        let data = Fixture.data()
        let markdown = MarkdownReport.render(data)
        let check = Fixture.check
        func row(_ label: String) throws -> [String] {
            let line = try #require(markdown.split(separator: "\n").first { $0.hasPrefix("| \(label) |") })
            return line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        }
        let weighted = try row("Weighted shortage")
        #expect(abs(try #require(Double(weighted[1])) - data.headline.weightedShortageBefore) < 0.005)
        #expect(abs(try #require(Double(weighted[2])) - check.weightedShortage) < 0.005)
        let short = try row("Teachers short (FTE)")
        #expect(abs(try #require(Double(short[2])) - check.shortages.reduce(0, +)) < 0.05)
        #expect(try row("Payroll (teachers)") == ["Payroll (teachers)", String(check.payrollBefore), String(Int(check.payrollAfter))])
        #expect(try row("Transfers")[1] == String(Int(check.transfers)))
        #expect(try row("Hires")[1] == String(Int(check.hires)))
        #expect(try row("Releases")[1] == String(Int(check.releases)))
        #expect(markdown.contains("Cost: \(String(format: "%.2f", check.cost))"))
        #expect(markdown.hasPrefix("# Plan report: Tỉnh thử nghiệm: Hạ Long & Cẩm Phả\n"))
        #expect(!markdown.contains("<script"))
        #expect(markdown.contains("| Đông Triều | english | 1.0 | 1.0 |"))
    }
}

@Suite("Report files")
struct ReportFilesTests {
    @Test func planCSVReadsBackAsThePlan() throws {
        // `report` reads plan.csv with ScenarioIO's PlanReader: what solve writes comes back whole.
        let text = Fixture.output().planCSV()
        #expect(try PlanReader.parse(text, file: "plan.csv").plan == Fixture.plan)
    }

    @Test func loadNamesAMissingPlan() throws {
        let directory = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        do {
            _ = try ReportFiles.load(outputDirectory: directory, scenario: Fixture.scenario)
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostics.map(\.description) == ["\(directory)/plan.csv: file not found"])
        }
    }

    @Test func loadRebuildsTheDataFromAnOutputFolder() throws {
        let directory = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let output = Fixture.output()
        try AtomicFiles.write(output.files(Fixture.instance), into: directory)
        let loaded = try ReportFiles.load(outputDirectory: directory, scenario: Fixture.scenario)
        #expect(loaded.warnings.isEmpty)
        #expect(loaded.data.headline == ReportData(instance: Fixture.instance, output: output).headline)
        #expect(HTMLReport.render(loaded.data) == HTMLReport.render(ReportData(instance: Fixture.instance, output: output)))
    }

    @Test func loadRefusesAPlanOfAnotherScenario() throws {
        let directory = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try AtomicFiles.write(Fixture.output().files(Fixture.instance), into: directory)
        var other = Fixture.scenario
        other.name = "Other"
        other.staff[0].required = 30
        do {
            _ = try ReportFiles.load(outputDirectory: directory, scenario: other)
            Issue.record("expected the plan to be refused")
        } catch {
            let summary = directory + "/summary.json"
            #expect(error.diagnostics.map(\.description) == [
                "\(directory): the plan there does not belong to scenario 'Other': no report written "
                    + "(solve this scenario, or report the plan with the scenario it was solved for)",
                "\(summary): written for scenario '\(Fixture.scenario.name)', not 'Other'",
                "\(summary): weighted_shortage_before is 16, but this scenario's W0 is 24",
                "\(summary): weighted_shortage is 4, but the plan leaves 12 in this scenario",
            ])
        }
    }

    @Test func loadRefusesAPlanThatBreaksTheScenariosRules() throws {
        // Without summary.json, the checker alone decides.
        let directory = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try Fixture.output().planCSV().write(toFile: directory + "/plan.csv", atomically: true, encoding: .utf8)
        var other = Fixture.scenario
        other.policy.hiring = false
        do {
            _ = try ReportFiles.load(outputDirectory: directory, scenario: other)
            Issue.record("expected the plan to be refused")
        } catch {
            #expect(error.diagnostics.map(\.description).last
                == "\(directory)/plan.csv:5: breaks a rule of this scenario: the policy does not allow hiring")
        }
        #expect(try ReportFiles.load(outputDirectory: directory, scenario: Fixture.scenario).warnings
            == ["\(directory)/summary.json: not found; the status is shown as unknown"])
    }

    @Test func writeMakesBothFilesForSolve() throws {
        let directory = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let html = directory + "/nested/report.html", markdown = directory + "/report.md"
        try ReportFiles.write(html: html, markdown: markdown, instance: Fixture.instance, output: Fixture.output())
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(page.contains("<section id=\"map\">"))
        #expect(try String(contentsOfFile: markdown, encoding: .utf8).hasPrefix("# Plan report:"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty)
    }
}

@Suite("Progress on standard error")
struct ProgressTests {
    final class Sink: @unchecked Sendable {
        let lock = NSLock()
        var text = ""
        func append(_ s: String) { lock.withLock { text += s } }
    }

    @Test func silentWhenNotATerminal() {
        let sink = Sink()
        let progress = SolveProgress(enabled: false, write: sink.append)
        progress.stage("solving")
        progress.solverLine("*     0: obj =   0.000000000e+00 inf =   0.000e+00 (2245)")
        progress.finish()
        #expect(sink.text.isEmpty)
        #expect(progress.solverLog == nil)
    }

    @Test func standardErrorBeatsUnderTests() {
        // Under `swift test` standard error is a pipe or a file, not a terminal: no redrawn
        // line, only a line after 10 s of silence.
        if isatty(2) == 0 { #expect(SolveProgress.standardError().style == .heartbeat(silence: .seconds(10))) }
        #expect(SolveProgress.standardError(animated: false).style == .heartbeat(silence: .seconds(10)))
    }

    @Test func aSilentSolveSaysWhatItIsDoingOnItsOwnLine() {
        let sink = Sink()
        let start = ContinuousClock.now
        let progress = SolveProgress(style: .heartbeat(silence: .seconds(10)), ticks: false, write: sink.append)
        progress.stage("solving, least shortage: network simplex")
        progress.solverLine("*  4645: obj =   9.505442800e+02 inf =   0.000e+00 (0)")
        progress.beat(at: start + .seconds(9))
        #expect(sink.text.isEmpty, "nothing before 10 s of silence")
        progress.beat(at: start + .milliseconds(12_500))
        #expect(sink.text.hasPrefix("redeploy: solving, least shortage: network simplex · 12 s · simplex iteration 4645"))
        #expect(sink.text.hasSuffix("\n") && !sink.text.contains("\r"), "a whole line, no terminal control")
        let once = sink.text
        progress.beat(at: start + .seconds(21))
        #expect(sink.text == once, "the next line only after 10 s more")
        progress.beat(at: start + .seconds(23))
        #expect(sink.text.count > once.count)
        progress.finish()
        let done = sink.text
        progress.beat(at: start + .seconds(60))
        #expect(sink.text == done, "nothing after finish")
    }

    @Test func theClockMovesWhileTheSolverIsSilent() async throws {
        let sink = Sink()
        let progress = SolveProgress(enabled: true, write: sink.append)
        progress.stage("solving")
        try await Task.sleep(for: .milliseconds(1300))
        progress.finish()
        #expect(sink.text.contains("redeploy: solving · 1 s"))
        let length = sink.text.count
        try await Task.sleep(for: .milliseconds(1200))
        #expect(sink.text.count == length, "nothing drawn after finish")
    }

    @Test func ignoresOtherLogLines() {
        #expect(SolveProgress.parse("GLPK Simplex Optimizer 5.0") == nil)
        #expect(SolveProgress.parse("OPTIMAL LP SOLUTION FOUND") == nil)
        #expect(SolveProgress.parse("") == nil)
    }
}
