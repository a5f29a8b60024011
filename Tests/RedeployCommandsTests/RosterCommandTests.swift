import Foundation
import Testing

/// A roster (docs/MODEL.md section 7) on the command line: `solve` plans it (exempt teachers
/// stay, the people in assignments.csv, nothing personal on standard output); `compare` and
/// `export-model` use the same model; `report OUTDIR` refuses it for now (exit 1).
@Suite struct RosterCommandTests {
    /// A has 2 teachers for 1 post, one exempt (illness); B has 1 for 2. One of A's moves to B
    /// (move cost 1): the one who is not exempt, T2. Both schools are in area X: the commune signs.
    private func scenario() throws -> URL {
        let folder = try Paths.temporaryDirectory()
        let files = [
            "scenario.yaml": "name: Roster\nschools: schools.csv\nstaff: staff.csv\nroster: roster.csv\n",
            "schools.csv": "id,area,level,classes\nA,X,primary,10\nB,X,primary,8\n",
            "staff.csv": "school_id,subject,teachers,leaving,required\nA,primary,2,0,1\nB,primary,1,0,2\n",
            "roster.csv": "teacher_id,school_id,subject,exempt,name\nT1,A,primary,illness,Nguyễn Văn Một\nT2,A,primary,,Trần Thị Hai\nT3,B,primary,,Lê Ba\n",
        ]
        for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
        return folder
    }

    @Test func solveNamesTheTeachersAndTheirAuthority() throws {
        let folder = try scenario()
        let out = folder.appendingPathComponent("out")
        let run = try redeploy(["solve", folder.path, "--out", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try String(contentsOf: out.appendingPathComponent("assignments.csv"), encoding: .utf8) == """
            teacher_id,action,from_school,to_school,subject,to_subject,points,volunteer,home_km_before,home_km_after,authority,reason
            T2,transfer,A,B,primary,,0,false,,,commune,fewest points

            """)
        #expect(try String(contentsOf: out.appendingPathComponent("plan.csv"), encoding: .utf8)
                == "action,from_school,to_school,subject,teachers,km\ntransfer,A,B,primary,1,\n")
        #expect(run.stdout.contains("Named teachers: 1 assignments of 1 teachers (assignments.csv)"))
        for personal in ["T1", "T2", "illness", "Nguyễn", "Trần"] {
            #expect(!run.stdout.contains(personal) && !run.stderr.contains(personal), "\(personal) printed")
        }
    }

    /// With a `commune` column the commune, not the area, decides who signs: A and B share area
    /// X but are in communes 1 and 2, so the province signs T2's move.
    @Test func theCommuneColumnDecidesTheAuthority() throws {
        let folder = try scenario()
        try Data("id,area,level,classes,commune\nA,X,primary,10,Xã 1\nB,X,primary,8,Xã 2\n".utf8)
            .write(to: folder.appendingPathComponent("schools.csv"))
        let out = folder.appendingPathComponent("out")
        let run = try redeploy(["solve", folder.path, "--out", out.path, "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try String(contentsOf: out.appendingPathComponent("assignments.csv"), encoding: .utf8)
                .hasSuffix("T2,transfer,A,B,primary,,0,false,,,province,fewest points\n"))
        try Data("id,area,level,classes,commune\nA,X,primary,10,Xã 1\nB,Y,primary,8,Xã 1\n".utf8)
            .write(to: folder.appendingPathComponent("schools.csv"))
        let same = try redeploy(["solve", folder.path, "--out", out.path + "2", "--quiet"])
        #expect(same.status == 0, "\(same.stderr)")
        #expect(try String(contentsOf: URL(fileURLWithPath: out.path + "2/assignments.csv"), encoding: .utf8)
                .hasSuffix("T2,transfer,A,B,primary,,0,false,,,commune,fewest points\n"))
    }

    /// compare and export-model use the model with the roster's two changes: the exempt
    /// teacher stays, one transfer (C 1) both ways; the literal model is written. report OUTDIR
    /// does not rebuild the people from a folder yet and refuses.
    @Test func compareAndExportUseTheRosterReportRefuses() throws {
        let folder = try scenario()
        let out = folder.appendingPathComponent("out")
        let compare = try redeploy(["compare", folder.path, "--format", "csv"])
        #expect(compare.status == 0, "\(compare.stderr)")
        let rows = compare.stdout.split(separator: "\n").map(String.init)
        #expect(rows.contains("method,optimal,myopic") && rows.contains("cost,1,1") && rows.contains("weighted_shortage,0,0"),
                "\(compare.stdout)")
        let model = out.path + ".lp"
        let export = try redeploy(["export-model", folder.path, "--stage", "1", "--format", "lp", "--out", model])
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stdout.hasPrefix("Wrote \(model): literal horizon model, stage 1,"))
        for personal in ["T1", "T2", "illness", "Nguyễn"] {
            #expect(!compare.stdout.contains(personal) && !export.stdout.contains(personal))
        }
        let report = try redeploy(["report", out.path, "--scenario", folder.path])
        #expect(report.status == 1)
        #expect(report.stderr == "redeploy: \(folder.path): this scenario has a roster of named teachers; report "
            + "does not handle one yet (solve plans it and writes assignments.csv)\n", "\(report.stderr)")
        let check = try redeploy(["check", folder.path])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("Roster: 3 named teachers, 1 exempt"))
    }
}
