import Foundation
import Testing

/// `redeploy norms` and `check --by school` on a small scenario under vn-2026.
@Suite struct NormsCommandTests {
    /// T: lower secondary, 12 classes, region 1, 460 pupils: 12 x 1.9 = 22.8, 460 - 12 x 35 = 40
    /// above, one teacher per 17: +2, maximum 24.8, plus the Young Pioneer leader: 25.8.
    /// M: preschool, 4 classes of which 1 infant group: 2.5 + 3 x 2.2 = 9.1.
    static func scenario() throws -> URL {
        let folder = try Paths.temporaryDirectory()
        let files = [
            "scenario.yaml": "name: norms\nschools: schools.csv\nstaff: staff.csv\nnorms: builtin:vn-2026\n",
            "schools.csv": "id,name,area,level,classes,pupils,region,infant_groups\n"
                + "M,Trường Mầm non Hoa Sen,X,preschool,4,,3,1\nT,Trường THCS Cô Tô,X,lower_secondary,12,460,1,0\n",
            "staff.csv": "school_id,subject,teachers\nM,preschool,7\nT,math,4\nT,young_pioneer_leader,1\n",
        ]
        for (name, text) in files {
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return folder
    }

    @Test func showsEachStepWithItsArticle() throws {
        let run = try redeploy(["norms", try Self.scenario().path, "--school", "T"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("22.8    12 classes x 1.9 teachers per class"), "\(run.stdout)")
        #expect(run.stdout.contains("Circular 20/2023/TT-BGDĐT art. 12 cl. 1 a"))
        #expect(run.stdout.contains("460 pupils - 12 classes x 35 (region 1) = 40 above; one teacher per 17 whole: +2"))
        #expect(run.stdout.contains("fixed post young_pioneer_leader: 1"))
        #expect(run.stdout.contains("25.8    total: 24.8 + 1 fixed"))
        #expect(!run.stdout.contains("school M"), "only the school asked for")
    }

    @Test func jsonGivesTheNeedsAndCsvOneRowPerStep() throws {
        let folder = try Self.scenario()
        let json = try redeploy(["norms", folder.path, "--format", "json"])
        #expect(json.status == 0)
        let items = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(items.map { $0["school"] as? String } == ["M", "T"])
        #expect(abs((items[0]["total"] as? Double ?? 0) - 9.1) < 1e-9)
        #expect(abs((items[1]["total"] as? Double ?? 0) - 25.8) < 1e-9)
        let csv = try redeploy(["norms", folder.path, "--format", "csv"])
        #expect(csv.stdout.hasPrefix("school_id,step,figure,text,source\nM,1,,"))
    }

    @Test func anUnknownSchoolIsAUsageError() throws {
        let run = try redeploy(["norms", try Self.scenario().path, "--school", "Q"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("no school 'Q'"))
    }

    /// The provincial report's columns: M norm 9.1, present 7, -2.1; T norm 25.8, present 5,
    /// -20.8, per class 2.15 and 0.42.
    @Test func checkBySchoolGivesNormPresentAndDifference() throws {
        let run = try redeploy(["check", try Self.scenario().path, "--by", "school", "--format", "csv"])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "school_id,name,area,level,classes,norm,present,surplus_shortage,norm_per_class,present_per_class")
        // Full precision, as every CSV of redeploy writes numbers: 9.100000000000001 is 2.5 + 3 x 2.2.
        let rows = lines.dropFirst().map { $0.split(separator: ",").map(String.init) }
        #expect(rows.map { $0.prefix(5) } == [["M", "Trường Mầm non Hoa Sen", "X", "preschool", "4"],
                                               ["T", "Trường THCS Cô Tô", "X", "lower_secondary", "12"]])
        let figures: [[Double]] = rows.map { $0.dropFirst(5).map { Double($0) ?? .nan } }
        let expected: [[Double]] = [[9.1, 7, -2.1, 2.275, 1.75], [25.8, 5, -20.8, 2.15, 5.0 / 12]]
        for (got, want) in zip(figures, expected) {
            #expect(zip(got, want).allSatisfy { abs($0 - $1) <= 1e-9 }, "\(got) against \(want)")
        }
        let table = try redeploy(["check", try Self.scenario().path, "--by", "school"])
        #expect(table.stdout.contains("norm (định mức)") && table.stdout.contains("present (có mặt)"))
    }
}

extension NormsCommandTests {
    /// One class teacher and one Young Pioneer leader (held: never released while the norm asks
    /// for the post): a cut of 2 would need the leader released, so it is invalid input, for
    /// solve and for the greedy method alike (exit 2, nothing written).
    @Test(arguments: ["optimal", "greedy"])
    func aCutBelowTheHeldPostsIsInvalidInput(_ method: String) throws {
        let folder = try Paths.temporaryDirectory()
        let files = [
            "scenario.yaml": "name: cut\nschools: schools.csv\nstaff: staff.csv\nnorms: builtin:vn-2026\npolicy:\n  payroll_change: -2\n",
            "schools.csv": "id,area,level,classes\nA,X,primary,1\n",
            "staff.csv": "school_id,subject,teachers\nA,primary,1\nA,young_pioneer_leader,1\n",
        ]
        for (name, text) in files { try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        let out = folder.appendingPathComponent("out")
        let run = try redeploy(["solve", folder.path, "--out", out.path, "--method", method])
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("policy.payroll_change: -2 would take the payroll below the 1 teachers who hold fixed posts"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }
}
