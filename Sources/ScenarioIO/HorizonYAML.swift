import RedeployDomain
import Yams

/// What scenario.yaml's `horizon:` map says (docs/MODEL.md section 6), before its files are
/// read, with where each payroll figure is written: a payroll the scenario cannot reach is
/// reported at the figure to change, once the headcount is known.
struct HorizonSettings {
    /// The `horizon` key itself, for problems of the map as a whole.
    var entry: ConfigMap.Entry
    /// nil when missing or invalid (reported): nothing is then checked against the years.
    var years: [Int]?
    var classes: ScenarioReader.FileRef?
    var staff: ScenarioReader.FileRef?
    var payrollChange: [Int: Int] = [:]
    var yearWeights: [Int: Double] = [:]
    /// Where each year of `payrollChange` is written.
    var payrollEntries: [Int: ConfigMap.Entry] = [:]

    /// "2025 to 2030", or "2025" for a horizon of one year.
    static func span(_ years: [Int]) -> String {
        guard let first = years.first, let last = years.last else { return "" }
        return first == last ? String(first) : "\(first) to \(last)"
    }
}

extension YAMLValues {
    /// `horizon:`; nil when absent or null (a scenario of one year). A value that is no map was
    /// reported while the file was read.
    mutating func horizon(_ map: ConfigMap) -> HorizonSettings? {
        guard let entry = map["horizon"], case .map(let inner) = entry.value else { return nil }
        var settings = HorizonSettings(entry: entry)
        settings.years = years(inner, horizon: entry)
        settings.classes = fileRef(inner, "classes", required: false, keyPath: "horizon.classes")
        settings.staff = fileRef(inner, "staff", required: false, keyPath: "horizon.staff")
        for (year, item) in yearEntries(inner, "payroll_change", years: settings.years,
                                        expected: "a map of years to whole numbers, such as {2027: -20}") {
            guard let value = payrollChange(item, "horizon.payroll_change." + item.key) else { continue }
            settings.payrollChange[year] = value
            settings.payrollEntries[year] = item
        }
        let weight = "a number from 0 to \(Int(ScenarioLimits.yearWeight))"
        for (year, item) in yearEntries(inner, "year_weights", years: settings.years,
                                        expected: "a map of years to weights, such as {2025: 1.0}") {
            guard let value = number(item, "horizon.year_weights." + item.key, in: 0...ScenarioLimits.yearWeight,
                                     expected: weight) else { continue }
            settings.yearWeights[year] = value
        }
        return settings
    }

    /// horizon.years: whole years, consecutive and ascending, at least one. Only the first
    /// break in the order is reported: the years after it follow from the fix.
    private mutating func years(_ map: ConfigMap, horizon: ConfigMap.Entry) -> [Int]? {
        let key = "horizon.years"
        let example = "such as [2025, 2026, 2027]"
        // Only a key of ScenarioKeys.maps holds a map: years is always a leaf.
        guard let entry = map["years"], let node = leaf(entry), !Self.isNull(node) else {
            if !chainBroken {
                fail(horizon, key, nil, "missing: list the school years of the horizon, e.g. years: [2025, 2026, 2027]")
            }
            return nil
        }
        guard case .sequence(let sequence) = node else {
            fail(entry, key, node, "must be a list of consecutive years, \(example), got \(YAMLChainReader.kind(node))")
            return nil
        }
        guard !sequence.isEmpty else {
            fail(entry, key, node, "must list at least one year, \(example)")
            return nil
        }
        var years: [Int] = []
        for item in sequence {
            guard Self.tag(item) == Tag.Name.int.rawValue, let year = Self.wholeNumber(item),
                  ScenarioLimits.years.contains(year) else {
                fail(entry, key, item, "must hold years from \(ScenarioLimits.years.lowerBound) to "
                        + "\(ScenarioLimits.years.upperBound), \(example), got \(YAMLChainReader.kind(item))")
                return nil
            }
            years.append(year)
        }
        for k in years.indices.dropFirst() where years[k] != years[k - 1] + 1 {
            let (previous, year) = (years[k - 1], years[k])
            let why = year > previous ? "\(previous + 1) is missing" : "they must be in ascending order, each once"
            fail(entry, key, Array(sequence)[k], "must be consecutive years, \(example): \(year) follows \(previous) (\(why))")
            return nil
        }
        return years
    }

    /// The items of a map of years (horizon.payroll_change, horizon.year_weights) whose key is
    /// a year of the horizon, in the order written; every other key is reported at its
    /// position. `years` nil (the years are invalid) checks only that keys are years.
    private mutating func yearEntries(_ map: ConfigMap, _ name: String, years: [Int]?,
                                      expected: String) -> [(year: Int, item: ConfigMap.Entry)] {
        let key = "horizon." + name
        guard let entry = map[name] else { return [] }
        guard case .map(let inner) = entry.value else {
            if let node = leaf(entry), !Self.isNull(node) {
                fail(entry, key, node, "must be \(expected), got \(YAMLChainReader.kind(node))")
            }
            return []
        }
        var result: [(year: Int, item: ConfigMap.Entry)] = []
        var seen: Set<Int> = []
        for item in inner.entries {
            guard let year = CSVNumber.integer(item.key), ScenarioLimits.years.contains(year) else {
                failAtKey(item, key, "is not a year: name a school year by the year it begins, such as 2027")
                continue
            }
            if let years, !years.contains(year) {
                failAtKey(item, key, "\(year) is not a year of the horizon (\(HorizonSettings.span(years)))")
                continue
            }
            guard seen.insert(year).inserted else {
                failAtKey(item, key, "year \(year) is given twice")
                continue
            }
            result.append((year, item))
        }
        return result
    }

    /// A problem of an item's key (a year), reported at the key, named `mapKey.key`.
    private mutating func failAtKey(_ item: ConfigMap.Entry, _ mapKey: String, _ message: String) {
        log.add(item.source.display, line: item.keyMark?.line, column: item.keyMark?.column,
                key: mapKey + "." + item.key, message)
    }
}
