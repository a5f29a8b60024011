import Foundation
import Workbook
import Yams

/// A scenario given as one workbook (docs/WORKBOOK.md): sheets Schools and Staff, optionally
/// Norms, Distances, Roster, Retraining, Locks, Classes and "Staff years", and a Policy sheet of
/// key/value rows standing for scenario.yaml's keys (`policy.payroll_change | -310`,
/// `costs.move | 1`, `name | Quảng Ninh`, `horizon.payroll_change.2030 | -328`).
///
/// The Policy rows are made into the YAML nodes scenario.yaml would give, each at its cell, and
/// read by the same code as scenario.yaml: unknown keys, types and ranges are reported as for
/// the YAML file, at the Policy sheet's cells. A value cell holds what scenario.yaml would
/// hold after the key: a number, true or false, a word, nothing (null), or a flow list or map
/// such as `[2025, 2026]` or `[{teacher: physics, teaches: natural_science}]`.
extension ScenarioReader {
    /// Keys whose value is a name or a path: their cells are text as written, never YAML.
    static let textKeys: Set<String> = ["name", "schools", "staff", "distances", "roster", "retraining", "locks",
                                        "retirement", "norms", "horizon.classes", "horizon.staff"]
    /// File keys: a value starting with `#` names a sheet of this workbook.
    static let fileKeys: Set<String> = ["schools", "staff", "distances", "roster", "retraining", "locks", "norms",
                                        "horizon.classes", "horizon.staff"]
    /// Bounds on the Policy sheet, which holds a few dozen keys.
    static let policyRows = 10_000, policyEntries = 500

    /// The merged configuration of the workbook scenario `root`; nil (reported) when the
    /// workbook cannot be opened.
    mutating func workbookConfig(_ root: YAMLSource, _ chain: inout YAMLChainReader) -> ConfigMap? {
        let display = root.display
        let reader: WorkbookReader
        switch workbooks.reader(absolute: root.absolute, display: display) {
        case .failure(let error):
            log.add(ScenarioWorkbooks.diagnostic(error))
            chain.chainBroken = true
            return nil
        case .success(let opened):
            reader = opened
        }
        let policyFile = display + "#Policy"
        let source = YAMLSource(display: policyFile, displayFolder: root.displayFolder,
                                absolute: root.absolute + "#Policy", absoluteFolder: root.absoluteFolder)
        let own = PathText.normalize(display).split(separator: "/").last.map(String.init) ?? display
        var tree = KeyTree()
        if let policy = reader.sheetName(matching: "Policy") {
            workbooks.register(policyFile, file: display, sheet: policy)
            do {
                let sheet = try reader.sheet(policy)
                readPolicy(sheet, file: policyFile, workbookName: own, into: &tree)
            } catch {
                log.add(ScenarioWorkbooks.diagnostic(error))
                chain.chainBroken = true
            }
        }
        // The sheets that stand for files when the Policy sheet does not name them.
        var missing: [String] = []
        for (key, required) in [("schools", true), ("staff", true), ("norms", false), ("distances", false),
                                ("roster", false), ("retraining", false), ("locks", false), ("horizon.classes", false),
                                ("horizon.staff", false)] {
            let path = key.split(separator: ".").map(String.init)
            guard !tree.has(path) else { continue }
            if path.count > 1, !tree.has([path[0]]) { continue }  // Classes and Staff years need a horizon
            let sheet = ScenarioWorkbooks.defaultSheets[key]!
            if let actual = reader.sheetName(matching: sheet) {
                tree.add(path, key: nil, value: Node.Scalar(own + "#" + actual, Tag(.str), .plain), row: 0)
            } else if required {
                missing.append(sheet)
            }
        }
        if !missing.isEmpty {
            log.add(display, "has no sheet named " + missing.map { "'\($0)'" }.joined(separator: " or ")
                    + "; a scenario workbook has sheets Schools and Staff (and optionally Policy, Norms, Distances, "
                    + "Roster, Retraining); its sheets are: " + reader.sheetNames.map { "'\($0)'" }.joined(separator: ", "))
            chain.chainBroken = true
        }
        let map = chain.configMap(tree.mapping(), source: source, path: [], allowed: ScenarioKeys.top)
        if let extends = map["extends"] {
            log.add(policyFile, line: extends.keyMark?.line, column: 1, key: "extends",
                    "a workbook scenario is whole and cannot extend another; copy the other's rows into this workbook")
        }
        var result = map
        result.entries.removeAll { $0.key == "extends" }
        return result
    }

    /// Reads the key/value rows of the Policy sheet into `tree`, reporting bad rows at their cells.
    private mutating func readPolicy(_ sheet: WorkbookSheet, file: String, workbookName: String, into tree: inout KeyTree) {
        var seen: [String: Int] = [:]
        var entries = 0
        for row in sheet.rows {
            guard let keyCell = row[1] else {
                if let stray = row.cells.first, stray.column == 2 {
                    log.add(file, line: row.number, column: 2, "a value without a key: write the key in column A")
                }
                continue
            }
            var scratch = DiagnosticLog()
            guard let keyText = SheetTable.text(of: keyCell, file: file, &scratch).map(CSVText.trimmed) else {
                log.add(contentsOf: scratch.diagnostics)
                continue
            }
            if keyText.isEmpty || keyText.hasPrefix("#") { continue }  // a blank or a comment row
            if entries == 0, keyText.lowercased() == "key" { continue }  // a header row
            guard row.number <= Self.policyRows else {
                log.add(file, line: row.number, column: 1, "the Policy sheet holds its keys in its first \(Self.policyRows) rows")
                return
            }
            entries += 1
            guard entries <= Self.policyEntries else {
                log.add(file, line: row.number, column: 1, "the Policy sheet holds more than \(Self.policyEntries) keys")
                return
            }
            let path = keyText.split(separator: ".", omittingEmptySubsequences: false).map { CSVText.trimmed(String($0)) }
            guard !path.contains(where: \.isEmpty) else {
                log.add(file, line: row.number, column: 1, key: keyText, "is not a key: write names joined by dots, such as policy.payroll_change")
                continue
            }
            let dotted = path.joined(separator: ".")
            if let first = seen[dotted] {
                log.add(file, line: row.number, column: 1, key: dotted, "appears twice (first in row \(first))")
                continue
            }
            seen[dotted] = row.number
            guard let value = policyValue(row[2], key: dotted, row: row.number, file: file, workbookName: workbookName) else { continue }
            if let conflict = tree.add(path, key: Self.mark(row: row.number, column: 1), value: value, row: row.number) {
                log.add(file, line: row.number, column: 1, key: dotted,
                        "conflicts with '\(conflict.key)' (row \(conflict.row)): a key holds either a value or keys below it")
            }
        }
    }

    /// The YAML node a value cell stands for, at the cell; nil (reported) for a formula or an error.
    private mutating func policyValue(_ cell: SheetCell?, key: String, row: Int, file: String, workbookName: String) -> Node? {
        let column = 2
        guard let cell else { return Self.compose("null", row: row, column: column) }
        var scratch = DiagnosticLog()
        guard let text = SheetTable.text(of: cell, file: file, &scratch) else {
            log.add(contentsOf: scratch.diagnostics)
            return nil
        }
        let trimmed = CSVText.trimmed(text)
        if trimmed.isEmpty { return Self.compose("null", row: row, column: column) }
        switch cell.value {
        case .number(let number)?:
            return Self.compose(Self.yamlNumber(number), row: row, column: column)
        case .bool(let value)?:
            return Self.compose(value ? "true" : "false", row: row, column: column)
        default:
            break
        }
        let isFlow = trimmed.hasPrefix("[") || trimmed.hasPrefix("{")
        if Self.textKeys.contains(key), !isFlow {
            let value = Self.fileKeys.contains(key) && trimmed.hasPrefix("#") ? workbookName + trimmed : trimmed
            return .scalar(Node.Scalar(value, Tag(.str), .plain, Self.mark(row: row, column: column)))
        }
        if case .date? = cell.value {
            return .scalar(Node.Scalar(trimmed, Tag(.str), .plain, Self.mark(row: row, column: column)))
        }
        return Self.compose(trimmed, row: row, column: column)
            ?? .scalar(Node.Scalar(trimmed, Tag(.str), .plain, Self.mark(row: row, column: column)))
    }

    /// A number as YAML reads it back: a float always has a dot (`1.0e-07`, not `1e-07`).
    static func yamlNumber(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        var text = "\(value)"
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }), !text[..<e].contains(".") {
            text.insert(contentsOf: ".0", at: e)
        }
        return text
    }

    /// `text` composed as YAML with its first character at `row`, `column`, so that every
    /// mark inside it lies on the cell's row; nil when it is no YAML (kept as text by the caller).
    static func compose(_ text: String, row: Int, column: Int) -> Node? {
        let padding = String(repeating: "\n", count: max(0, row - 1)) + String(repeating: " ", count: max(0, column - 1))
        guard YAMLText.disallowedCharacter(text, file: "") == nil, !text.contains("*"), !text.contains("&") else { return nil }
        return (try? Yams.compose(yaml: padding + text)) ?? nil
    }

    /// A mark at a cell (Yams makes marks only by parsing).
    static func mark(row: Int, column: Int) -> Mark? {
        compose("x", row: row, column: column)?.mark
    }
}

/// The Policy sheet's dotted keys as nested maps, in the order of their first rows.
struct KeyTree {
    private final class Branch {
        var names: [String] = []
        var keys: [String: Mark?] = [:]
        var leaves: [String: (node: Node, row: Int)] = [:]
        var branches: [String: (branch: Branch, row: Int)] = [:]
    }
    private let root = Branch()

    func has(_ path: [String]) -> Bool {
        var branch = root
        for (k, name) in path.enumerated() {
            if k == path.count - 1 { return branch.leaves[name] != nil || branch.branches[name] != nil }
            guard let next = branch.branches[name] else { return false }
            branch = next.branch
        }
        return false
    }

    /// Adds `value` at `path`; returns the key it conflicts with (a value where keys go below
    /// it, or the reverse) instead of adding it.
    mutating func add(_ path: [String], key: Mark?, value: Node.Scalar, row: Int) {
        _ = add(path, key: key, value: Node.scalar(value), row: row)
    }

    mutating func add(_ path: [String], key: Mark?, value: Node, row: Int) -> (key: String, row: Int)? {
        var branch = root
        for (k, name) in path.enumerated() {
            let prefix = path[...k].joined(separator: ".")
            if k == path.count - 1 {
                if let other = branch.branches[name] { return (prefix, other.row) }
                if branch.keys[name] == nil { branch.names.append(name); branch.keys[name] = key }
                branch.leaves[name] = (value, row)
                return nil
            }
            if let leaf = branch.leaves[name] { return (prefix, leaf.row) }
            if branch.branches[name] == nil {
                branch.names.append(name)
                branch.keys[name] = key
                branch.branches[name] = (Branch(), row)
            }
            branch = branch.branches[name]!.branch
        }
        return nil
    }

    func mapping() -> Node.Mapping {
        Self.mapping(root)
    }

    private static func mapping(_ branch: Branch) -> Node.Mapping {
        var pairs: [(Node, Node)] = []
        for name in branch.names {
            let mark = branch.keys[name] ?? nil
            let key = Node.scalar(Node.Scalar(name, Tag(.str), .plain, mark))
            if let leaf = branch.leaves[name] {
                pairs.append((key, leaf.node))
            } else if let inner = branch.branches[name] {
                pairs.append((key, .mapping(Node.Mapping(mapping(inner.branch).map { $0 }, Tag(.map), .block, mark))))
            }
        }
        return Node.Mapping(pairs, Tag(.map), .block, nil)
    }
}
