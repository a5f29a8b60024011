import Foundation
import Testing

/// `evaluate --plan PLAN.csv --assignments FILE` on a roster (docs/MODEL.md section 7): the
/// people solve chose keep the rules with gap 0; hand-edited choices are refused at their line
/// (exit 4) with their stage-3 gap shown; an unreadable file is exit 2 at file:line:column.
@Suite struct EvaluateAssignmentsTests {
    /// A has 4 teachers for 2 posts: T1 exempt (1 point), T2 5 points, T3 2 points, T4 a
    /// volunteer (9 points); B has 1 (T5) for 3. The plan moves 2 from A to B; stage 3 takes the
    /// volunteer T4 and then T3, who has the fewest points (3a = 1, 3b = 2).
    private func solved() throws -> (folder: URL, plan: URL, assignments: URL) {
        let folder = try Paths.temporaryDirectory()
        let files = [
            "scenario.yaml": "name: Roster\nschools: schools.csv\nstaff: staff.csv\nroster: roster.csv\n",
            "schools.csv": "id,area,level,classes\nA,X,primary,10\nB,X,primary,8\n",
            "staff.csv": "school_id,subject,teachers,leaving,required\nA,primary,4,0,2\nB,primary,1,0,3\n",
            "roster.csv": """
                teacher_id,school_id,subject,points,volunteer,exempt,name
                T1,A,primary,1,,illness,Nguyễn Văn Một
                T2,A,primary,5,,,Trần Thị Hai
                T3,A,primary,2,,,Lê Ba
                T4,A,primary,9,true,,Phạm Bốn
                T5,B,primary,3,,,Hoàng Năm

                """,
        ]
        for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
        let out = folder.appendingPathComponent("out")
        let run = try redeploy(["solve", folder.path, "--out", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        return (folder, out.appendingPathComponent("plan.csv"), out.appendingPathComponent("assignments.csv"))
    }

    private static let header = "teacher_id,action,from_school,to_school,subject,to_subject,points,volunteer,"
        + "home_km_before,home_km_after,authority,reason\n"

    /// Writes an edited assignments file (two transfers from A to B by the teachers given).
    private func edited(_ folder: URL, _ name: String, _ ids: [String]) throws -> URL {
        let url = folder.appendingPathComponent(name)
        let rows = ids.map { "\($0),transfer,A,B,primary,,0,false,,,commune,fewest points\n" }.joined()
        try Data((Self.header + rows).utf8).write(to: url)
        return url
    }

    private func noPersonalData(_ text: String) {
        for personal in ["illness", "Nguyễn", "Trần", "Lê Ba", "Phạm", "Hoàng"] {
            #expect(!text.contains(personal), "\(personal) printed")
        }
    }

    @Test func theAssignmentsSolveWroteAreValidWithGapZero() throws {
        let (folder, plan, assignments) = try solved()
        #expect(try String(contentsOf: assignments, encoding: .utf8) == Self.header + """
            T3,transfer,A,B,primary,,2,false,,,commune,fewest points
            T4,transfer,A,B,primary,,9,true,,,commune,volunteer

            """)
        let run = try redeploy(["evaluate", folder.path, "--plan", plan.path, "--assignments", assignments.path])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("Plan: \(plan.path), 1 action: valid"))
        #expect(run.stdout.contains("Assignments: \(assignments.path), 2 assignments of 2 teachers: valid"))
        #expect(run.stdout.contains("3a, non-volunteers            1        1                      0"))
        #expect(run.stdout.contains("3b, their points           2.00     2.00                   0.00"))
        #expect(run.stdout.contains("Gap 0: in every (school, subject) the assignments reach stage 3's optimum."))
        noPersonalData(run.stdout + run.stderr)
    }

    @Test func withoutAssignmentsARosterScenarioIsEvaluated() throws {
        let (folder, plan, _) = try solved()
        let run = try redeploy(["evaluate", folder.path, "--plan", plan.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("valid: it keeps every rule of the contract"))
        #expect(!run.stdout.contains("Assignments:"))
        noPersonalData(run.stdout + run.stderr)
    }

    @Test func movingTheExemptTeacherIsRefusedAtItsLine() throws {
        let (folder, plan, _) = try solved()
        let file = try edited(folder, "exempt.csv", ["T4", "T1"])
        let run = try redeploy(["evaluate", folder.path, "--plan", plan.path, "--assignments", file.path])
        #expect(run.status == 4, "\(run.stderr)")
        #expect(run.stdout.contains("Assignments: \(file.path), 2 assignments of 2 teachers: breaks the rules: 1 violation\n"
            + "\(file.path):3: teacher 'T1': exempt or leaving, yet chosen\n"), "\(run.stdout)")
        noPersonalData(run.stdout + run.stderr)
    }

    @Test func aVolunteerPassedOverIsRefusedWithTheGapIn3a() throws {
        let (folder, plan, _) = try solved()
        let file = try edited(folder, "passed.csv", ["T3", "T2"])
        let run = try redeploy(["evaluate", folder.path, "--plan", plan.path, "--assignments", file.path])
        #expect(run.status == 4, "\(run.stderr)")
        #expect(run.stdout.contains("\(file.path):3: 'A', primary: volunteer 'T4' stays while non-volunteer 'T2' is chosen\n"),
                "\(run.stdout)")
        #expect(run.stdout.contains("3a, non-volunteers            2        1                     +1"), "\(run.stdout)")
        #expect(run.stdout.contains("A       primary   2           1  7.00        2.00   0.00        0.00"), "\(run.stdout)")
    }

    @Test func morePointsThanNeededShowTheGapIn3b() throws {
        let (folder, plan, _) = try solved()
        let file = try edited(folder, "points.csv", ["T4", "T2"])
        let run = try redeploy(["evaluate", folder.path, "--plan", plan.path, "--assignments", file.path])
        #expect(run.status == 4, "\(run.stderr)")
        #expect(run.stdout.contains("\(file.path):3: 'A', primary: 'T3' stays with fewer points than 'T2', who is chosen\n"),
                "\(run.stdout)")
        #expect(run.stdout.contains("3a, non-volunteers            1        1                      0"), "\(run.stdout)")
        #expect(run.stdout.contains("3b, their points           5.00     2.00                  +3.00"), "\(run.stdout)")
        #expect(run.stdout.contains("Where the assignments differ from the optimum, by (school, subject) (1 of 1):\n"
            + "school  subject  3a  3a optimum    3b  3b optimum  3c km  3c optimum\n"
            + "A       primary   1           1  5.00        2.00   0.00        0.00\n"), "\(run.stdout)")
    }

    @Test func anUnreadableFileIsExit2AtItsLineAndColumn() throws {
        let (folder, plan, _) = try solved()
        let file = folder.appendingPathComponent("bad.csv")
        try Data((Self.header + "T4,transfer,A,B,primary,,9,true,,,commune,volunteer\nT3,move,A,B,primary,,2,false,,,,\n").utf8)
            .write(to: file)
        let run = try redeploy(["evaluate", folder.path, "--plan", plan.path, "--assignments", file.path])
        #expect(run.status == 2)
        #expect(run.stderr == "\(file.path):3:4: unknown action 'move': expected transfer, release or retrain\n", "\(run.stderr)")
        #expect(run.stdout.isEmpty)

        let missing = folder.appendingPathComponent("missing.csv")
        try Data("teacher_id,action,from_school,subject\nT4,transfer,A,primary\n".utf8).write(to: missing)
        let other = try redeploy(["evaluate", folder.path, "--plan", plan.path, "--assignments", missing.path])
        #expect(other.status == 2)
        #expect(other.stderr.hasPrefix("\(missing.path):1:1: the header has no column 'to_school'"), "\(other.stderr)")
    }

    @Test func assignmentsWithoutARosterAreRefused() throws {
        let (folder, plan, assignments) = try solved()
        let yaml = folder.appendingPathComponent("scenario.yaml")
        try Data("name: Roster\nschools: schools.csv\nstaff: staff.csv\n".utf8).write(to: yaml)
        let run = try redeploy(["evaluate", folder.path, "--plan", plan.path, "--assignments", assignments.path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("--assignments needs a roster of named teachers"), "\(run.stderr)")
    }
}
