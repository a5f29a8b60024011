import RedeployTestSupport
import Foundation
import RedeployDomain
import Testing
@testable import ScenarioIO

@Suite("PlanReader: plan.csv with positions")
struct PlanReaderTests {
    static let header = "action,from_school,to_school,subject,teachers,km\n"

    /// The diagnostics of reading `text`, failing the test if it reads.
    func errors(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> [String] {
        do {
            _ = try PlanReader.parse(text, file: "plan.csv")
            Issue.record("expected the plan to be unreadable", sourceLocation: sourceLocation)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    @Test func readsActionsWithTheirLines() throws {
        let text = Self.header + "transfer,A,B,math,2,12.5\n\nhire,,B,english,1,\n\"release\",C,,math,1.5,\n"
        let file = try PlanReader.parse(text, file: "plan.csv")
        #expect(file.plan.actions == [
            .transfer(from: "A", to: "B", subject: "math", teachers: 2, km: 12.5),
            .hire(at: "B", subject: "english", teachers: 1),
            .release(at: "C", subject: "math", teachers: 1.5),
        ])
        // The blank line 3 is skipped; lines count from the header's 1.
        #expect(file.lines == [2, 4, 5])
        #expect(file.hasKmColumn)
        #expect(file.line(ofAction: 1) == 4)
        #expect(file.line(ofAction: 3) == nil)
    }

    @Test func columnsInAnyOrderKmOptionalExtraIgnored() throws {
        let text = "Teachers,subject,note,to_school,ACTION,from_school\n3,math,\"a, b\",B,Transfer,A\n"
        let file = try PlanReader.parse(text, file: "plan.csv")
        #expect(file.plan.actions == [.transfer(from: "A", to: "B", subject: "math", teachers: 3)])
        #expect(!file.hasKmColumn)
    }

    @Test func aHeaderAloneIsTheEmptyPlan() throws {
        let file = try PlanReader.parse(Self.header, file: "plan.csv")
        #expect(file.plan.actions.isEmpty)
        #expect(file.lines.isEmpty)
    }

    @Test func badCellsAreNamedByLineAndColumn() {
        let text = Self.header
            + "move,A,B,math,1,\n"          // line 2: unknown action at column 1
            + "transfer,A,B,,1,\n"          // line 3: empty subject at column 14
            + "transfer,A,B,math,two,\n"    // line 4: teachers at column 19
            + "hire,,B,math,-1,\n"          // line 5: negative at column 14
            + "hire,,B,math,inf,\n"         // line 6: not finite
            + "hire,,B,math,1e999,\n"       // line 7: overflows to infinity
            + "hire,,B,math,nan,\n"         // line 8
            + "transfer,A,B,math,1,far\n"   // line 9: km at column 21
            + "hire,,B,math,\"1,5\",\n"     // line 10: decimal comma, quoted field at column 14
            + "  ,A,B,math,1,\n"            // line 11: empty action
        #expect(errors(text) == [
            "plan.csv:2:1: unknown action 'move': expected transfer, hire, release or retrain",
            "plan.csv:3:14: subject is empty",
            "plan.csv:4:19: teachers must be a number, got 'two'",
            "plan.csv:5:14: teachers must be 0 or more, got -1; a move the other way is a transfer from the other school",
            "plan.csv:6:14: teachers must be a number, got 'inf'",
            "plan.csv:7:14: teachers must be a number, got '1e999'",
            "plan.csv:8:14: teachers must be a number, got 'nan'",
            "plan.csv:9:21: km must be empty or a number >= 0, got 'far'",
            "plan.csv:10:14: teachers must be a number, got '1,5'; write the decimal separator as a dot: 1.5",
            "plan.csv:11:1: action is empty: expected transfer, hire, release or retrain",
        ])
    }

    @Test func aMistypedActionGetsASuggestion() {
        #expect(errors(Self.header + "tranfser,A,B,math,1,\n") == [
            "plan.csv:2:1: unknown action 'tranfser': expected transfer, hire, release or retrain (did you mean 'transfer'?)",
        ])
    }

    @Test func missingColumnsAreNamedOnTheHeader() {
        let found = errors("action,from,to_school,subject\ntransfer,A,B,math\n")
        #expect(found.count == 2)
        #expect(found[0].hasPrefix("plan.csv:1:1: the header has no column 'from_school'"))
        #expect(found[1].hasPrefix("plan.csv:1:1: the header has no column 'teachers'"))
    }

    @Test func structuralProblemsComeFromTheCSVReader() {
        #expect(errors("") == ["plan.csv: is empty: expected a header row naming the columns"])
        #expect(errors(Self.header + "transfer,A,B,math,1\n") == ["plan.csv:2:1: this row has 5 fields but the header has 6"])
        #expect(errors(Self.header + "transfer,A,B,\"math,1,\n").first?.hasPrefix("plan.csv:2:14: this quoted field is never closed") == true)
    }

    @Test func unknownSchoolsReadWellTheCheckerJudgesThem() throws {
        // Not the reader's business: an unknown id is a violation for the checker to report, not
        // unreadable input.
        let file = try PlanReader.parse(Self.header + "transfer,NOPE,B,math,1,\n", file: "plan.csv")
        #expect(file.plan.actions.first?.from == "NOPE")
    }

    @Test func readsFromDiskNamingTheFileAsGiven() throws {
        let path = try TestFolders.fresh("plan").appendingPathComponent("plan.csv").path
        try (Self.header + "hire,,B,math,x,\n").write(toFile: path, atomically: true, encoding: .utf8)
        do {
            _ = try PlanReader.read(contentsOf: path, file: "my/plan.csv")
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostics.map(\.description) == ["my/plan.csv:2:14: teachers must be a number, got 'x'"])
        }
        do {
            _ = try PlanReader.read(contentsOf: path + ".missing")
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostics.map(\.description) == ["\(path).missing: file not found"])
        }
    }

    @Test func roundTripsWhatSolveWrites() throws {
        let plan = Plan(actions: [.transfer(from: "A", to: "B", subject: "toán, lớp 6", teachers: 0.1 + 0.2, km: 3.3),
                                  .hire(at: "B", subject: "english", teachers: 1),
                                  .release(at: "A", subject: "math", teachers: 2)])
        var csv = CSVWriter(header: ["action", "from_school", "to_school", "subject", "teachers", "km"])
        for a in plan.actions {
            csv.appendRow([a.kind.rawValue, a.from ?? "", a.to ?? "", a.subject, NumberText.format(a.teachers), NumberText.format(a.km)])
        }
        let file = try PlanReader.parse(csv.text, file: "plan.csv")
        #expect(file.plan == plan)
    }
}

/// A plan line of 1e308 teachers would make the plan's sums infinite: refused with its position.
@Test func planTeachersAbovePlausibleAreRefused() throws {
    let dir = try TestFolders.fresh("plan-limit")
    let file = dir.appendingPathComponent("plan.csv")
    try "action,from_school,to_school,subject,teachers,km\nhire,,A,math,1e308,\n".write(to: file, atomically: true, encoding: .utf8)
    do {
        _ = try PlanReader.read(contentsOf: file.path)
        Issue.record("1e308 teachers was accepted")
    } catch {
        #expect(error.diagnostics.map(\.description) == ["\(file.path):2:14: teachers must be at most 1000000, got 1e308"])
    }
}
