import Foundation
import Testing

/// Until named teachers are planned (docs/MODEL.md section 7), every command that plans refuses
/// a scenario with a roster (exit 1, one line on standard error, nothing written) instead of
/// planning as if its exempt and must_move teachers were not there; check reads it.
@Suite struct RosterGuardTests {
    private func scenario() throws -> URL {
        let folder = try Paths.temporaryDirectory()
        let files = [
            "scenario.yaml": "name: Roster\nschools: schools.csv\nstaff: staff.csv\nroster: roster.csv\n",
            "schools.csv": "id,area,level,classes\nA,X,primary,10\nB,X,primary,8\n",
            "staff.csv": "school_id,subject,teachers,leaving,required\nA,primary,2,0,1\nB,primary,1,0,2\n",
            "roster.csv": "teacher_id,school_id,subject,exempt\nT1,A,primary,illness\nT2,A,primary,\nT3,B,primary,\n",
        ]
        for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
        return folder
    }

    @Test func commandsThatPlanRefuseAndWriteNothing() throws {
        let folder = try scenario()
        let out = folder.appendingPathComponent("out")
        let refusal = "redeploy: \(folder.path): this scenario has a roster of named teachers; redeploy reads and checks it "
            + "(redeploy check), but cannot plan named teachers yet\n"
        let plan = folder.appendingPathComponent("plan.csv")
        try Data("action,from_school,to_school,subject,teachers\n".utf8).write(to: plan)
        for arguments in [["solve", folder.path, "--out", out.path, "--report", out.path + ".html"],
                          ["evaluate", folder.path, "--plan", plan.path],
                          ["compare", folder.path],
                          ["export-model", folder.path, "--stage", "1", "--format", "lp", "--out", out.path + ".lp"]] {
            let run = try redeploy(arguments)
            #expect(run.status == 1, "\(arguments[0])")
            #expect(run.stderr == refusal, "\(arguments[0]): \(run.stderr)")
            #expect(run.stdout.isEmpty)
        }
        for path in [out.path, out.path + ".html", out.path + ".lp"] {
            #expect(!FileManager.default.fileExists(atPath: path))
        }
        let check = try redeploy(["check", folder.path])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("Roster: 3 named teachers, 1 exempt"))
    }
}
