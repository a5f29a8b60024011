import Foundation
import Workbook
import Yams

/// A scenario (a folder or scenario.yaml, `extends` resolved) written as one workbook in the
/// layout docs/WORKBOOK.md describes: a sheet per CSV file (Schools, Staff, Norms, Distances,
/// Roster, Retraining, Locks, Classes, "Staff years") and a Policy sheet of key/value rows for the
/// rest. Loading the workbook gives the same scenario: numbers go in as number cells only when
/// their text is the shortest form of their value (`2.53`, not `2.530` or an id such as `007`),
/// so every cell reads back as the text the CSV file held, or the same number.
///
/// Used by the tests that solve every bundled scenario in both forms, and by the benchmark.
public enum ScenarioWorkbookExport {
    public static func workbook(_ path: String) throws(ScenarioError) -> WorkbookWriter {
        let root = try YAMLChainReader.rootSource(path)
        var chain = YAMLChainReader()
        guard let merged = chain.read(root), chain.log.isEmpty else { throw ScenarioError(chain.log.diagnostics) }
        var values = YAMLValues(log: DiagnosticLog(), rootFile: root.display, chainBroken: false)
        var sheets: [WorkbookWriter.Sheet] = []
        var policy: [[WorkbookWriter.Cell]] = [[.text("key", style: .header), .text("value", style: .header)]]

        func addSheet(_ key: String, _ ref: ScenarioReader.FileRef?) throws(ScenarioError) {
            guard let ref else { return }
            let table = try CSVTable.read(contentsOf: ref.absolute, file: ref.display)
            sheets.append(sheet(ScenarioWorkbooks.defaultSheets[key]!, table))
        }
        for key in ["schools", "staff", "distances", "roster", "retraining", "locks"] {
            try addSheet(key, values.fileRef(merged, key, required: false))
        }
        if let entry = merged["horizon"], case .map(let inner) = entry.value {
            try addSheet("horizon.classes", values.fileRef(inner, "classes", required: false, keyPath: "horizon.classes"))
            try addSheet("horizon.staff", values.fileRef(inner, "staff", required: false, keyPath: "horizon.staff"))
        }
        if let sources = values.normSources(merged) {
            var items: [String] = []
            for source in sources {
                switch source {
                case .preset(let name, _), .rulesPreset(let name, _):
                    items.append("builtin:" + name)
                case .file(let ref):
                    guard !sheets.contains(where: { $0.name == "Norms" }) else {
                        throw ScenarioError(Diagnostic(file: root.display, key: "norms", message: "names two norms files; a workbook holds one Norms sheet"))
                    }
                    try addSheet("norms", ref)
                case .rulesFile(let text, _):
                    throw ScenarioError(Diagnostic(file: root.display, key: "norms", message: "names the rules file \(text), which a workbook cannot hold"))
                }
            }
            if !items.isEmpty {
                if sheets.contains(where: { $0.name == "Norms" }) { items.append("#Norms") }
                policy.append([.text("norms"), .text(items.count == 1 ? items[0] : "[" + items.joined(separator: ", ") + "]")])
            }
        }
        guard log(values.log) else { throw ScenarioError(values.log.diagnostics) }
        let skipped: Set<String> = ["extends", "schools", "staff", "distances", "roster", "retraining", "locks", "norms",
                                    "horizon.classes", "horizon.staff"]
        func rows(_ map: ConfigMap, prefix: String) {
            for entry in map.entries {
                let key = prefix + entry.key
                guard !skipped.contains(key) else { continue }
                switch entry.value {
                case .map(let inner): rows(inner, prefix: key + ".")
                case .leaf(let node, _): policy.append([.text(key), cell(node)])
                }
            }
        }
        rows(merged, prefix: "")
        sheets.append(WorkbookWriter.Sheet(name: "Policy", rows: policy, frozenRows: 1, columnWidths: [28, 60]))
        return WorkbookWriter(sheets: sheets)
    }

    private static func log(_ log: DiagnosticLog) -> Bool { log.isEmpty }

    /// A CSV table as a sheet: the header, then each row, numbers as numbers where that keeps their text.
    static func sheet(_ name: String, _ table: CSVTable) -> WorkbookWriter.Sheet {
        var rows: [[WorkbookWriter.Cell]] = [table.header.map { .text($0.text, style: .header) }]
        rows.reserveCapacity(table.rows.count + 1)
        for row in table.rows {
            rows.append(row.fields.map { field in
                let text = field.text
                if let value = CSVNumber.decimal(text), CellNumber.shortest(value) == text { return .number(value) }
                return .text(text)
            })
        }
        return WorkbookWriter.Sheet(name: name, rows: rows, frozenRows: 1)
    }

    /// A YAML value as a Policy cell: numbers, booleans and text as such, null as an empty cell,
    /// lists and maps as flow text.
    static func cell(_ node: Node) -> WorkbookWriter.Cell {
        switch YAMLValues.tag(node) {
        case Tag.Name.null.rawValue: return .empty
        case Tag.Name.bool.rawValue: return node.bool.map { .bool($0) } ?? .text(flow(node))
        case Tag.Name.int.rawValue, Tag.Name.float.rawValue:
            if let value = YAMLValues.number(node), value.isFinite { return .number(value) }
            return .text(flow(node))
        default:
            if case .scalar(let scalar) = node { return .text(scalar.string) }
            return .text(flow(node))
        }
    }

    /// YAML flow text of a node: `[a, b]`, `{teacher: physics, teaches: natural_science}`.
    static func flow(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar):
            let text = scalar.string
            let plain = !text.isEmpty && text.allSatisfy { $0.isLetter || $0.isNumber || "_-.:+".contains($0) }
                && YAMLValues.tag(node) != Tag.Name.str.rawValue || (YAMLValues.tag(node) == Tag.Name.str.rawValue
                    && !text.isEmpty && text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
                    && !["true", "false", "null", "yes", "no", "on", "off", "y", "n", "~"].contains(text.lowercased())
                    && Double(text) == nil)
            if plain { return text }
            let escaped = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            return "\"" + escaped + "\""
        case .sequence(let sequence):
            return "[" + sequence.map(flow).joined(separator: ", ") + "]"
        case .mapping(let mapping):
            return "{" + mapping.map { flow($0.key) + ": " + flow($0.value) }.joined(separator: ", ") + "}"
        case .alias:
            return "null"
        }
    }
}
