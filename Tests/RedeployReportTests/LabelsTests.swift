import Foundation
import Testing
import RedeployDomain
import ScenarioIO
@testable import RedeployReport

/// `--lang vi` (issue 17): the reports in Vietnamese, codes unchanged, and every label the code
/// writes has its Vietnamese entry.
@Suite("Vietnamese labels")
struct LabelsTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// Every English key passed to the catalogue in the sources: `l("...")` or `labels("...")`,
    /// a literal or literals joined by `+`.
    static func keys(in folder: String) throws -> [(file: String, key: String)] {
        let literal = #""((?:[^"\\]|\\.)*)""#
        let call = try NSRegularExpression(pattern: #"\b(?:l|labels)\(\s*"# + literal + #"((?:\s*\+\s*"# + literal + #")*)"#)
        let part = try NSRegularExpression(pattern: literal)
        let directory = repository.appendingPathComponent(folder)
        var found: [(String, String)] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() where name.hasSuffix(".swift") {
            let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
            let ns = text as NSString
            for match in call.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
                var key = ns.substring(with: match.range(at: 1))
                let rest = ns.substring(with: match.range(at: 2))
                let restNS = rest as NSString
                for piece in part.matches(in: rest, range: NSRange(location: 0, length: restNS.length)) {
                    key += restNS.substring(with: piece.range(at: 1))
                }
                found.append((name, key.replacingOccurrences(of: "\\\"", with: "\"").replacingOccurrences(of: "\\\\", with: "\\")))
            }
        }
        return found
    }

    @Test(arguments: ["Sources/RedeployReport", "Sources/RedeployCommands", "Sources/ScenarioIO"])
    func everyLabelHasItsVietnamese(_ folder: String) throws {
        let keys = try Self.keys(in: folder)
        #expect(!keys.isEmpty)
        let vietnamese = Labels(.vi)
        for (file, key) in keys {
            #expect(vietnamese.has(key), "\(file): no Vietnamese for \"\(key)\"")
            // The same placeholders on both sides, so that no figure is lost in translation.
            let placeholders = { (s: String) in Set((0..<10).filter { s.contains("{\($0)}") }) }
            #expect(placeholders(vietnamese(key)) == placeholders(key), "\(file): placeholders of \"\(key)\"")
        }
    }

    @Test func theReportInVietnameseHasVietnameseHeadingsAndTheSameCodes() {
        let data = FindingsTests.worseOffData()
        let english = HTMLReport.render(data)
        let html = HTMLReport.render(data, labels: Labels(.vi))
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"vi\">"))
        for heading in ["<h2>Tổng quan</h2>", "<h2>Bản đồ trường và điều động</h2>", "<h2>Trường thiếu nhiều hơn sau phương án</h2>",
                        "<h2>Giáo viên/lớp, trước và sau, so với định mức</h2>", "<h2>Thiếu hụt theo khu vực và môn học (FTE)</h2>",
                        "<h2>Những gì còn hạn chế phương án</h2>", "<h2>Điều động và tuyển mới theo trường nhận</h2>"] {
            #expect(html.contains(heading), "\(heading)")
        }
        #expect(html.contains("Thiếu hụt có trọng số"))
        #expect(html.contains("Trường thiếu từ 1 giáo viên"))
        for english in ["<h2>Headline</h2>", "What still limits the plan", "Weighted shortage", "Schools that end worse off"] {
            #expect(!html.contains(english), "\(english)")
        }
        // Codes, ids, names and figures stay as they are.
        for same in ["<option value=\"s0\">english</option>", "data-action=\"1\"", "Trường Tiểu học Đông Triều (DT-TH01)",
                     "<figcaption>preschool</figcaption>", "same_level"] {
            #expect(html.contains(same) && english.contains(same), "\(same)")
        }
        let markdown = MarkdownReport.render(data, labels: Labels(.vi))
        #expect(markdown.hasPrefix("# Báo cáo phương án: Tỉnh thử nghiệm: Hạ Long & Cẩm Phả\n"))
        #expect(markdown.contains("| Thiếu hụt có trọng số | 16.00 |"))
        #expect(markdown.contains("## Trường thiếu nhiều hơn sau phương án"))
        #expect(markdown.contains("## Giáo viên/lớp"))
        // English is what it was: the default and Labels(.en) give the same bytes.
        #expect(HTMLReport.render(data, labels: Labels(.en)) == english)
        #expect(MarkdownReport.render(data, labels: .english) == MarkdownReport.render(data))
    }
}
