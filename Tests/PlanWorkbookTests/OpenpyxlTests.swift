import Foundation
import Testing

/// The plan workbook of the bundled Quảng Ninh scenario as an independent reader sees it:
/// `redeploy solve --xlsx`, then Python's openpyxl (installed from PyPI by
/// scripts/install-deps.sh) opens the file and checks every sheet, header and number against
/// summary.json, plan.csv, schools.csv and the scenario's schools.csv. Skipped where python3
/// or openpyxl is missing.
@Suite("Plan workbook in openpyxl", .serialized)
struct OpenpyxlTests {
    static let openpyxl: Bool = {
        guard let run = try? CLI.run("/usr/bin/env", ["python3", "-c", "import openpyxl"], timeout: 60) else { return false }
        return run.status == 0
    }()

    @Test(.enabled(if: openpyxl), .timeLimit(.minutes(10)))
    func quangNinhWorkbookHoldsThePlan() throws {
        let out = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let xlsx = out.appendingPathComponent("plan.xlsx").path
        let scenario = CLI.repository.appendingPathComponent("scenarios/quang-ninh").path
        let solve = try CLI.run(CLI.redeploy, ["solve", scenario, "--out", out.path, "--xlsx", xlsx, "--quiet"])
        #expect(solve.status == 0, "\(solve.stderr)")
        let script = out.appendingPathComponent("check.py")
        try Self.script.write(to: script, atomically: true, encoding: .utf8)
        let check = try CLI.run("/usr/bin/env", ["python3", script.path, xlsx, out.path, scenario])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        // Every sheet, every row of plan.csv and schools.csv, every summary figure.
        #expect(check.stdout.contains("sheets: Summary, Transfers, Hires and releases, Schools, By school, By area"))
        let planRows = try String(contentsOf: out.appendingPathComponent("plan.csv"), encoding: .utf8)
            .split(separator: "\n").count - 1
        #expect(planRows > 400)
        #expect(check.stdout.contains("plan rows: \(planRows)\n"), "\(check.stdout)")
        #expect(check.stdout.contains("schools rows: 1178,"), "\(check.stdout)")
        #expect(check.stdout.contains("summary figures: 11\n"), "\(check.stdout)")
    }

    /// Exits 1 with the first difference; prints what it checked.
    static let script = #"""
    import csv, json, sys
    import openpyxl

    xlsx, out, scenario = sys.argv[1:4]
    book = openpyxl.load_workbook(xlsx)
    fail = lambda message: sys.exit("workbook: " + message)

    def rows(name):
        sheet = book[name]
        if sheet.freeze_panes != "A2":
            fail(f"{name}: header row not frozen ({sheet.freeze_panes})")
        values = [list(r) for r in sheet.iter_rows(values_only=True)]
        return values[0], values[1:]

    def read_csv(path):
        with open(path, newline="", encoding="utf-8-sig") as f:
            return list(csv.DictReader(f))

    def number(text):
        return None if text == "" else float(text)

    print("sheets: " + ", ".join(book.sheetnames))
    if book.sheetnames != ["Summary", "Transfers", "Hires and releases", "Schools", "By school", "By area"]:
        fail("sheets")

    # Summary: every figure with a summary.json key is summary.json's, exactly.
    summary = json.load(open(f"{out}/summary.json", encoding="utf-8"))
    header, body = rows("Summary")
    if header != ["Figure", "Value", "summary.json key"]:
        fail(f"Summary header {header}")
    checked = 0
    for label, value, key in body:
        if key:
            if summary[key] != value and not (summary[key] is None and value is None):
                fail(f"Summary {key}: {value!r} != {summary[key]!r}")
            checked += 1
    print(f"summary figures: {checked}")

    # Transfers and Hires and releases: plan.csv's columns first; together plan.csv's rows.
    plan = read_csv(f"{out}/plan.csv")
    columns = ["action", "from_school", "to_school", "subject", "teachers", "km"]
    found = []
    for name, display in [("Transfers", ["Sending school", "Sending area", "Receiving school", "Receiving area",
                                         "Level", "Authority (signs the move)"]),
                          ("Hires and releases", ["School", "Area", "Level"])]:
        header, body = rows(name)
        if header != columns + display:
            fail(f"{name} header {header}")
        found += [tuple(r[:6]) for r in body]
        for r in body:
            if name == "Transfers" and r[11] not in ("commune", "province"):
                fail(f"Transfers authority {r[11]!r}")
    expected = [(r["action"], r["from_school"] or None, r["to_school"] or None, r["subject"],
                 number(r["teachers"]), number(r["km"])) for r in plan]
    if sorted(found, key=repr) != sorted(expected, key=repr):
        fail("Transfers and Hires and releases are not plan.csv's rows")
    print(f"plan rows: {len(found)}")

    # Schools: schools.csv's rows, with the scenario's names and areas, exactly.
    names = {r["id"]: r for r in read_csv(f"{scenario}/schools.csv")}
    schools = read_csv(f"{out}/schools.csv")
    header, body = rows("Schools")
    if header[:9] != ["school_id", "School", "Area", "Level", "subject", "required", "before", "after", "shortage"]:
        fail(f"Schools header {header}")
    if len(body) != len(schools):
        fail("Schools rows")
    red = 0
    sheet = book["Schools"]
    for k, (r, s) in enumerate(zip(body, schools)):
        if (r[0], r[4]) != (s["school_id"], s["subject"]):
            fail(f"Schools row {k + 2}: {r[0]}, {r[4]}")
        if r[1] != names[r[0]]["name"] or r[2] != names[r[0]]["area"]:
            fail(f"Schools row {k + 2}: name or area {r[1]!r}, {r[2]!r}")
        for c, key in [(5, "required"), (6, "before"), (7, "after"), (8, "shortage")]:
            if r[c] != float(s[key]):
                fail(f"Schools row {k + 2} {key}: {r[c]!r} != {s[key]}")
        if r[11] != r[7] - r[5]:
            fail(f"Schools row {k + 2}: thừa/thiếu {r[12]!r}")
        filled = sheet.cell(row=k + 2, column=9).fill.fgColor.rgb.endswith("FFC7CE")
        if filled != (r[8] > 1e-6):
            fail(f"Schools row {k + 2}: shortage {r[8]} filled {filled}")
        red += filled
        if sheet.cell(row=k + 2, column=6).number_format != "#,##0.00":
            fail("Schools: required's number format")
    print(f"schools rows: {len(body)}, short: {red}")

    # By area: the total row is the sum of schools.csv.
    header, body = rows("By area")
    total = body[-1]
    if total[0] != "Total" or total[1] != len(names):
        fail(f"By area total {total[:2]}")
    for c, key in [(2, "required"), (4, "after"), (5, "shortage")]:
        if abs(total[c] - sum(float(s[key]) for s in schools)) > 1e-6:
            fail(f"By area total {key}")
    print("by area: ok")
    """#
}
