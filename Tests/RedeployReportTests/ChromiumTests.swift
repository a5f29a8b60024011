import Foundation
import RedeployTestSupport
import Testing

/// The report of a bundled scenario, as a browser sees it: `redeploy solve` then
/// `redeploy report`, then Debian's headless Chromium loads the file offline and dumps the DOM
/// it built, and prints the page to PDF.
///
/// Runs where `chromium` is installed; in CI (the CI variable set) it is required, and
/// scripts/install-deps.sh installs it. Elsewhere without Chromium it is skipped.
@Suite("Report in headless Chromium", .serialized)
struct ChromiumTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static let chromium: String? = {
        for path in ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/local/bin/chromium"]
        where FileManager.default.isExecutableFile(atPath: path) {
            return path
        }
        return nil
    }()

    static var required: Bool { ProcessInfo.processInfo.environment["CI"] != nil }

    /// The `redeploy` executable built beside the test bundle.
    static var redeploy: String { BuiltProducts.path(of: "redeploy") }

    /// Runs a program, ending it after `timeout` seconds.
    static func run(_ program: String, _ arguments: [String], timeout: Double = 180) throws -> ProgramRun {
        try ProgramRun.run(program, arguments, timeout: timeout)
    }

    @Test(.enabled(if: chromium != nil || required), .timeLimit(.minutes(10)))
    func bundledScenarioReportRendersWithChartsMapAndTables() throws {
        let chromium = try #require(Self.chromium, "chromium is not installed (Debian: apt-get install chromium; scripts/install-deps.sh)")
        let scenario = Self.repository.appendingPathComponent("scenarios/quang-ninh").path
        let directory = TestFolders.unused("redeploy-chromium")
        let profile = directory.appendingPathComponent("profile").path
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("out").path

        let solve = try Self.run(Self.redeploy, ["solve", scenario, "--out", out, "--explain", "--quiet"])
        try #require(solve.status == 0, "redeploy solve failed (is \(Self.redeploy) built?)")
        let report = try Self.run(Self.redeploy, ["report", out, "--scenario", scenario, "--quiet"])
        try #require(report.status == 0)
        let html = out + "/report.html"
        let transfers = try String(contentsOfFile: out + "/plan.csv", encoding: .utf8)
            .split(separator: "\n").filter { $0.hasPrefix("transfer,") }.count
        #expect(transfers > 0)

        let browser = ["--headless", "--disable-gpu", "--no-sandbox", "--no-first-run", "--user-data-dir=\(profile)"]
        let dump = try Self.run(chromium, browser + ["--dump-dom", URL(fileURLWithPath: html).absoluteString])
        #expect(dump.status == 0)
        let dom = dump.stdout
        #expect(dom.contains("<section id=\"headline\">"))
        // Teachers per class: one chart per level of the scenario, with bars and norm ticks.
        #expect(dom.components(separatedBy: "<svg class=\"chart ratio-chart\"").count - 1 == 4)
        #expect(dom.contains("<rect class=\"bar after\""))
        #expect(dom.contains("<line class=\"norm\""))
        // The map: every school placed, one arrow per transfer.
        #expect(dom.components(separatedBy: "<svg class=\"map\"").count - 1 == 1)
        #expect(dom.components(separatedBy: "<circle class=\"school\"").count - 1 == 200)
        #expect(dom.components(separatedBy: "<path class=\"transfer\"").count - 1 == transfers)
        // The tables.
        for table in ["<table class=\"heat\" id=\"heat-before\">", "<table class=\"heat\" id=\"heat-after\">",
                      "<table class=\"moves\">", "<table class=\"limits\">"] {
            #expect(dom.contains(table), "\(table)")
        }
        // Vietnamese as written, after the browser's own decoding.
        #expect(dom.contains("Quảng Ninh (synthetic)"))
        #expect(dom.contains("Trường Mầm non Hoa Sen Hạ Long"))

        // Issue 17: whole-teacher counts, the schools left worse off, the limits grouped, the
        // map's outlines (one per area: 13) and filters, and the explanation of solve --explain,
        // which `report` reads back from summary.json.
        #expect(dom.contains("<div class=\"card\" id=\"card-schools\"><div class=\"label\">Schools short by 1+ teacher</div>"))
        #expect(dom.contains("<section id=\"worse-off\">"))
        #expect(dom.contains("<table class=\"worse-off narrow-cards\">"))
        #expect(dom.contains("<table class=\"limits-groups narrow-cards\">"))
        #expect(dom.components(separatedBy: "<g class=\"area-shape\"").count - 1 == 13)
        for select in ["map-subject", "map-level", "map-area"] { #expect(dom.contains("<select id=\"\(select)\">"), "\(select)") }
        #expect(dom.contains("<section id=\"explanation\">"))

        try Self.expectFiltersWork(html, plan: out + "/plan.csv", chromium: chromium, browser: browser, into: directory)

        // It prints.
        try Self.expectPrints(html, chromium: chromium, browser: browser, into: directory)
    }

    /// The map's filters are CSS alone; a copy of the page with a script added (the report has
    /// none) chooses an option of each drop-down in turn and counts the arrows the browser still
    /// displays: all of them with no filter, those of the subject chosen (as plan.csv counts
    /// them) with a subject, and only arrows that touch the level or area chosen; at desktop and
    /// at phone width (420 px).
    static func expectFiltersWork(_ html: String, plan: String, chromium: String, browser: [String], into directory: URL) throws {
        let script = """
            <script>
            const shown = () => [...document.querySelectorAll('#map .move')].filter(g => getComputedStyle(g).display !== 'none').length;
            const having = (key, code) => document.querySelectorAll(`#map .move[data-${key}~="${code}"]`).length;
            const out = {all: shown()};
            for (const [id, key] of [['subject', 's'], ['level', 'l'], ['area', 'a']]) {
              const select = document.getElementById('map-' + id);
              select.selectedIndex = 1;
              out[id] = {name: select.options[1].text, shown: shown(), having: having(key, select.value)};
              select.selectedIndex = 0;
            }
            out.reset = shown();
            out.width = document.documentElement.clientWidth;
            out.pageWidth = document.documentElement.scrollWidth;
            out.label = parseFloat(getComputedStyle(document.querySelector('#map .area-label')).fontSize);
            document.body.setAttribute('data-probe', JSON.stringify(out));
            </script>
            """
        let page = try String(contentsOfFile: html, encoding: .utf8).replacingOccurrences(of: "</body>", with: script + "</body>")
        let probed = directory.appendingPathComponent("probed.html")
        try page.write(to: probed, atomically: true, encoding: .utf8)
        func probe(width: Int) throws -> [String: Any] {
            let dump = try run(chromium, browser + ["--window-size=\(width),2000", "--dump-dom", probed.absoluteString])
            #expect(dump.status == 0)
            let attribute = try #require(dump.stdout.components(separatedBy: "data-probe=\"").dropFirst().first?.components(separatedBy: "\"").first)
            let json = attribute.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
            return try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        }
        // At phone width nothing makes the page wider than the screen (wide tables scroll in their
        // own box), and the area names are drawn twice as large in the map's units. (Headless
        // Chromium keeps its window at least 500 px wide here, still under the 600 px of the
        // phone styles; screenshots at 420 px are in docs/report-phone.png.)
        let phone = try probe(width: 420)
        let phoneWidth = try #require(phone["width"] as? Int)
        #expect(phoneWidth <= 600)
        #expect(phone["pageWidth"] as? Int == phoneWidth)
        #expect(phone["label"] as? Double == 30)
        let result = try probe(width: 1280)
        #expect(result["label"] as? Double == 15)
        #expect(result["pageWidth"] as? Int == result["width"] as? Int)
        let rows = try String(contentsOfFile: plan, encoding: .utf8).split(separator: "\n").filter { $0.hasPrefix("transfer,") }
        #expect(result["all"] as? Int == rows.count)
        #expect(result["reset"] as? Int == rows.count)
        for id in ["subject", "level", "area"] {
            let chosen = try #require(result[id] as? [String: Any], "\(id)")
            let shown = try #require(chosen["shown"] as? Int)
            #expect(shown == chosen["having"] as? Int, "\(id): the arrows shown are those that carry the option")
            #expect(shown > 0 && shown < rows.count, "\(id): \(shown) of \(rows.count)")
            if id == "subject", let name = chosen["name"] as? String {
                #expect(shown == rows.filter { $0.split(separator: ",")[3] == name }.count)
            }
        }
    }

    /// The page prints to a PDF of some size.
    static func expectPrints(_ html: String, chromium: String, browser: [String], into directory: URL) throws {
        let pdf = directory.appendingPathComponent("report.pdf").path
        let print = try run(chromium, browser + ["--no-pdf-header-footer", "--print-to-pdf=\(pdf)", URL(fileURLWithPath: html).absoluteString])
        #expect(print.status == 0)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: pdf))
        #expect(bytes.prefix(5) == Data("%PDF-".utf8))
        #expect(bytes.count > 50_000)
    }

    /// A horizon's report (docs/REPORTS.md, "Horizon report") as the browser reads it: the
    /// timeline, one chart per level and one for all, a map per year for each plan with an arrow
    /// per transfer of either plan, the table of the years, and it prints.
    @Test(.enabled(if: chromium != nil || required), .timeLimit(.minutes(10)))
    func horizonReportRendersTimelineMapsPerYearAndTables() throws {
        let chromium = try #require(Self.chromium, "chromium is not installed (Debian: apt-get install chromium; scripts/install-deps.sh)")
        let scenario = Self.repository.appendingPathComponent("scenarios/quang-ninh-2030").path
        let directory = TestFolders.unused("redeploy-chromium")
        let profile = directory.appendingPathComponent("profile").path
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("out").path, myopic = directory.appendingPathComponent("myopic").path
        let html = directory.appendingPathComponent("report.html").path
        let solve = try Self.run(Self.redeploy, ["solve", scenario, "--out", out, "--report", html, "--quiet"])
        try #require(solve.status == 0, "redeploy solve failed (is \(Self.redeploy) built?)")
        let other = try Self.run(Self.redeploy, ["solve", scenario, "--out", myopic, "--method", "myopic", "--quiet"])
        try #require(other.status == 0)
        func transfers(_ folder: String) throws -> Int {
            try String(contentsOfFile: folder + "/plan.csv", encoding: .utf8).split(separator: "\n")
                .filter { $0.hasPrefix("transfer,") }.count
        }
        let moved = try transfers(out) + transfers(myopic)
        #expect(moved > 0)

        let browser = ["--headless", "--disable-gpu", "--no-sandbox", "--no-first-run", "--user-data-dir=\(profile)"]
        let dump = try Self.run(chromium, browser + ["--dump-dom", URL(fileURLWithPath: html).absoluteString])
        #expect(dump.status == 0)
        let dom = dump.stdout
        func count(_ text: String) -> Int { dom.components(separatedBy: text).count - 1 }
        #expect(dom.contains("<section id=\"headline\">"))
        #expect(count("<svg class=\"chart timeline payroll-chart\"") == 1)
        // Four levels (preschool to upper secondary) and all of them together.
        #expect(count("<svg class=\"chart timeline level-chart\"") == 5)
        // Six years, a map each for the optimum and for the myopic plan.
        #expect(count("<svg class=\"map year-map\"") == 12)
        #expect(count("<path class=\"transfer\"") == moved)
        #expect(dom.contains("id=\"table-by-year\""))
        #expect(dom.contains("Quảng Ninh (synthetic), 2025-2030"))

        try Self.expectPrints(html, chromium: chromium, browser: browser, into: directory)
    }
}
