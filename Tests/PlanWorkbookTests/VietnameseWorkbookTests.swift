import Foundation
@testable import PlanWorkbook
import RedeployDomain
import ScenarioIO
import Testing

/// The plan workbook with `--lang vi` (issue 17): Vietnamese sheet names and headings, while the
/// Transfers and Hires and releases sheets and the contract's columns keep their names, so that
/// `evaluate --plan plan.xlsx` still reads the plan back.
@Suite("Plan workbook in Vietnamese")
struct VietnameseWorkbookTests {
    @Test func sheetsAndHeadingsInVietnameseAndTheContractsNamesKept() throws {
        let english = PlanSheets(Fixture.view()).all(), vietnamese = PlanSheets(Fixture.view(), labels: .vietnamese).all()
        #expect(english.count == vietnamese.count)
        let names = vietnamese.map(\.name)
        #expect(names.contains("Tổng quan") && names.contains("Trường") && names.contains("Theo khu vực"))
        #expect(names.contains(PlanSheets.transfersSheet) && names.contains(PlanSheets.hiresSheet))
        for (a, b) in zip(english, vietnamese) where a.name == PlanSheets.transfersSheet || a.name == PlanSheets.hiresSheet {
            #expect(b.name == a.name)
            // The contract's columns first, as they are; the rest labels.
            let contract = PlanSheets(Fixture.view()).contractColumns
            #expect(Array(b.columns.map(\.heading).prefix(contract.count)) == contract)
            #expect(b.columns.count == a.columns.count && b.columns.map(\.heading) != a.columns.map(\.heading))
            if a.name == PlanSheets.transfersSheet { #expect(b.columns.map(\.heading).contains("Trường điều đi")) }
            #expect(b.rows == a.rows)
        }
        let summary = try #require(vietnamese.first)
        #expect(summary.columns.map(\.heading) == ["Chỉ số", "Giá trị", "Khóa trong summary.json"])
        let schools = try #require(vietnamese.first { $0.name == "Trường" })
        #expect(schools.columns.map(\.heading).prefix(5) == ["school_id", "Trường", "Khu vực", "Cấp học", "subject"])
        #expect(WorkbookLabels.of(Labels(.vi)) == .vietnamese && WorkbookLabels.of(.english) == .english)
    }

    @Test func sheetNamesFitExcel() {
        let l = WorkbookLabels.vietnamese
        for name in [l.summarySheet, l.yearsSheet, l.schoolsSheet, l.bySchoolSheet, l.byAreaSheet, l.assignmentsSheet,
                     l.decisionsSheet, l.provinceSheet, l.releasesSheet] {
            #expect(name.count <= SheetNames.maximumLength && SheetNames.clean(name) == name, "\(name)")
        }
    }

    @Test func aVietnameseWorkbookIsEvaluatedLikeAnEnglishOne() throws {
        let scenario = CLI.repository.appendingPathComponent("scenarios/quang-ninh").path
        let out = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let xlsx = out.appendingPathComponent("plan.xlsx").path
        let solve = try CLI.run(CLI.redeploy, ["solve", scenario, "--out", out.path, "--xlsx", xlsx, "--lang", "vi", "--quiet"])
        try #require(solve.status == 0)
        let evaluate = try CLI.run(CLI.redeploy, ["evaluate", scenario, "--plan", xlsx])
        #expect(evaluate.status == 0)
        #expect(evaluate.stdout.contains("valid: it keeps every rule of the contract"))
        #expect(evaluate.stdout.contains("gap 0.00"))
    }
}
