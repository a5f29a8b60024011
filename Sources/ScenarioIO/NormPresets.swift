import Foundation
import RedeployDomain

/// Norms shipped with the package as data files, selected in scenario.yaml with
/// `norms: builtin:NAME`: tables (`Presets/NAME.csv`, columns level, subject, per_class, and the
/// figures they come from; docs/NORM-PRESETS.md shows how each figure was derived) and rules
/// applied school by school (`Presets/NAME.yaml`, read by `NormRulesReader`).
public enum NormPresets {
    /// The names of the shipped presets, tables and rules alike, sorted: what a message about
    /// an unknown `builtin:` name lists.
    public static var names: [String] {
        guard let folder = folderURL,
              let files = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        let names = files.compactMap { file in
            [".csv", ".yaml"].first(where: file.hasSuffix).map { String(file.dropLast($0.count)) }
        }
        return Set(names).sorted()
    }

    /// Whether `builtin:NAME` names rules (a YAML file) rather than a table.
    static func isRules(_ name: String) -> Bool {
        rulesPath(name) != nil
    }

    /// The rules of preset `name`, or nil when there is no such rules preset.
    public static func rules(_ name: String) -> NormRules? {
        guard let path = rulesPath(name) else { return nil }
        return NormRulesReader.read(path: path, display: "builtin:" + name, name: name).rules
    }

    /// The path of `Presets/NAME.yaml`, when it exists.
    static func rulesPath(_ name: String) -> String? {
        guard !name.isEmpty, !name.contains("/"), let folder = folderURL else { return nil }
        let path = folder.appendingPathComponent(name + ".yaml").path
        return FileKind.isRegularFile(path) ? path : nil
    }

    /// The rows of table preset `name`, or nil when there is no such table (rules have none).
    public static func rows(_ name: String) -> [NormRow]? {
        guard let table = table(name) else { return nil }
        var reader = RowReader(log: DiagnosticLog())
        let rows = reader.norms(table)
        return reader.log.isEmpty ? rows : nil
    }

    static func table(_ name: String) -> CSVTable? {
        guard !name.isEmpty, !name.contains("/"), let folder = folderURL else { return nil }
        let url = folder.appendingPathComponent(name + ".csv")
        return try? CSVTable.read(contentsOf: url.path, file: "builtin:" + name)
    }

    private static var folderURL: URL? {
        Bundle.module.resourceURL?.appendingPathComponent("Presets")
    }
}
