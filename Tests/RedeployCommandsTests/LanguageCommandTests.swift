import Foundation
import RedeployTestSupport
import Testing

/// `--lang vi` and scenario.yaml's `lang: vi` (issue 17): Vietnamese headings and labels in the
/// reports and in the tables of check, compare and evaluate; the command line over the file;
/// codes, CSV and JSON unchanged.
@Suite struct LanguageCommandTests {
    static let e1 = ConformanceExamples.url("e1-transfer-and-hire")

    /// e1 extended by a scenario.yaml that only says `lang: vi`.
    static func vietnameseScenario() throws -> URL {
        let dir = try Paths.temporaryDirectory()
        try "extends: \(e1.path)/scenario.yaml\nlang: vi\n".write(to: dir.appendingPathComponent("scenario.yaml"), atomically: true, encoding: .utf8)
        return dir
    }

    @Test func checkSpeaksVietnameseAndKeepsItsCSV() throws {
        let english = try redeploy(["check", Self.e1.path])
        let vietnamese = try redeploy(["check", Self.e1.path, "--lang", "vi"])
        #expect(english.status == 0 && vietnamese.status == 0)
        #expect(vietnamese.stdout.contains("Thừa và thiếu theo khu vực và môn học, trước mọi điều động"))
        #expect(vietnamese.stdout.contains("Thiếu hụt có trọng số trước mọi điều động (W0): "))
        #expect(!vietnamese.stdout.contains("Surplus and shortage"))
        // Subject codes stay codes.
        #expect(vietnamese.stdout.contains("english"))
        let school = try redeploy(["check", Self.e1.path, "--by", "school", "--lang", "vi"])
        #expect(school.stdout.hasPrefix("trường "))
        #expect(school.stdout.contains("định mức") && school.stdout.contains("có mặt"))
        for format in ["csv", "json"] {
            let a = try redeploy(["check", Self.e1.path, "--format", format])
            let b = try redeploy(["check", Self.e1.path, "--format", format, "--lang", "vi"])
            #expect(a.stdout == b.stdout, "\(format)")
        }
    }

    @Test func langInScenarioYAMLAndTheCommandLineOverIt() throws {
        let vi = try Self.vietnameseScenario()
        let fromFile = try redeploy(["check", vi.path])
        #expect(fromFile.status == 0)
        #expect(fromFile.stdout.contains("Thừa và thiếu theo khu vực"))
        let overridden = try redeploy(["check", vi.path, "--lang", "en"])
        #expect(overridden.stdout == (try redeploy(["check", Self.e1.path])).stdout)
    }

    @Test func solveAndReportWriteVietnameseReportsAndTheSameFiles() throws {
        let english = try Paths.temporaryDirectory(), vietnamese = try Paths.temporaryDirectory()
        for (out, extra) in [(english, [String]()), (vietnamese, ["--lang", "vi"])] {
            let run = try redeploy(["solve", Self.e1.path, "--out", out.path, "--quiet",
                                    "--report", out.appendingPathComponent("report.html").path,
                                    "--markdown", out.appendingPathComponent("report.md").path] + extra)
            try #require(run.status == 0, "\(run.stderr)")
        }
        for file in ["plan.csv", "schools.csv", "summary.json"] {
            #expect(try Data(contentsOf: english.appendingPathComponent(file)) == Data(contentsOf: vietnamese.appendingPathComponent(file)), "\(file)")
        }
        let html = try String(contentsOf: vietnamese.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"vi\">"))
        #expect(html.contains("<h2>Tổng quan</h2>") && html.contains("<h2>Những gì còn hạn chế phương án</h2>"))
        let markdown = try String(contentsOf: vietnamese.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(markdown.hasPrefix("# Báo cáo phương án: "))
        // `report` rebuilds the same Vietnamese page from the folder, and from scenario.yaml's lang alone.
        let again = try Paths.temporaryDirectory()
        let report = try redeploy(["report", vietnamese.path, "--scenario", Self.e1.path, "--lang", "vi", "--quiet",
                                   "--html", again.appendingPathComponent("r.html").path, "--markdown", again.appendingPathComponent("r.md").path])
        #expect(report.status == 0, "\(report.stderr)")
        #expect(try String(contentsOf: again.appendingPathComponent("r.html"), encoding: .utf8) == html)
        let fromFile = try redeploy(["report", vietnamese.path, "--scenario", try Self.vietnameseScenario().path, "--quiet",
                                     "--html", again.appendingPathComponent("f.html").path, "--markdown", again.appendingPathComponent("f.md").path])
        #expect(fromFile.status == 0, "\(fromFile.stderr)")
        #expect(try String(contentsOf: again.appendingPathComponent("f.html"), encoding: .utf8).contains("<h2>Tổng quan</h2>"))
    }

    @Test func compareAndEvaluatePrintVietnameseTables() throws {
        let compare = try redeploy(["compare", Self.e1.path, "--lang", "vi"])
        #expect(compare.status == 0)
        #expect(compare.stdout.hasPrefix("Các kịch bản\n"))
        #expect(compare.stdout.contains("W, thiếu hụt có trọng số"))
        let markdown = try redeploy(["compare", Self.e1.path, "--lang", "vi", "--format", "markdown"])
        #expect(markdown.stdout.contains("| W, thiếu hụt có trọng số |"))
        let csv = try redeploy(["compare", Self.e1.path, "--lang", "vi", "--format", "csv"])
        #expect(csv.stdout.contains("\nweighted_shortage,"))

        let out = try Paths.temporaryDirectory()
        _ = try redeploy(["solve", Self.e1.path, "--out", out.path, "--quiet"])
        let evaluate = try redeploy(["evaluate", Self.e1.path, "--plan", out.appendingPathComponent("plan.csv").path, "--lang", "vi"])
        #expect(evaluate.status == 0)
        #expect(evaluate.stdout.contains("hợp lệ: tuân thủ mọi quy định của mô hình"))
        #expect(evaluate.stdout.contains("Thiếu hụt có trọng số W: phương án "))
        #expect(evaluate.stdout.contains("Phương án tối ưu làm khác ở đâu"))
    }

    @Test func anotherLanguageIsInvalidInput() throws {
        let out = try Paths.temporaryDirectory().appendingPathComponent("out")
        let run = try redeploy(["solve", Self.e1.path, "--out", out.path, "--lang", "fr"])
        #expect(run.status == 2)
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }
}
