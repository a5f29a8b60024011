import Foundation
import Testing
@testable import ScenarioIO
import RedeployDomain

@Suite("Norm presets")
struct NormPresetTests {
    @Test func shippedPresets() {
        #expect(NormPresets.names == ["vn-2023", "vn-2023-full", "vn-2026"])
        #expect(NormPresets.rows("nope") == nil)
        #expect(NormPresets.rows("../Presets/vn-2023") == nil)
    }

    /// Every figure is the arithmetic its row shows: (periods + shared) / teaching periods.
    @Test(arguments: ["vn-2023", "vn-2023-full"])
    func figuresFollowFromTheirPeriods(_ name: String) throws {
        let table = try #require(NormPresets.table(name))
        let perClass = try #require(table.index(of: "per_class"))
        let periods = try #require(table.index(of: "periods_per_week"))
        let shared = try #require(table.index(of: "shared_periods"))
        let load = try #require(table.index(of: "teaching_periods"))
        var checked = 0
        for row in table.rows where !row.fields[periods].isBlank {
            let p = try #require(CSVNumber.decimal(row.fields[periods].text))
            let s = row.fields[shared].isBlank ? 0 : try #require(CSVNumber.decimal(row.fields[shared].text))
            let l = try #require(CSVNumber.decimal(row.fields[load].text))
            let value = try #require(CSVNumber.decimal(row.fields[perClass].text))
            #expect(abs(value - (p + s) / l) < 1e-6, "line \(row.line)")
            checked += 1
        }
        #expect(checked == 30)
        let rows = try #require(NormPresets.rows(name))
        #expect(Set(rows.map(\.level)) == ["preschool", "primary", "lower_secondary", "upper_secondary"])
    }

    @Test func figuresOfNORMSmd() throws {
        let rows = try #require(NormPresets.rows("vn-2023"))
        func value(_ level: String, _ subject: String) -> Double? {
            rows.first { $0.level == level && $0.subject == subject }?.perClass
        }
        // docs/NORM-PRESETS.md: a THCS with 12 classes needs 12 x 4 / 19 = 2.53 maths teachers.
        #expect(abs(12 * value("lower_secondary", "math")! - 2.53) < 0.005)
        #expect(value("lower_secondary", "english") == 0.157895)  // 3 / 19
        #expect(value("preschool", "preschool") == 2.2)  // Circular 19/2023
        #expect(value("upper_secondary", "math") == 0.176471)  // 3 / 17
        // Primary: 27.6 periods a week on average / 23 = 1.2 per class.
        let primary = rows.filter { $0.level == "primary" }.map(\.perClass).reduce(0, +)
        #expect(abs(primary - 1.2) < 1e-5)
    }

    @Test func fullPresetMatchesTheNationalCheck() throws {
        let rows = try #require(NormPresets.rows("vn-2023-full"))
        func total(_ level: String) -> Double { rows.filter { $0.level == level }.map(\.perClass).reduce(0, +) }
        // docs/NORM-PRESETS.md: THCS 29 periods / 19 + homeroom 4 / 19 = 1.74, against 1.73 actual.
        #expect(abs(total("lower_secondary") - 1.75) < 1e-5)
        #expect(abs(total("primary") - 31.6 / 23) < 1e-5)
        #expect(abs(total("upper_secondary") - 32.5 / 17) < 1e-5)
        // Every total stays below the Circular 20/2023 maxima (1.5, 1.9, 2.25).
        #expect(total("primary") < 1.5 && total("lower_secondary") < 1.9 && total("upper_secondary") < 2.25)
    }
}

@Suite("Summary of check")
struct SummaryTests {
    @Test(arguments: Examples.all)
    func weightedShortageBeforeMatchesTheExamples(_ name: String) throws {
        let summary = ScenarioSummary(Instance(try ScenarioLoader.load(Examples.path(name))))
        let expected = try Examples.expectedW0(name)
        #expect(abs(summary.weightedShortageBefore - expected) <= 1e-6 * max(1, abs(expected)))
        #expect(abs(summary.total.weightedShortage - expected) <= 1e-6 * max(1, abs(expected)))
    }

    @Test func e1ByAreaAndSubject() throws {
        let summary = ScenarioSummary(Instance(try ScenarioLoader.load(Examples.path("e1-transfer-and-hire"))))
        #expect(summary.byAreaSubject.map { "\($0.area!)/\($0.subject!)" }
                == ["Bình Liêu/english", "Bình Liêu/math", "Cô Tô/english", "Cô Tô/math", "Hạ Long/english", "Hạ Long/math"])
        let haLongMath = summary.byAreaSubject[5]
        #expect(haLongMath.schools == 2)
        #expect(haLongMath.teachers == 7)
        #expect(abs(haLongMath.required - 4.64) < 1e-9)
        // T1 has 2.47 spare, T2 is 0.11 short: both show, neither hides the other.
        #expect(abs(haLongMath.surplus - 2.47) < 1e-9)
        #expect(abs(haLongMath.shortage - 0.11) < 1e-9)
        let binhLieuEnglish = summary.byAreaSubject[0]
        #expect(abs(binhLieuEnglish.weightedShortage - 1.5 * 1.26) < 1e-9)  // priority 1.5
        #expect(summary.byLevel.count == 1)
        #expect(summary.byLevel[0].classes == 36)
        #expect(summary.total.teachers == 16)
        #expect(summary.total.leaving == 1)
        #expect(summary.total.staying == 15)
        #expect(abs(summary.total.teachersPerClass! - 16.0 / 36) < 1e-12)
        #expect(summary.payroll == .init(before: 16, leaving: 1, payrollChange: 0, hiring: true))
        #expect(summary.payroll.headroom == 1)
        #expect(summary.payroll.hiresAllowed == 1)
    }

    @Test func streamliningNeedsReleases() throws {
        let summary = ScenarioSummary(Instance(try ScenarioLoader.load(Examples.path("e3-streamlining"))))
        #expect(summary.payroll.before == 35)
        #expect(summary.payroll.cap == 32)
        #expect(summary.payroll.headroom == -2)
        #expect(summary.payroll.releasesNeeded == 2)
        #expect(summary.payroll.hiresAllowed == 0)
    }

    @Test func qualificationsCoverInTheWeightedShortage() throws {
        // e2: X's natural science is short 0.5 as a subject, but its physics teacher covers it.
        let summary = ScenarioSummary(Instance(try ScenarioLoader.load(Examples.path("e2-qualification-split"))))
        let science = try #require(summary.byAreaSubject.first { $0.subject == "natural_science" })
        #expect(science.shortage == 0.5)
        #expect(science.weightedShortage == 0)
    }

    @Test func tableIsAlignedWithVietnameseText() throws {
        let text = ScenarioSummary(Instance(try ScenarioLoader.load(Examples.path("e1-transfer-and-hire")))).render(.table)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let header = try #require(lines.firstIndex { $0.hasPrefix("area ") })
        let block = lines[header...header + 7]
        // Right-aligned numbers: every row of the block ends at the same character count.
        #expect(Set(block.map(\.count)).count == 1, "\(block)")
        #expect(block.contains("Hạ Long    math           2         7        0        7      4.64     2.47      0.11      0.11"))
        #expect(text.contains("Weighted shortage before any move (W0): 3.41\n"))
        #expect(text.contains("Payroll: 16 teachers now, 1 leaving, payroll_change 0: at most 16 after the plan; headroom 1 (up to 1 hire)"))
    }

    @Test func alignmentCountsWhatAPersonSees() {
        // "Hạ" decomposed (NFD) is 3 scalars but 2 characters on screen.
        var table = TextTable(["area", "n"], leftColumns: 1)
        table.add(["Ha\u{0323}", "1"])
        table.add(["Cô", "22"])
        #expect(table.text == "area   n\nHạ     1\nCô    22\n")
    }

    @Test func csvAndJSON() throws {
        let summary = ScenarioSummary(Instance(try ScenarioLoader.load(Examples.path("e5-priority-and-caps"))))
        let csv = try CSVTable.parse(summary.render(.csv), file: "check.csv")
        let total = try #require(csv.rows.last)
        #expect(total[csv.index(of: "group")]?.text == "total")
        let w0 = try #require(total[csv.index(of: "weighted_shortage")].flatMap { Double($0.text) })
        #expect(w0 == summary.weightedShortageBefore)  // written to read back to the same double
        #expect(abs(w0 - 5.4) < 1e-9)
        #expect(total[csv.index(of: "payroll_headroom")]?.text == "0")
        #expect(csv.rows.filter { $0[csv.index(of: "group")]?.text == "area_subject" }.count == 2)

        let json = try JSONSerialization.jsonObject(with: Data(summary.render(.json).utf8)) as! [String: Any]
        #expect((json["weighted_shortage_before"] as? NSNumber)?.doubleValue == summary.weightedShortageBefore)
        let payroll = json["payroll"] as! [String: Any]
        #expect((payroll["before"] as? NSNumber)?.intValue == 27)
        let levels = json["by_level"] as! [[String: Any]]
        #expect(levels.first?["level"] as? String == "preschool")
        #expect((levels.first?["classes"] as? NSNumber)?.intValue == 13)
    }
}
