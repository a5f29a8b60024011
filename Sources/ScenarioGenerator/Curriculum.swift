import RedeployDomain
import ScenarioIO

/// What a class needs, by level and subject, in teachers (FTE) per class. The figures are not
/// constants here: they are the project's norm preset `vn-2023-full` (ScenarioIO/Presets,
/// derived in docs/NORM-PRESETS.md from its periods rule: classes x periods per week /
/// teaching periods per teacher, with homeroom duty, experiential activities, local content
/// and upper-secondary topics given to the teachers who carry them). For example maths at a
/// 12-class lower secondary school: 12 x 0.277228 = 3.33 teachers; 1.75 a class in all.
///
/// What is here is the shape of staffing against that need, which no norm gives.
public enum Curriculum {
    public static let levels = ["preschool", "primary", "lower_secondary", "upper_secondary"]
    /// The norm preset the generator sizes requirements with.
    public static let presetName = "vn-2023-full"

    public struct Need: Sendable, Equatable {
        public let subject: String
        public let perClass: Double
        /// Typical staffing against need, before area and level effects: below 1 where
        /// teachers are scarce nationally (English, informatics, arts, technology), above 1
        /// where they abound (literature, civic education).
        public let staffing: Double
        /// Subjects with few teachers a school (specialists) vary more school to school.
        public let specialist: Bool
    }

    /// Legacy single-subject teachers that now teach an integrated subject at lower secondary,
    /// with their shares among the legacy teachers of that subject.
    public static let legacy: [String: [(subject: String, share: Double)]] = [
        "natural_science": [("physics", 0.4), ("chemistry", 0.3), ("biology", 0.3)],
        "history_geography": [("history", 0.5), ("geography", 0.5)],
    ]

    /// The qualifications that let legacy teachers cover the integrated subjects.
    public static let integratedQualifications: [Qualification] = [
        Qualification(teacher: "physics", teaches: "natural_science"),
        Qualification(teacher: "chemistry", teaches: "natural_science"),
        Qualification(teacher: "biology", teaches: "natural_science"),
        Qualification(teacher: "history", teaches: "history_geography"),
        Qualification(teacher: "geography", teaches: "history_geography"),
    ]

    static let subjectStaffing: [String: Double] = [
        "english": 0.93, "informatics": 0.85, "informatics_technology": 0.8, "technology": 0.85,
        "music": 0.85, "fine_arts": 0.85, "defence_security": 0.9, "natural_science": 0.98,
        "math": 1.02, "literature": 1.04, "civic_education": 1.05, "history_geography": 1.02,
        "history": 1.03, "geography": 1.03,
    ]

    /// The norm rows of the preset, in its order.
    public static let norms: [NormRow] = {
        guard let rows = NormPresets.rows(presetName), !rows.isEmpty else {
            preconditionFailure("the norm preset \(presetName) is missing from ScenarioIO's resources")
        }
        return rows
    }()

    static let needsByLevel: [String: [Need]] = {
        var table: [String: [Need]] = [:]
        for row in norms where row.perClass > 0 {
            table[row.level, default: []].append(Need(
                subject: row.subject, perClass: row.perClass, staffing: subjectStaffing[row.subject] ?? 1,
                specialist: row.perClass < 0.15))
        }
        return table
    }()

    public static func needs(_ level: String) -> [Need] {
        needsByLevel[level] ?? []
    }

    /// The norm rules preset that `GeneratorOptions.normRules` scenarios name.
    public static let rulesPresetName = "vn-2026"

    /// The rules of `rulesPresetName`, as ScenarioIO reads the preset for a scenario.
    public static let rules: NormRules = {
        guard let rules = NormPresets.rules(rulesPresetName) else {
            preconditionFailure("the norm rules preset \(rulesPresetName) is missing from ScenarioIO's resources")
        }
        return rules
    }()

    /// The timetable's teachers a class at `level` (the sum of `needs`) over the most a class
    /// of a regular school that `rules` allow (two sessions a day in primary): the share of
    /// the maximum that schools are staffed to (primary 1.374 / 1.5, lower secondary 1.75 / 1.9).
    static func timetableShare(_ level: String, rules: NormRules) -> Double {
        let timetable = needs(level).reduce(0) { $0 + $1.perClass }
        guard timetable > 0, let maximum = rules.levels[level]?.perClassRule(type: .regular, sessions: 2)?.value,
              maximum > 0 else { return 1 }
        return timetable / maximum
    }
}
