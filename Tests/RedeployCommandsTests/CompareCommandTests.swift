import Foundation
import Testing

@Suite struct CompareCommandTests {
    static let variants = ["quang-ninh", "quang-ninh-within-areas", "quang-ninh-30km"]
    static var paths: [String] { variants.map { Paths.scenarios.appendingPathComponent($0).path } }

    /// The CSV output as figure -> cells.
    func figures(_ csv: String) -> (header: [String], rows: [String: [String]]) {
        var lines = csv.split(separator: "\n").map(String.init)
        let header = lines.removeFirst().split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        var rows: [String: [String]] = [:]
        for line in lines where !line.hasPrefix("scenario,") {  // names hold commas, quoted
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            rows[cells[0]] = Array(cells.dropFirst())
        }
        return (header, rows)
    }

    @Test func aBundledScenarioAndTwoVariantsAsATable() throws {
        let run = try redeploy(["compare"] + Self.paths)
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "Scenarios")
        #expect(lines[1] == "  quang-ninh               Quảng Ninh (synthetic), 2025/26: budget-neutral")
        let header = try #require(lines.first { $0.hasPrefix(" ") && $0.hasSuffix("quang-ninh-30km") })
        #expect(header.split(separator: " ").map(String.init) == Self.variants)
        for (label, cells) in [("W0, before any plan", ["540.41", "540.41", "540.41"]),
                               ("W, weighted shortage", ["108.11", "108.12", "108.11"]),
                               ("method", ["optimal", "optimal", "optimal"]),
                               ("status", ["optimal", "optimal", "optimal"]),
                               ("payroll change", ["0", "0", "0"])] {
            let row = try #require(lines.first { $0.hasPrefix(label + " ") }, "no row \(label)")
            #expect(row.dropFirst(label.count).split(separator: " ").map(String.init) == cells, "\(row)")
        }
        for label in ["C, cost", "transfers", "hires", "releases", "schools still short", "largest remaining shortage", "solve time (s)"] {
            #expect(lines.contains { $0.hasPrefix(label + " ") }, "no row \(label)")
        }
    }

    @Test func csvMatchesWhatSolveWrites() throws {
        let run = try redeploy(["compare", "--format", "csv"] + Self.paths)
        #expect(run.status == 0, "\(run.stderr)")
        let (header, rows) = figures(run.stdout)
        #expect(header == ["figure"] + Self.variants)
        #expect(run.stdout.contains("\nscenario,\"Quảng Ninh (synthetic), 2025/26: budget-neutral\",\"Quảng Ninh (synthetic), 2025/26: budget-neutral, transfers within each area only\","))
        for (k, path) in Self.paths.enumerated() {
            let out = try Paths.temporaryDirectory()
            #expect(try redeploy(["solve", path, "--out", out.path, "--quiet"]).status == 0)
            let summary = try json(out.appendingPathComponent("summary.json"))
            // The numbers as written (JSONSerialization may not read the last bit back exactly).
            let text = try String(contentsOf: out.appendingPathComponent("summary.json"), encoding: .utf8)
            for key in ["weighted_shortage_before", "weighted_shortage", "cost", "transfers", "hires", "releases"] {
                let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("  \"\(key)\": ") })
                let want = line.dropFirst(key.count + 6).trimmingCharacters(in: CharacterSet(charactersIn: ","))
                #expect(rows[key]?[k] == want, "\(Self.variants[k]) \(key)")
            }
            let change = (summary["payroll_after"] as! Double) - (summary["payroll_before"] as! Double)
            #expect(Double(rows["payroll_change"]![k]) == change)
        }
        #expect(rows["schools_short"]?.allSatisfy { Int($0) != nil } == true)
        #expect(rows["largest_shortage_school"]?.allSatisfy { !$0.isEmpty } == true)
        #expect(rows["solve_seconds"]?.allSatisfy { (Double($0) ?? -1) >= 0 } == true)
    }

    @Test func greedyColumnsShowWhatTheOptimumGains() throws {
        let run = try redeploy(["compare", "--format", "csv", "--greedy"] + Self.paths)
        #expect(run.status == 0, "\(run.stderr)")
        let (header, rows) = figures(run.stdout)
        #expect(header == ["figure"] + Self.variants.flatMap { [$0, $0] })
        #expect(rows["method"] == ["optimal", "greedy", "optimal", "greedy", "optimal", "greedy"])
        #expect(rows["status"] == ["optimal", "feasible", "optimal", "feasible", "optimal", "feasible"])
        let w = try #require(rows["weighted_shortage"]).map { Double($0)! }
        for k in stride(from: 0, to: w.count, by: 2) {
            #expect(w[k] < w[k + 1], "optimum \(w[k]) vs greedy \(w[k + 1])")
        }
        // Greedy plans keep the payroll: budget-neutral scenarios.
        #expect(rows["payroll_change"]?.allSatisfy { Double($0) == 0 } == true)
    }

    @Test func markdown() throws {
        let run = try redeploy(["compare", "--format", "markdown", Self.paths[0], Self.paths[2]])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines[0] == "- **quang-ninh**: Quảng Ninh (synthetic), 2025/26: budget-neutral")
        #expect(lines.contains("| | quang-ninh | quang-ninh-30km |"))
        #expect(lines.contains("|---|---:|---:|"))
        #expect(lines.contains("| W, weighted shortage | 108.11 | 108.11 |"))
        #expect(lines.contains("| payroll change | 0 | 0 |"))
    }

    /// Columns line up by what a person sees, whether the Vietnamese labels are precomposed
    /// (NFC) or combining (NFD).
    @Test func tablesAlignWithVietnameseLabels() throws {
        let root = try Paths.temporaryDirectory()
        let example = Paths.examples.appendingPathComponent("e1-transfer-and-hire")
        var paths: [String] = []
        for name in ["Hạ Long".precomposedStringWithCanonicalMapping, "Bình Liêu".decomposedStringWithCanonicalMapping] {
            let folder = root.appendingPathComponent(name)
            try FileManager.default.copyItem(at: example, to: folder)
            paths.append(folder.path)
        }
        let run = try redeploy(["compare", "--greedy"] + paths)
        #expect(run.status == 0, "\(run.stderr)")
        let table = run.stdout.components(separatedBy: "\n\n")[1].split(separator: "\n").map(String.init)
        #expect(table.count == 13)
        // Every column is right-aligned but the first: all rows end at the same place.
        #expect(Set(table.map(\.count)).count == 1, "\(table)")
        #expect(table[0].hasSuffix("Bình Liêu".decomposedStringWithCanonicalMapping))
    }

    @Test func invalidScenariosAreAllReportedWithExitTwo() throws {
        let bad = try Paths.temporaryDirectory()
        try "schools: schools.csv\nstaff: staff.csv\n".write(to: bad.appendingPathComponent("scenario.yaml"), atomically: true, encoding: .utf8)
        try "id,area,level,classes\nA,X,primary,4\n".write(to: bad.appendingPathComponent("schools.csv"), atomically: true, encoding: .utf8)
        try "school_id,subject,teachers,required\nA,math,two,1\n".write(to: bad.appendingPathComponent("staff.csv"), atomically: true, encoding: .utf8)
        let run = try redeploy(["compare", Self.paths[0], bad.path, bad.appendingPathComponent("missing").path])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("staff.csv:2:8:"), "\(run.stderr)")
        #expect(run.stderr.contains("missing"), "\(run.stderr)")
    }
}
