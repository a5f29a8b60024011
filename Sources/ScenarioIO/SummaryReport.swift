import Foundation

/// How `redeploy check` prints a summary.
public enum SummaryFormat: String, Sendable, CaseIterable {
    /// Aligned text tables for a person; numbers rounded to 2 decimals for display.
    case table
    /// One CSV table of groups (area_subject, level, total); the total row carries W0 in
    /// weighted_shortage and the payroll figures. Numbers in shortest round-trip form.
    /// Warnings come first, as rows of group `warning` with only the last column, `warning`, filled.
    case csv
    /// Everything, numbers in shortest round-trip form; `warnings` lists the warnings.
    case json
}

extension ScenarioSummary {
    /// `labels` names the table's headings and columns (English by default); CSV and JSON keep
    /// their keys whatever the language.
    public func render(_ format: SummaryFormat, labels: Labels = .english) -> String {
        switch format {
        case .table: return tableText(labels)
        case .csv: return csvText()
        case .json: return jsonText()
        }
    }

    // MARK: Table

    private func tableText(_ l: Labels) -> String {
        var out = ""
        if !name.isEmpty { out += l("Scenario: {0}", name) + "\n" }
        out += countsLine(l)
        out += "\n"

        out += l("Surplus and shortage by area and subject, before any move (staying = teachers - leaving)") + "\n"
        let figureColumns = [l("teachers"), l("leaving"), l("staying"), l("required"), l("surplus"), l("shortage"), l("weighted")]
        var table = TextTable([l("area"), l("subject"), l("schools")] + figureColumns, leftColumns: 2)
        for g in byAreaSubject {
            table.add([g.area ?? "", g.subject ?? ""] + Self.figures(g))
        }
        table.add([l("total"), ""] + Self.figures(total))
        out += table.text + "\n"

        out += l("By level") + "\n"
        table = TextTable([l("level"), l("schools"), l("classes")] + figureColumns, leftColumns: 1)
        for g in byLevel {
            table.add([g.level ?? "", String(g.schools), String(g.classes ?? 0)] + Array(Self.figures(g).dropFirst()))
        }
        table.add([l("total"), String(total.schools), String(total.classes ?? 0)] + Array(Self.figures(total).dropFirst()))
        out += table.text + "\n"

        out += l("Teachers per class against the norm") + "\n"
        table = TextTable([l("level"), l("classes"), l("teachers/class"), l("staying/class"), l("norm (required/class)")], leftColumns: 1)
        for (label, g) in byLevel.map({ ($0.level ?? "", $0) }) + [(l("total"), total)] {
            table.add([label, String(g.classes ?? 0),
                       Self.display(g.teachersPerClass), Self.display(g.stayingPerClass), Self.display(g.requiredPerClass)])
        }
        out += table.text + "\n"

        out += l("Weighted shortage before any move (W0): {0}", Self.display(weightedShortageBefore, decimals: 4)) + "\n"
        out += l("Payroll: {0} teachers now, {1} leaving, payroll_change {2}: ", payroll.before, payroll.leaving, payroll.payrollChange)
        out += l("at most {0} after the plan; headroom {1} (", payroll.cap, payroll.headroom)
        if payroll.headroom < 0 {
            out += l("{0} must be released", payroll.releasesNeeded)
        } else if payroll.hiring {
            out += payroll.hiresAllowed == 1 ? l("up to 1 hire") : l("up to {0} hires", payroll.hiresAllowed)
        } else {
            out += l("hiring is off")
        }
        out += ")\n"
        out += yearsText(l)
        if !warnings.isEmpty {
            out += "\n" + l("Warnings") + "\n" + warnings.map { $0.warningDescription + "\n" }.joined()
        }
        return out
    }

    /// The line of counts under the scenario's name, where `check` puts a roster's line after it.
    func countsLine(_ l: Labels) -> String {
        l("{0} schools, {1} subjects, {2} (school, subject) pairs", schoolCount, subjectCount, pairCount) + "\n"
    }

    /// The horizon's years, after today's figures; nothing for a scenario of one year.
    private func yearsText(_ l: Labels) -> String {
        guard let total = horizonWeightedShortageBefore else { return "" }
        var out = "\n" + l("By year, if nothing is done (staying = teachers now - leavers so far; payroll cap = teachers now + payroll_change)") + "\n"
        var table = TextTable([l("year"), l("classes"), l("required"), l("leaving"), l("staying"), "payroll_change", l("payroll cap"),
                               l("weight"), l("weighted")], leftColumns: 1)
        for y in years {
            table.add([String(y.year), String(y.classes), Self.display(y.required), String(y.leaving), String(y.staying),
                       String(y.payrollChange), String(y.payrollCap), Self.display(y.weight),
                       Self.display(y.weightedShortage)])
        }
        out += table.text
        out += l("Weighted shortage over the horizon if nothing is done (sum of weight x weighted): ")
            + Self.display(total, decimals: 4) + "\n"
        return out
    }

    private static func figures(_ g: Group) -> [String] {
        [String(g.schools), String(g.teachers), String(g.leaving), String(g.staying), display(g.required),
         display(g.surplus), display(g.shortage), display(g.weightedShortage)]
    }

    /// Display rounding: fixed decimals, "-" for none, never "-0.00".
    static func display(_ value: Double?, decimals: Int = 2) -> String {
        guard let value else { return "-" }
        let text = String(format: "%.\(decimals)f", value)
        if decimals == 4 {
            // Trim trailing zeros for a lone figure: 3.4100 -> 3.41.
            var t = text
            while t.contains("."), t.hasSuffix("0") { t.removeLast() }
            if t.hasSuffix(".") { t.removeLast() }
            return t == "-0" ? "0" : t
        }
        return text.hasPrefix("-") && Double(text) == 0 ? String(text.dropFirst()) : text
    }

    // MARK: CSV

    private func csvText() -> String {
        let header = ["group", "area", "level", "subject", "schools", "classes", "teachers", "leaving",
                      "staying", "required", "surplus", "shortage", "weighted_shortage",
                      "payroll_change", "payroll_headroom", "warning"]
        // A horizon adds two columns, so that a scenario of one year keeps its table byte for byte.
        let yearColumns = years.isEmpty ? [] : ["year", "year_weight"]
        var writer = CSVWriter(header: header + yearColumns)
        let noYear = yearColumns.map { _ in "" }
        func row(_ group: String, _ g: Group, payroll: Bool = false) -> [String] {
            [group, g.area ?? "", g.level ?? "", g.subject ?? "", String(g.schools), g.classes.map(String.init) ?? "",
             String(g.teachers), String(g.leaving), String(g.staying), NumberText.format(g.required),
             NumberText.format(g.surplus), NumberText.format(g.shortage), NumberText.format(g.weightedShortage),
             payroll ? String(self.payroll.payrollChange) : "", payroll ? String(self.payroll.headroom) : "", ""] + noYear
        }
        // First, so that the total stays the last row.
        for w in warnings {
            writer.appendRow(["warning"] + Array(repeating: "", count: header.count - 2) + [w.warningDescription] + noYear)
        }
        for g in byAreaSubject { writer.appendRow(row("area_subject", g)) }
        for g in byLevel { writer.appendRow(row("level", g)) }
        // teachers are today's, leaving the year's, staying what is left after the leavers so far.
        for y in years {
            writer.appendRow(["year", "", "", "", String(schoolCount), String(y.classes), String(payroll.before),
                              String(y.leaving), String(y.staying), NumberText.format(y.required), "", "",
                              NumberText.format(y.weightedShortage), String(y.payrollChange), "", "",
                              String(y.year), NumberText.format(y.weight)])
        }
        writer.appendRow(row("total", total, payroll: true))
        return writer.text
    }

    // MARK: JSON

    /// `"horizon"`: W0 over the horizon and each year's figures; no line for a scenario of one year.
    private func horizonJSON() -> [String] {
        guard let total = horizonWeightedShortageBefore else { return [] }
        let items = years.map { y in
            "    {\"year\": \(y.year), \"classes\": \(y.classes), \"required\": \(NumberText.format(y.required)), "
                + "\"leaving\": \(y.leaving), \"staying\": \(y.staying), \"payroll_change\": \(y.payrollChange), "
                + "\"payroll_cap\": \(y.payrollCap), \"weight\": \(NumberText.format(y.weight)), "
                + "\"weighted_shortage\": \(NumberText.format(y.weightedShortage))}"
        }
        return ["  \"horizon\": {\"weighted_shortage_before\": \(NumberText.format(total)), \"years\": [\n"
                    + items.joined(separator: ",\n") + "\n  ]}"]
    }

    private func jsonText() -> String {
        func group(_ g: Group) -> String {
            var fields: [(String, String)] = []
            if let area = g.area { fields.append(("area", JSONText.string(area))) }
            if let level = g.level { fields.append(("level", JSONText.string(level))) }
            if let subject = g.subject { fields.append(("subject", JSONText.string(subject))) }
            fields.append(("schools", String(g.schools)))
            if let classes = g.classes { fields.append(("classes", String(classes))) }
            fields += [("teachers", String(g.teachers)), ("leaving", String(g.leaving)), ("staying", String(g.staying)),
                       ("required", NumberText.format(g.required)), ("surplus", NumberText.format(g.surplus)),
                       ("shortage", NumberText.format(g.shortage)),
                       ("weighted_shortage", NumberText.format(g.weightedShortage))]
            if g.classes != nil {
                fields += [("teachers_per_class", JSONText.number(g.teachersPerClass)),
                           ("staying_per_class", JSONText.number(g.stayingPerClass)),
                           ("required_per_class", JSONText.number(g.requiredPerClass))]
            }
            return "{" + fields.map { "\(JSONText.string($0.0)): \($0.1)" }.joined(separator: ", ") + "}"
        }
        func list(_ groups: [Group]) -> String {
            guard !groups.isEmpty else { return "[]" }
            return "[\n" + groups.map { "    " + group($0) }.joined(separator: ",\n") + "\n  ]"
        }
        let p = payroll
        let payrollText = "{\"before\": \(p.before), \"leaving\": \(p.leaving), \"staying\": \(p.staying), "
            + "\"payroll_change\": \(p.payrollChange), \"cap\": \(p.cap), \"headroom\": \(p.headroom), "
            + "\"hiring\": \(p.hiring), \"hires_allowed\": \(p.hiresAllowed), \"releases_needed\": \(p.releasesNeeded)}"
        let lines = [
            "  \"name\": \(JSONText.string(name))",
            "  \"schools\": \(schoolCount)",
            "  \"subjects\": \(subjectCount)",
            "  \"pairs\": \(pairCount)",
            "  \"weighted_shortage_before\": \(NumberText.format(weightedShortageBefore))",
            "  \"payroll\": \(payrollText)",
            "  \"total\": \(group(total))",
            "  \"by_level\": \(list(byLevel))",
            "  \"by_area_subject\": \(list(byAreaSubject))",
        ] + horizonJSON() + [
            "  \"warnings\": \(JSONText.array(warnings.map { JSONText.string($0.warningDescription) }))",
        ]
        return "{\n" + lines.joined(separator: ",\n") + "\n}\n"
    }
}

/// Text columns aligned by the number of characters a person sees (grapheme clusters), so that
/// Vietnamese names line up whether their accents are precomposed (NFC) or combining (NFD).
public struct TextTable: Sendable {
    private var rows: [[String]]
    private let leftColumns: Int

    /// The first `leftColumns` columns are left-aligned (text), the rest right-aligned (numbers).
    public init(_ header: [String], leftColumns: Int) {
        rows = [header]
        self.leftColumns = leftColumns
    }

    public mutating func add(_ row: [String]) {
        rows.append(row)
    }

    public var text: String {
        let count = rows.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: count)
        for row in rows {
            for (k, cell) in row.enumerated() { widths[k] = max(widths[k], cell.count) }
        }
        var out = ""
        for row in rows {
            var line = ""
            for (k, cell) in row.enumerated() {
                let pad = String(repeating: " ", count: widths[k] - cell.count)
                if k > 0 { line += "  " }
                line += k < leftColumns ? cell + pad : pad + cell
            }
            while line.hasSuffix(" ") { line.removeLast() }
            out += line + "\n"
        }
        return out
    }
}
