import Foundation
import PlanWorkbook
import Testing
import Workbook

/// `solve --spreadsheet --xlsx` end to end: the contract's files keep their bytes, the readable
/// files and the workbook are written with them, and a failure writes none of them.
@Suite("solve --spreadsheet and --xlsx", .serialized)
struct SolveOutputsTests {
    static let files = ["plan.csv", "schools.csv", "summary.json"]

    func contents(_ folder: URL, _ names: [String]) throws -> [Data] {
        try names.map { try Data(contentsOf: folder.appendingPathComponent($0)) }
    }

    @Test func addsReadableFilesAndKeepsContractBytes() throws {
        let root = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let scenario = CLI.repository.appendingPathComponent("scenarios/quang-ninh").path
        let plain = root.appendingPathComponent("plain"), readable = root.appendingPathComponent("readable")
        let xlsx = root.appendingPathComponent("plan.xlsx")
        let first = try CLI.run(CLI.redeploy, ["solve", scenario, "--out", plain.path, "--quiet"])
        let second = try CLI.run(CLI.redeploy, ["solve", scenario, "--out", readable.path, "--spreadsheet", "--xlsx", xlsx.path])
        #expect(first.status == 0 && second.status == 0, "\(second.stderr)")
        #expect(try contents(plain, Self.files) == contents(readable, Self.files))
        #expect(second.stdout.contains("summary.json, plan-readable.csv, schools-readable.csv, by-school.csv to"))
        #expect(second.stdout.contains("Wrote the plan workbook to \(xlsx.path)"))
        let listed = try FileManager.default.contentsOfDirectory(atPath: readable.path).sorted()
        #expect(listed == ["by-school.csv", "plan-readable.csv", "plan.csv", "schools-readable.csv", "schools.csv", "summary.json"])
        // plan-readable.csv has plan.csv's rows; no number shows more than 2 decimals.
        let planLines = try String(contentsOf: readable.appendingPathComponent("plan.csv"), encoding: .utf8).split(separator: "\n")
        let readableText = try String(contentsOf: readable.appendingPathComponent("plan-readable.csv"), encoding: .utf8)
        #expect(readableText.components(separatedBy: "\r\n").dropLast().count == planLines.count)
        let schoolsText = try String(contentsOf: readable.appendingPathComponent("schools-readable.csv"), encoding: .utf8)
        #expect(schoolsText.range(of: #"\.\d{3}"#, options: .regularExpression) == nil)
        #expect(schoolsText.contains("Trường Mầm non Hoa Sen Hạ Long"))
        // The workbook opens, and a second run gives the same bytes.
        let reader = try WorkbookReader(contentsOf: xlsx.path)
        #expect(reader.sheetNames == ["Summary", "Transfers", "Hires and releases", "Schools", "By school", "By area"])
        let again = root.appendingPathComponent("again.xlsx")
        _ = try CLI.run(CLI.redeploy, ["solve", scenario, "--out", root.appendingPathComponent("again").path,
                                       "--xlsx", again.path, "--quiet"])
        #expect(try Data(contentsOf: xlsx) == Data(contentsOf: again))
    }

    @Test func reportWritesTheSameWorkbookAndRefusesAnotherScenario() throws {
        let root = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let scenario = CLI.repository.appendingPathComponent("scenarios/quang-ninh").path
        let out = root.appendingPathComponent("out")
        let solved = root.appendingPathComponent("solve.xlsx"), reported = root.appendingPathComponent("report.xlsx")
        _ = try CLI.run(CLI.redeploy, ["solve", scenario, "--out", out.path, "--xlsx", solved.path, "--quiet"])
        let report = try CLI.run(CLI.redeploy, ["report", out.path, "--scenario", scenario, "--xlsx", reported.path])
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.contains("and \(reported.path)"))
        // The plan's sheets are the same; only Summary's method may differ (report reads no method).
        let (a, b) = (try WorkbookReader(contentsOf: solved.path), try WorkbookReader(contentsOf: reported.path))
        #expect(a.sheetNames == b.sheetNames)
        for name in a.sheetNames.dropFirst() { #expect(try a.sheet(name) == b.sheet(name), "\(name)") }
        // The plan of another scenario: refused, exit 2, no workbook.
        let other = CLI.repository.appendingPathComponent("scenarios/quang-ninh-30km").path
        let refused = root.appendingPathComponent("refused.xlsx")
        let wrong = try CLI.run(CLI.redeploy, ["report", out.path, "--scenario", other, "--xlsx", refused.path,
                                               "--html", root.appendingPathComponent("r.html").path])
        #expect(wrong.status == 2)
        #expect(!FileManager.default.fileExists(atPath: refused.path))
    }

    @Test func horizonWithRosterHasYearsAndDecisionLists() throws {
        let root = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let scenario = CLI.repository.appendingPathComponent("scenarios/quang-ninh-roster").path
        let xlsx = root.appendingPathComponent("roster.xlsx").path
        let run = try CLI.run(CLI.redeploy, ["solve", scenario, "--out", root.appendingPathComponent("out").path,
                                             "--xlsx", xlsx, "--spreadsheet", "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let reader = try WorkbookReader(contentsOf: xlsx)
        let names = reader.sheetNames
        #expect(Array(names.prefix(8)) == ["Summary", "Transfers", "Hires and releases", "Schools", "By school", "By area",
                                           "Assignments", "Decisions"])
        #expect(names.contains("Province") && names.contains("Releases"))
        #expect(names.contains { $0.hasPrefix("Commune ") })
        // Decisions counts every assignment once: its total is assignments.csv's rows.
        let assignments = try String(contentsOf: root.appendingPathComponent("out/assignments.csv"), encoding: .utf8)
            .split(separator: "\n").count - 1
        let decisions = try reader.sheet("Decisions")
        let total = try #require(decisions.rows.last)
        #expect(total[1]?.value == .text("Total"))
        #expect(total[5]?.value == .number(Double(assignments)))
    }

    @Test func badInputOrAnUnwritableWorkbookWritesNothing() throws {
        let root = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("out"), xlsx = root.appendingPathComponent("plan.xlsx")
        // A scenario that does not exist: exit 2, no folder, no workbook.
        let bad = try CLI.run(CLI.redeploy, ["solve", root.appendingPathComponent("missing").path, "--out", out.path,
                                             "--spreadsheet", "--xlsx", xlsx.path])
        #expect(bad.status == 2)
        #expect(!FileManager.default.fileExists(atPath: out.path) && !FileManager.default.fileExists(atPath: xlsx.path))
        // A workbook path that is a folder: exit 1, and plan.csv is not written either.
        let folder = root.appendingPathComponent("folder.xlsx")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let scenario = CLI.repository.appendingPathComponent("scenarios/quang-ninh").path
        let unwritable = try CLI.run(CLI.redeploy, ["solve", scenario, "--out", out.path, "--spreadsheet",
                                                    "--xlsx", folder.path, "--quiet"])
        #expect(unwritable.status == 1)
        #expect(unwritable.stderr.contains("folder.xlsx"))
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("plan.csv").path))
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("plan-readable.csv").path))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty)
    }
}
