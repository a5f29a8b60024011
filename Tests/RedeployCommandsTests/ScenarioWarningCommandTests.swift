import Foundation
import Testing

/// Issue 13: a subject code written once, near a code used elsewhere, is warned about by every
/// command that loads the scenario, and `check` shows it; the exit status and every output
/// file stay as they were.
@Suite struct ScenarioWarningCommandTests {
    static let schools = "id,name,area,level,classes\nS1,Trường A,X,primary,10\nS2,Trường B,X,primary,8\n"
    static let staff = "school_id,subject,teachers,leaving,required\nS1,primary,12,0,10\nS2,primary,7,0,9\n"

    /// A scenario folder: `extraStaff` rows after S1 and S2's primary rows (lines 2 and 3), and
    /// a norms.csv with `norms` rows (for a level no school has, so that they change nothing).
    static func scenario(extraStaff: String, norms: String = "") throws -> URL {
        let dir = try Paths.temporaryDirectory()
        let files = [
            "scenario.yaml": "name: Typo\nschools: schools.csv\nstaff: staff.csv\nnorms: norms.csv\n",
            "schools.csv": schools,
            "staff.csv": staff + extraStaff,
            "norms.csv": "level,subject,per_class\n" + norms,
        ]
        for (name, text) in files {
            try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return dir
    }

    /// `preschol` on line 4, beside `preschool` in norms.csv.
    static func typo() throws -> URL {
        try scenario(extraStaff: "S2,preschol,1,0,1\n", norms: "upper_secondary,preschool,0.1\n")
    }

    static func warning(_ dir: URL) -> String {
        "\(dir.path)/staff.csv:4:4: warning: subject 'preschol' appears only here; did you mean 'preschool'?"
    }

    @Test func checkWarnsOnStandardErrorAndInItsTable() throws {
        let dir = try Self.typo()
        let run = try redeploy(["check", dir.path])
        #expect(run.status == 0)
        #expect(run.stderr == Self.warning(dir) + "\n")
        #expect(run.stdout.hasSuffix(")\n\nWarnings\n" + Self.warning(dir) + "\n"), "\(run.stdout)")
    }

    @Test func checkShowsItInCSVAndJSON() throws {
        let dir = try Self.typo()
        let csv = try redeploy(["check", dir.path, "--format", "csv"])
        #expect(csv.status == 0)
        #expect(csv.stdout.hasPrefix("group,area,level,subject,schools,classes,teachers,leaving,staying,required,surplus,"
            + "shortage,weighted_shortage,payroll_change,payroll_headroom,warning\nwarning,,,,,,,,,,,,,,,"
            + Self.warning(dir) + "\narea_subject,"), "\(csv.stdout)")
        let json = try redeploy(["check", dir.path, "--format", "json"])
        #expect(json.status == 0)
        let object = try #require(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["warnings"] as? [String] == [Self.warning(dir)])
    }

    @Test func everyCommandThatLoadsTheScenarioWarns() throws {
        let dir = try Self.typo()
        let out = try Paths.temporaryDirectory()
        let plan = out.appendingPathComponent("plan.csv").path
        let runs = [
            try redeploy(["solve", dir.path, "--out", out.path, "--quiet"]),
            try redeploy(["evaluate", dir.path, "--plan", plan]),
            try redeploy(["compare", dir.path]),
            try redeploy(["report", out.path, "--scenario", dir.path, "--quiet"]),
            try redeploy(["export-model", dir.path, "--stage", "1", "--format", "lp",
                          "--out", out.appendingPathComponent("model.lp").path]),
        ]
        for run in runs {
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stderr.hasPrefix(Self.warning(dir) + "\n"), "\(run.stderr)")
        }
    }

    @Test func warningsChangeNoOutputFile() throws {
        // The same model, once with the near code in norms.csv (a warning) and once without.
        let warned = try Self.typo()
        let quiet = try Self.scenario(extraStaff: "S2,preschol,1,0,1\n", norms: "upper_secondary,math,0.1\n")
        var outputs: [[String: Data]] = []
        for (dir, stderr) in [(warned, Self.warning(warned) + "\n"), (quiet, "")] {
            let out = try Paths.temporaryDirectory()
            let run = try redeploy(["solve", dir.path, "--out", out.path, "--quiet"])
            #expect(run.status == 0)
            #expect(run.stderr == stderr)
            var files: [String: Data] = [:]
            for name in ["plan.csv", "schools.csv", "summary.json"] {
                files[name] = try Data(contentsOf: out.appendingPathComponent(name))
            }
            outputs.append(files)
        }
        #expect(outputs[0] == outputs[1])
    }

    @Test func aOneOffPostFarFromOtherCodesIsNotWarned() throws {
        let dir = try Self.scenario(extraStaff: "S1,young_pioneer_leader,1,0,1\nS2,tong_phu_trach,1,0,1\n")
        let check = try redeploy(["check", dir.path])
        #expect(check.status == 0)
        #expect(check.stderr == "")
        #expect(!check.stdout.contains("Warnings"))
        #expect(check.stdout.contains("young_pioneer_leader"))
        let solve = try redeploy(["solve", dir.path, "--out", try Paths.temporaryDirectory().path, "--quiet"])
        #expect(solve.status == 0)
        #expect(solve.stderr == "")
    }

    @Test func bundledScenariosHaveNoWarning() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Paths.scenarios.path).filter {
            FileManager.default.fileExists(atPath: Paths.scenarios.appendingPathComponent($0 + "/scenario.yaml").path)
        }.sorted()
        #expect(names.count == 13)
        for name in names {
            let run = try redeploy(["check", Paths.scenarios.appendingPathComponent(name).path])
            #expect(run.status == 0, "\(name)")
            #expect(run.stderr == "", "\(name): \(run.stderr)")
            #expect(!run.stdout.contains("Warnings"), "\(name)")
        }
    }
}
