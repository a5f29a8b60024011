import Foundation
import RedeployDomain
import Testing

/// Valid edge cases through `redeploy solve` on real files: -0 and other spellings the CSV
/// reader documents (`CSVNumber`: integers "digits only, an optional sign"; decimals with a
/// dot, sign, exponent), one school, a school with zero classes and zero teachers, a subject
/// nobody teaches. Figures are worked out by hand in the comments (costs default to move 1,
/// per_km 0, hire 1, release 5; payroll: hires - releases <= leavers + payroll_change).
@Suite struct EdgeCaseCommandTests {
    /// A scenario folder with these files.
    fileprivate static func folder(_ files: [String: String]) throws -> URL {
        let dir = try Paths.temporaryDirectory()
        for (name, text) in files {
            try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return dir
    }

    fileprivate struct Solved {
        var run: Run
        var plan: String
        var schools: String
        var summaryText: String
        var summary: [String: Any]

        func number(_ key: String) -> Double? { (summary[key] as? NSNumber)?.doubleValue }

        /// The summary figures of docs/MODEL.md section 4, in the order W0, W, C, transfers, hires,
        /// releases, payroll_before, payroll_after.
        var figures: [Double?] {
            ["weighted_shortage_before", "weighted_shortage", "cost", "transfers", "hires", "releases",
             "payroll_before", "payroll_after"].map(number)
        }

        /// Standard output without the line naming the (random) output folder.
        var stdoutWithoutPath: String {
            run.stdout.split(separator: "\n").filter { !$0.hasPrefix("Wrote ") }.joined(separator: "\n")
        }
    }

    /// `redeploy solve PATH --out (fresh folder)`; requires exit 0 and reads the three files.
    fileprivate static func solve(_ path: URL, sourceLocation: SourceLocation = #_sourceLocation) throws -> Solved {
        let out = try Paths.temporaryDirectory().appendingPathComponent("out")
        let run = try redeploy(["solve", path.path, "--out", out.path])
        try #require(run.status == 0, "exit \(run.status): \(run.stderr)", sourceLocation: sourceLocation)
        let read = { (name: String) in try String(contentsOf: out.appendingPathComponent(name), encoding: .utf8) }
        let summaryText = try read("summary.json")
        return Solved(run: run, plan: try read("plan.csv"), schools: try read("schools.csv"), summaryText: summaryText,
                      summary: try json(out.appendingPathComponent("summary.json")))
    }

    /// No "-0" anywhere in the written files or on standard output (-0 is written back as 0).
    fileprivate static func expectNoNegativeZero(_ s: Solved, sourceLocation: SourceLocation = #_sourceLocation) {
        for (name, text) in [("plan.csv", s.plan), ("schools.csv", s.schools), ("summary.json", s.summaryText),
                             ("stdout", s.stdoutWithoutPath)] {
            #expect(!text.contains("-0"), "\(name) holds -0:\n\(text)", sourceLocation: sourceLocation)
        }
    }

    static let header = "action,from_school,to_school,subject,teachers,km\n"
    static let schoolsHeader = "school_id,subject,required,before,after,shortage\n"
}

// MARK: -0

extension EdgeCaseCommandTests {
    /// -0 in every column where 0 is valid: classes, lat, teachers, leaving, required, km, and
    /// in scenario.yaml max_distance_km, per_km, hire (payroll_change -0: see
    /// `negativeZeroPayrollChangeIsBudgetNeutral`).
    ///
    /// A (lat -0, lon 105): english t 3, r 1 (2 spare); music t 0, r -0.
    /// B (lat -0.0, lon 105.5, priority 2): english t -0, r +1; art (nobody teaches it) r 0.5.
    /// Z (classes -0, area Y): english t -0, r -0.0.
    /// A-B is about 55.6 km by coordinates, beyond max_distance_km -0.0, but distances.csv lists
    /// it as -0 km: allowed, at move 1 + per_km (-0) x (-0) = 1.
    /// W0 = 2 x (english 1 + art 0.5) = 3. payroll_change 0, no leavers: hires <= releases.
    /// One spare goes A->B (1): W = 2 x 0.5 = 1; the other spare is released (5) to hire art at
    /// B (hire -0): W = 0, C = 6 (no other W = 0 plan: art needs a hire, a hire needs a release).
    /// Payroll 3 -> A 1 + B english 1 + B art 1 = 3.
    static let negativeZero: [String: String] = [
        "scenario.yaml": """
            name: negative zero
            schools: schools.csv
            staff: staff.csv
            distances: distances.csv
            policy:
              payroll_change: 0
              max_distance_km: -0.0
            costs:
              per_km: -0.0
              hire: -0.0

            """,
        "schools.csv": """
            id,name,area,level,classes,lat,lon,priority
            A,Trường A,X,primary,4,-0,105,1
            B,Trường B,X,primary,2,-0.0,105.5,2
            Z,Điểm trường Z,Y,primary,-0,,,

            """,
        "staff.csv": """
            school_id,subject,teachers,leaving,required
            A,english,3,-0,1
            A,music,0,-0,-0
            B,english,-0,0,+1
            B,art,0,,0.5
            Z,english,-0,-0,-0.0

            """,
        "distances.csv": "from,to,km\nB,A,-0\n",
        // max_out_share -0.0: no school may send; the two spares are released (10) to hire
        // english and art at B (-0 each): W = 0, C = 10, payroll 3.
        "capped.yaml": "extends: scenario.yaml\npolicy:\n  max_out_share: -0.0\n",
    ]

    @Test func negativeZeroIsReadAsZeroAndWrittenAsZero() throws {
        let scenario = try Self.folder(Self.negativeZero)
        let s = try Self.solve(scenario)
        #expect(s.summary["status"] as? String == "optimal")
        #expect(s.figures == [3, 0, 6, 1, 1, 1, 3, 3], "\(s.summaryText)")
        #expect(s.number("mip_gap") == 0)
        #expect(s.plan == Self.header + "transfer,A,B,english,1,0\nhire,,B,art,1,\nrelease,A,,english,1,\n")
        #expect(s.schools == Self.schoolsHeader + """
            A,english,1,3,1,0
            A,music,0,0,0,0
            B,art,0.5,0,1,0
            B,english,1,0,1,0
            Z,english,0,0,0,0

            """)
        #expect(s.run.stdout.contains("weighted shortage  3.00 -> 0.00"), "\(s.run.stdout)")
        #expect(s.run.stdout.contains("cost               6.00"), "\(s.run.stdout)")
        Self.expectNoNegativeZero(s)

        let capped = try Self.solve(scenario.appendingPathComponent("capped.yaml"))
        #expect(capped.figures == [3, 0, 10, 0, 2, 2, 3, 3], "\(capped.summaryText)")
        #expect(capped.plan == Self.header + "hire,,B,art,1,\nhire,,B,english,1,\nrelease,A,,english,2,\n")
        Self.expectNoNegativeZero(capped)
    }

    /// payroll_change -0 and +0 are the integer 0 (budget-neutral): the same files as with 0.
    /// The negativeZero scenario (see above): W0 3, W 0, C 6.
    @Test(arguments: ["-0", "+0"])
    func negativeZeroPayrollChangeIsBudgetNeutral(_ spelling: String) throws {
        var files = Self.negativeZero
        let scenario = try Self.folder(files)
        files["scenario.yaml"] = files["scenario.yaml"]!.replacingOccurrences(of: "payroll_change: 0",
                                                                              with: "payroll_change: \(spelling)")
        try #require(files["scenario.yaml"]!.contains("payroll_change: \(spelling)\n"))
        let spelled = try Self.folder(files)
        let zero = try Self.solve(scenario)
        let s = try Self.solve(spelled)
        #expect(s.figures == [3, 0, 6, 1, 1, 1, 3, 3], "\(s.summaryText)")
        #expect(s.plan == zero.plan && s.schools == zero.schools && s.summaryText == zero.summaryText)
        Self.expectNoNegativeZero(s)
    }

    /// A scenario spelled plainly and the same one spelled with every variant the reader
    /// documents (+3, -0, 02, 1.0, .0, 1.50, 5E-1, 2e0, +105, 105.50) give the same bytes.
    ///
    /// A (0, 105): english t 3, r 1 (2 spare); math t 2, leaving 1, r 1.5 (short 0.5).
    /// B (0, 105.5), priority 2: english r 1 (short 1); math t 1, r 0.5.
    /// W0 = 0.5 + 2 x 1 = 2.5. One leaver: one hire. A->B english costs 1 + 0.01 x d,
    /// d = haversine((0,105),(0,105.5)) = 55.6 km; hire math at A (1): W = 0, C = 2 + 0.01 d.
    /// (Hiring english at B too would need a release: 5 more.) Payroll 6 -> 6.
    @Test func documentedNumberSpellingsReadLikeThePlainOnes() throws {
        let yaml = "name: spellings\nschools: schools.csv\nstaff: staff.csv\ncosts:\n  per_km: 0.01\n"
        let plain = try Self.folder([
            "scenario.yaml": yaml,
            "schools.csv": "id,area,level,classes,lat,lon,priority\nA,X,primary,4,0,105,1\nB,X,primary,2,0,105.5,2\n",
            "staff.csv": "school_id,subject,teachers,leaving,required\nA,english,3,0,1\nB,english,0,0,1\nA,math,2,1,1.5\nB,math,1,0,0.5\n",
        ])
        let spelled = try Self.folder([
            "scenario.yaml": yaml,
            "schools.csv": "id,area,level,classes,lat,lon,priority\nA,X,primary,+4,-0,+105,1.0\nB,X,primary,02,.0,105.50,2e0\n",
            "staff.csv": "school_id,subject,teachers,leaving,required\nA,english,+3,-0,1.0\nB,english,-0,+0,+1\nA,math,0002,+1,1.50\nB,math,1,-0,5E-1\n",
        ])
        let a = try Self.solve(plain)
        let b = try Self.solve(spelled)
        let d = Geo.haversineKm(lat1: 0, lon1: 105, lat2: 0, lon2: 105.5)
        #expect(d > 55.5 && d < 55.7)
        let figures = a.figures
        try #require(figures.count == 8 && figures.allSatisfy { $0 != nil }, "\(a.summaryText)")
        #expect(figures[0] == 2.5 && figures[1] == 0 && same(figures[2]!, 2 + 0.01 * d), "\(a.summaryText)")
        #expect(Array(figures[3...]) == [1, 1, 0, 6, 6])
        #expect(a.plan == Self.header + "transfer,A,B,english,1,\(d)\nhire,,A,math,1,\n")
        #expect(a.plan == b.plan)
        #expect(a.schools == b.schools)
        #expect(a.summaryText == b.summaryText)
        Self.expectNoNegativeZero(b)
    }

    /// What the reader documents as invalid stays invalid: priority -0 (must be > 0) and a
    /// whole-number column written 1.0. Exit 2, file:line:column, nothing written.
    @Test(arguments: [
        ("id,area,level,classes,priority\nA,X,primary,4,-0\n", "school_id,subject,teachers,required\nA,math,2,1\n",
         "schools.csv:2:15: priority must be greater than 0, got -0"),
        ("id,area,level,classes\nA,X,primary,4\n", "school_id,subject,teachers,required\nA,math,1.0,1\n",
         "staff.csv:2:8: teachers must be a whole number written with digits only, got '1.0'"),
    ])
    func documentedInvalidSpellingsAreRejected(_ schools: String, _ staff: String, _ message: String) throws {
        let scenario = try Self.folder(["scenario.yaml": "schools: schools.csv\nstaff: staff.csv\n",
                                        "schools.csv": schools, "staff.csv": staff])
        let out = scenario.appendingPathComponent("out")
        let run = try redeploy(["solve", scenario.path, "--out", out.path])
        #expect(run.status == 2)
        #expect(run.stderr.contains(message), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }
}

// MARK: One school, an empty school, a subject nobody teaches

extension EdgeCaseCommandTests {
    /// One school, priority 2: math t 4, leaving 1, r 3.5 (short 0.5); english t 3, r 1
    /// (2 spare). W0 = 1. payroll_change -2: hires - releases <= 1 - 2 = -1. W = 0 needs a
    /// math hire, hence 2 releases, both spare english: C = 2 x 5 + 1 = 11. Payroll 7 -> 5.
    @Test func oneSchool() throws {
        let scenario = try Self.folder([
            "scenario.yaml": "name: one school\nschools: schools.csv\nstaff: staff.csv\npolicy:\n  payroll_change: -2\n",
            "schools.csv": "id,area,level,classes,priority\nA,X,lower_secondary,8,2\n",
            "staff.csv": "school_id,subject,teachers,leaving,required\nA,math,4,1,3.5\nA,english,3,0,1\n",
        ])
        let s = try Self.solve(scenario)
        #expect(s.summary["status"] as? String == "optimal")
        #expect(s.figures == [1, 0, 11, 0, 1, 2, 7, 5], "\(s.summaryText)")
        #expect(s.plan == Self.header + "hire,,A,math,1,\nrelease,A,,english,2,\n")
        #expect(s.schools == Self.schoolsHeader + "A,english,1,3,1,0\nA,math,3.5,3,4,0\n")
        #expect(s.run.stdout.contains("payroll            7 -> 5"), "\(s.run.stdout)")
        // The screen adds up: 7 - 1 leaving + 1 hire - 2 releases = 5.
        #expect(s.run.stdout.contains("hires              1\n  releases           2\n  leaving            1\n"),
                "\(s.run.stdout)")
    }

    /// One school with zero classes and zero teachers, nothing else: W0 = W = C = 0, an empty
    /// plan, payroll 0 -> 0, and room to hire 3 unused.
    @Test func oneEmptySchool() throws {
        let scenario = try Self.folder([
            "scenario.yaml": "name: empty\nschools: schools.csv\nstaff: staff.csv\npolicy:\n  payroll_change: 3\n",
            "schools.csv": "id,area,level,classes\nZ,X,primary,0\n",
            "staff.csv": "school_id,subject,teachers,required\nZ,english,0,0\n",
        ])
        let s = try Self.solve(scenario)
        #expect(s.summary["status"] as? String == "optimal")
        #expect(s.figures == [0, 0, 0, 0, 0, 0, 0, 0], "\(s.summaryText)")
        #expect(s.plan == Self.header)
        #expect(s.schools == Self.schoolsHeader + "Z,english,0,0,0,0\n")
        Self.expectNoNegativeZero(s)
    }

    /// Norms: primary english 0.5 per class, music -0 (no pair). A (4 classes): r 2, t 3
    /// (1 spare); B (2 classes): r 1, t 0; Z: 0 classes, no staff row, r 0 x 0.5 = 0. No hiring.
    /// W0 = 1, one move A->B: W = 0, C = 1, payroll 3 -> 3. The same without Z.
    @Test func zeroClassZeroTeacherSchoolChangesNothing() throws {
        var files = [
            "scenario.yaml": "name: norms\nschools: schools.csv\nstaff: staff.csv\nnorms: norms.csv\npolicy:\n  hiring: false\n",
            "schools.csv": "id,area,level,classes\nA,X,primary,4\nB,X,primary,2\nZ,X,primary,0\n",
            "staff.csv": "school_id,subject,teachers\nA,english,3\nB,english,0\n",
            "norms.csv": "level,subject,per_class\nprimary,english,0.5\nprimary,music,-0\n",
        ]
        let with = try Self.solve(try Self.folder(files))
        files["schools.csv"] = "id,area,level,classes\nA,X,primary,4\nB,X,primary,2\n"
        let without = try Self.solve(try Self.folder(files))
        for s in [with, without] {
            #expect(s.figures == [1, 0, 1, 1, 0, 0, 3, 3], "\(s.summaryText)")
            #expect(s.plan == Self.header + "transfer,A,B,english,1,\n")
            Self.expectNoNegativeZero(s)
        }
        #expect(with.schools == Self.schoolsHeader + "A,english,2,3,2,0\nB,english,1,0,1,0\nZ,english,0,0,0,0\n")
        #expect(without.schools == Self.schoolsHeader + "A,english,2,3,2,0\nB,english,1,0,1,0\n")
        #expect(with.number("schools") == 3 && with.number("pairs") == 3)
        #expect(without.number("schools") == 2 && without.number("pairs") == 2)
    }

    /// A: english t 2, r 1 (1 spare); music t 0, r 1. B: english r 1; music r 0.75. Nobody
    /// teaches music. W0 = 1 + 1 + 0.75 = 2.75.
    /// payroll_change 0 (no leavers): the spare moves A->B (C 1) and music stays short:
    ///   W = 1.75 (a release to hire music would lose 1 for at most 1).
    /// room.yaml (extends, payroll_change 1): also hire music at A (gain 1 > 0.75): W = 0.75,
    ///   C = 2, payroll 2 -> 3.
    @Test func subjectNobodyTeaches() throws {
        let scenario = try Self.folder([
            "scenario.yaml": "name: music\nschools: schools.csv\nstaff: staff.csv\n",
            "room.yaml": "extends: scenario.yaml\npolicy:\n  payroll_change: 1\n",
            "schools.csv": "id,area,level,classes\nA,X,primary,5\nB,X,primary,3\n",
            "staff.csv": "school_id,subject,teachers,required\nA,english,2,1\nA,music,0,1\nB,english,0,1\nB,music,0,0.75\n",
        ])
        let tight = try Self.solve(scenario)
        #expect(tight.figures == [2.75, 1.75, 1, 1, 0, 0, 2, 2], "\(tight.summaryText)")
        #expect(tight.plan == Self.header + "transfer,A,B,english,1,\n")
        #expect(tight.schools.contains("A,music,1,0,0,1\n") && tight.schools.contains("B,music,0.75,0,0,0.75\n"),
                "\(tight.schools)")
        let room = try Self.solve(scenario.appendingPathComponent("room.yaml"))
        #expect(room.figures == [2.75, 0.75, 2, 1, 1, 0, 2, 3], "\(room.summaryText)")
        #expect(room.plan == Self.header + "transfer,A,B,english,1,\nhire,,A,music,1,\n")
        #expect(room.schools.contains("A,music,1,0,1,0\n") && room.schools.contains("B,music,0.75,0,0,0.75\n"),
                "\(room.schools)")
    }
}
