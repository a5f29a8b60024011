import Foundation
import Testing
import RedeployDomain
import ScenarioIO
@testable import RedeployReport

/// The decision lists by authority (issue 16) in the horizon reports, on a hand-made instance:
/// the fixture Tests/Fixtures/horizon/course-ahead (2025–2026) with its two schools A and B put
/// in the commune Hạ Long beside a third school C (its name tries to inject HTML), and two
/// schools D and E in Cẩm Phả. Six assignments, written by hand (the report takes them as
/// given): two in Hạ Long, one in Cẩm Phả, two between communes, one release. Their points and
/// home distances are odd numbers that must never show.
@Suite("Decision lists")
struct DecisionListsTests {
    static func scenario() throws -> Scenario {
        var scenario = try HorizonReportTests.scenario(placed: true)
        for k in scenario.schools.indices { scenario.schools[k].area = "Hạ Long" }
        scenario.schools += [
            School(id: "C", name: Fixture.hostileName, area: "Hạ Long", level: "primary", classes: 4),
            School(id: "D", name: "Trường Tiểu học Cẩm Phả 1", area: "Cẩm Phả", level: "primary", classes: 6),
            School(id: "E", name: "Trường Tiểu học Cẩm Phả 2", area: "Cẩm Phả", level: "primary", classes: 6),
        ]
        return scenario
    }

    static let personal = ["917.25", "33.125", "4242.5", "871.75", "55.5", "12.345", "67.891"]

    /// In no particular order: the lists sort them.
    static let assignments: [Assignment] = [
        Assignment(teacherID: "T06", year: 2026, action: .release, fromSchool: "C", toSchool: nil, subject: "english",
                   toSubject: nil, points: 871.75, volunteer: false, homeKmBefore: 12.345, homeKmAfter: nil,
                   authority: nil, basis: .fewestPoints),
        Assignment(teacherID: "T04", year: 2026, action: .retrain, fromSchool: "E", toSchool: "B", subject: "english",
                   toSubject: "math", points: 55.5, volunteer: true, homeKmBefore: 67.891, homeKmAfter: 12.345,
                   authority: .province, basis: .volunteer),
        Assignment(teacherID: "T03", year: 2026, action: .transfer, fromSchool: "A", toSchool: "C", subject: "primary",
                   toSubject: nil, points: 917.25, volunteer: true, homeKmBefore: nil, homeKmAfter: nil,
                   authority: .commune, basis: .volunteer),
        Assignment(teacherID: "T05", year: 2025, action: .transfer, fromSchool: "D", toSchool: "E", subject: "primary",
                   toSubject: nil, points: 33.125, volunteer: false, homeKmBefore: 67.891, homeKmAfter: 12.345,
                   authority: .commune, basis: .mustMove),
        Assignment(teacherID: "T02", year: 2025, action: .transfer, fromSchool: "A", toSchool: "D", subject: "primary",
                   toSubject: nil, points: 4242.5, volunteer: false, homeKmBefore: 12.345, homeKmAfter: 67.891,
                   authority: .province, basis: .fewestPoints),
        Assignment(teacherID: "T01", year: 2025, action: .retrain, fromSchool: "A", toSchool: "B", subject: "english",
                   toSubject: "math", points: 33.125, volunteer: false, homeKmBefore: nil, homeKmAfter: nil,
                   authority: .commune, basis: .fewestPoints),
    ]

    static func inputs() throws -> HorizonReportTests.Inputs { HorizonReportTests.inputs(try scenario()) }

    static func markdown(_ i: HorizonReportTests.Inputs, _ a: [Assignment]? = assignments) -> String {
        HorizonReportFiles.markdown(instance: i.instance, optimum: i.optimum, myopic: i.myopic, assignments: a)
    }

    static func html(_ i: HorizonReportTests.Inputs, _ a: [Assignment]? = assignments) -> String {
        HorizonReportFiles.html(instance: i.instance, optimum: i.optimum, myopic: i.myopic, assignments: a)
    }

    /// The text from `start` up to (not including) `end`, or to the end.
    static func slice(_ text: String, from start: String, to end: String? = nil) -> String? {
        guard let from = text.range(of: start) else { return nil }
        guard let end, let to = text.range(of: end, range: from.upperBound..<text.endIndex) else {
            return String(text[from.lowerBound...])
        }
        return String(text[from.lowerBound..<to.lowerBound])
    }

    @Test func markdownHasOneListPerCommuneOneForTheProvinceAndTheReleases() throws {
        let md = Self.markdown(try Self.inputs())
        let section = try #require(Self.slice(md, from: "## Decisions to sign"))
        let c = Format.markdown(Fixture.hostileName + " (C)")
        let header = "| Teacher | Year | Action | From school | To school | Subject | Reason |"
        let rule = "|---|---|---|---|---|---|---|"
        let expected = [
            "### Decisions by authority",
            "",
            "| Authority | Transfers | Retrained | Releases | Decisions |",
            "|---|---:|---:|---:|---:|",
            "| Commune: Cẩm Phả | 1 | 0 | 0 | 1 |",
            "| Commune: Hạ Long | 1 | 1 | 0 | 2 |",
            "| Province | 1 | 1 | 1 | 3 |",
            "| **All authorities** | **3** | **2** | **1** | **6** |",
            "",
            "### Commune: Cẩm Phả · 1 decision",
            "",
            header, rule,
            "| T05 | 2025 | transfer | Trường Tiểu học Cẩm Phả 1 (D) | Trường Tiểu học Cẩm Phả 2 (E) | primary | must_move |",
            "",
            "### Commune: Hạ Long · 2 decisions",
            "",
            header, rule,
            "| T01 | 2025 | retrain | A | B | english → math | fewest points |",
            "| T03 | 2026 | transfer | A | \(c) | primary | volunteer |",
            "",
            "### Province: transfers and retraining between communes · 2 decisions",
            "",
            header, rule,
            "| T02 | 2025 | transfer | A | Trường Tiểu học Cẩm Phả 1 (D) | primary | fewest points |",
            "| T04 | 2026 | retrain | Trường Tiểu học Cẩm Phả 2 (E) | B | english → math | volunteer |",
            "",
            "### Releases (signed by the province) · 1 decision",
            "",
            header, rule,
            "| T06 | 2026 | release | \(c) |  | english | released: payroll; fewest points |",
            "",
        ].joined(separator: "\n")
        let afterNote = try #require(Self.slice(section, from: "### Decisions by authority"))
        #expect(afterNote == expected)
        #expect(section.hasPrefix("## Decisions to sign\n\n" + Format.markdown(DecisionLists.note) + "\n\n"))
        // The other tables are still there, before it.
        #expect(md.contains("## Retraining"))
        #expect(md.range(of: "## Retraining")!.lowerBound < md.range(of: "## Decisions to sign")!.lowerBound)
    }

    @Test func htmlHasTheSameSectionsAndRows() throws {
        let page = Self.html(try Self.inputs())
        let section = try #require(Self.slice(page, from: "<section id=\"decisions\">", to: "</section>"))
        #expect(page.contains("<a href=\"#decisions\">Decisions to sign</a>"))
        #expect(section.contains("<h2>Decisions to sign</h2>"))
        #expect(section.contains("<table class=\"years\" id=\"table-decisions-summary\">"))
        let ids = ["decisions-commune-1", "decisions-commune-2", "decisions-province", "decisions-releases"]
        let titles = ["Commune: Cẩm Phả · 1 decision", "Commune: Hạ Long · 2 decisions",
                      "Province: transfers and retraining between communes · 2 decisions",
                      "Releases (signed by the province) · 1 decision"]
        var last = section.startIndex
        for (id, title) in zip(ids, titles) {
            let h = try #require(section.range(of: "<h3 id=\"\(id)\">\(title)</h3>"))
            #expect(h.lowerBound > last)
            last = h.lowerBound
            #expect(section.occurrences(of: "id=\"table-\(id)\"") == 1)
        }
        #expect(section.occurrences(of: "<h3 id=\"decisions-") == 4 + 1)  // and the summary
        // Six rows of moves, in the lists' order, plus the summary's three and its total.
        let teachers = ["T05", "T01", "T03", "T02", "T04", "T06"]
        var at = section.startIndex
        for t in teachers {
            let r = try #require(section.range(of: "<tr><td class=\"text\">\(t)</td>", range: at..<section.endIndex))
            at = r.upperBound
        }
        #expect(section.occurrences(of: "<tr><td") == 6 + 3)
        #expect(section.contains("<td class=\"text\">Province</td><td>1</td><td>1</td><td>1</td><td>3</td>"))
        #expect(section.contains("<tr class=\"total\"><td class=\"text\">All authorities</td><td>3</td><td>2</td><td>1</td><td>6</td></tr>"))
        #expect(section.contains("<td class=\"text\">T01</td><td class=\"text\">2025</td><td class=\"text\">retrain</td>"
            + "<td class=\"text\">A</td><td class=\"text\">B</td><td class=\"text\">english → math</td><td class=\"text\">fewest points</td>"))
        // Short lists are not folded; the hostile name is escaped.
        #expect(!section.contains("<details"))
        #expect(!page.contains(Fixture.hostileName) && section.contains(Format.html(Fixture.hostileName)))
    }

    @Test func longListsAreFoldedClosed() throws {
        let many = (1...20).map { k in
            Assignment(teacherID: String(format: "T%02d", k), year: 2025, action: .transfer, fromSchool: "D", toSchool: "E",
                       subject: "primary", toSubject: nil, points: 1, volunteer: false, homeKmBefore: nil, homeKmAfter: nil,
                       authority: .commune, basis: .fewestPoints)
        }
        let section = try #require(Self.slice(Self.html(try Self.inputs(), many), from: "<section id=\"decisions\">", to: "</section>"))
        #expect(section.occurrences(of: "<details class=\"decision-list\">") == 1)
        #expect(!section.contains("<details open"))
        #expect(section.contains("<summary>Show the 20 decisions</summary>"))
        #expect(section.contains("<h3 id=\"decisions-province\">Province: transfers and retraining between communes · 0 decisions</h3>"))
        #expect(section.occurrences(of: "Nothing to sign.") == 2)
    }

    @Test func noPersonalFieldIsShown() throws {
        let i = try Self.inputs()
        for text in [Self.html(i), Self.markdown(i)] {
            let section = try #require(Self.slice(text, from: "Decisions to sign"))
            for figure in Self.personal { #expect(!section.contains(figure), "\(figure)") }
            for word in ["Points", "points:", "exempt", "Exempt", "home", "Home", "birth", "km"] {
                #expect(!section.contains(word), "\(word)")
            }
        }
    }

    @Test func theSameInputsGiveTheSameBytesWhateverTheOrder() throws {
        let i = try Self.inputs()
        let reversed = Array(Self.assignments.reversed())
        #expect(Self.html(i) == Self.html(try Self.inputs(), reversed))
        #expect(Self.markdown(i) == Self.markdown(i, reversed))
        let folder = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for name in ["a", "b"] {
            try HorizonReportFiles.write(html: "\(folder)/\(name).html", markdown: "\(folder)/\(name).md", instance: i.instance,
                                         optimum: i.optimum, myopic: i.myopic, assignments: Self.assignments)
        }
        for ext in ["html", "md"] {
            let a = try Data(contentsOf: URL(fileURLWithPath: "\(folder)/a.\(ext)"))
            #expect(a == (try Data(contentsOf: URL(fileURLWithPath: "\(folder)/b.\(ext)"))))
            #expect(String(decoding: a, as: UTF8.self).contains("Decisions to sign"))
        }
    }

    @Test func withoutARosterTheReportsAreUnchanged() throws {
        let i = HorizonReportTests.inputs(try HorizonReportTests.scenario(placed: true))
        let page = HorizonReportFiles.html(instance: i.instance, optimum: i.optimum, myopic: i.myopic)
        let md = HorizonReportFiles.markdown(instance: i.instance, optimum: i.optimum, myopic: i.myopic)
        #expect(page == Self.html(i, nil) && md == Self.markdown(i, nil))
        #expect(!page.contains("decision") && !page.contains("Decisions") && !md.contains("Decisions"))
        // An empty roster plan still has the section: nothing to sign.
        let empty = Self.markdown(i, [])
        #expect(empty.contains("## Decisions to sign") && empty.occurrences(of: "Nothing to sign.") == 2)
    }
}
