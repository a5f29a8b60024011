import Foundation
import RedeployDomain

/// Per school, the three figures a provincial department's staffing report (báo cáo của Sở
/// GD-ĐT) is made of: định mức, the teachers the norms allow (the sum of `required` over the
/// school's subjects, fixed posts included); có mặt, the teachers on the books today; and
/// thừa/thiếu, present minus norm (positive: surplus, negative: shortage), with both figures
/// per class ("1.7 teachers per class against a norm of 2.25"). What `check --by school` shows.
public struct SchoolStaffing: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public var id: String
        public var name: String
        public var area: String
        public var level: String
        public var classes: Int
        /// định mức.
        public var norm: Double
        /// có mặt.
        public var present: Int
        /// thừa (+) / thiếu (-).
        public var difference: Double { Double(present) - norm }
        public var normPerClass: Double? { classes > 0 ? norm / Double(classes) : nil }
        public var presentPerClass: Double? { classes > 0 ? Double(present) / Double(classes) : nil }
    }

    public var rows: [Row]

    public init(_ instance: Instance) {
        rows = instance.schools.enumerated().map { s, school in
            let range = instance.pairRanges[s]
            return Row(id: school.id, name: school.name, area: school.area, level: school.level, classes: school.classes,
                       norm: range.reduce(0) { $0 + instance.pairs[$1].required },
                       present: range.reduce(0) { $0 + instance.pairs[$1].teachers })
        }
    }

    /// `labels` names the table's columns (English by default); CSV and JSON keep their keys.
    public func render(_ format: SummaryFormat, labels: Labels = .english) -> String {
        switch format {
        case .table: return table(labels)
        case .csv: return csv()
        case .json: return json()
        }
    }

    private func fixed(_ x: Double, _ digits: Int) -> String {
        String(format: "%.\(digits)f", x)
    }

    private func table(_ l: Labels) -> String {
        var table = TextTable([l("school"), l("area"), l("level"), l("classes"), l("norm (định mức)"), l("present (có mặt)"),
                               l("+surplus/-shortage (thừa/thiếu)"), l("norm per class"), l("present per class")], leftColumns: 3)
        for row in rows {
            table.add([row.id, row.area, row.level, String(row.classes), fixed(row.norm, 2), String(row.present),
                       fixed(row.difference, 2), row.normPerClass.map { fixed($0, 2) } ?? "",
                       row.presentPerClass.map { fixed($0, 2) } ?? ""])
        }
        return table.text
    }

    /// Full precision, so that the figures read back exactly (docs/MODEL.md section 4).
    private func csv() -> String {
        var writer = CSVWriter(header: ["school_id", "name", "area", "level", "classes", "norm", "present",
                                        "surplus_shortage", "norm_per_class", "present_per_class"])
        for row in rows {
            writer.appendRow([row.id, row.name, row.area, row.level, String(row.classes), NumberText.format(row.norm),
                              String(row.present), NumberText.format(row.difference), NumberText.format(row.normPerClass),
                              NumberText.format(row.presentPerClass)])
        }
        return writer.text
    }

    private func json() -> String {
        let items = rows.map { row in
            "  {\"school\": \(JSONText.string(row.id)), \"name\": \(JSONText.string(row.name)), "
                + "\"area\": \(JSONText.string(row.area)), \"level\": \(JSONText.string(row.level)), "
                + "\"classes\": \(row.classes), \"norm\": \(NumberText.format(row.norm)), \"present\": \(row.present), "
                + "\"surplus_shortage\": \(NumberText.format(row.difference))}"
        }
        return "[\n" + items.joined(separator: ",\n") + "\n]\n"
    }
}
