import Foundation
import RedeployDomain

/// Norm tables shipped with the package as data files (`Presets/NAME.csv`, columns level,
/// subject, per_class, and the figures they come from), selected in scenario.yaml with
/// `norms: builtin:NAME`. docs/NORM-PRESETS.md shows how each figure was derived.
public enum NormPresets {
    /// The names of the shipped presets, sorted.
    public static var names: [String] {
        guard let folder = folderURL,
              let files = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        return files.filter { $0.hasSuffix(".csv") }.map { String($0.dropLast(4)) }.sorted()
    }

    /// The rows of preset `name`, or nil when there is no such preset.
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
