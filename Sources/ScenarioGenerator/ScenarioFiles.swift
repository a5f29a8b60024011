import Foundation
import RedeployDomain
import ScenarioIO

/// A scenario as the files of docs/MODEL.md section 1: scenario.yaml, schools.csv, staff.csv,
/// and norms.csv and distances.csv when the scenario has them. A scenario with norm rules names
/// them as the built-in preset they carry the name of (`norms: builtin:vn-2026`), and its
/// schools.csv has the columns the rules read. Retraining rows (section 5) go to
/// retraining.csv, a horizon (section 6) to `horizon:` with classes.csv and staff-years.csv,
/// each file only when it has rows: a scenario without them gives the files it always gave.
/// A roster (section 7) goes to roster.csv and `roster:`, likewise only when it has rows.
public enum ScenarioFiles {
    public struct File: Sendable, Equatable {
        public var name: String
        public var contents: String
    }

    /// The files, in a fixed order, as text. Same scenario, same bytes.
    public static func render(_ scenario: Scenario) -> [File] {
        var files = [File(name: "scenario.yaml", contents: yaml(scenario)),
                     File(name: "schools.csv", contents: schoolsCSV(scenario.schools, normColumns: scenario.normRules != nil)),
                     File(name: "staff.csv", contents: staffCSV(scenario.staff))]
        if let norms = scenario.norms { files.append(File(name: "norms.csv", contents: normsCSV(norms))) }
        if !scenario.distances.isEmpty {
            files.append(File(name: "distances.csv", contents: distancesCSV(scenario.distances)))
        }
        if !scenario.retraining.isEmpty {
            files.append(File(name: "retraining.csv", contents: retrainingCSV(scenario.retraining)))
        }
        if let horizon = scenario.horizon {
            if !horizon.classes.isEmpty { files.append(File(name: "classes.csv", contents: classesCSV(horizon.classes))) }
            if !horizon.staffYears.isEmpty {
                files.append(File(name: "staff-years.csv", contents: staffYearsCSV(horizon.staffYears)))
            }
        }
        if !scenario.roster.isEmpty { files.append(File(name: "roster.csv", contents: rosterCSV(scenario.roster))) }
        return files
    }

    /// Every file name `render` may produce.
    public static let knownNames = ["scenario.yaml", "schools.csv", "staff.csv", "norms.csv", "distances.csv",
                                    "retraining.csv", "classes.csv", "staff-years.csv", "roster.csv"]

    public static func yaml(_ scenario: Scenario) -> String {
        let p = scenario.policy, c = scenario.costs
        var lines = ["name: \(yamlString(scenario.name))", "schools: schools.csv", "staff: staff.csv"]
        if let rules = scenario.normRules {
            // Preset names are file names: plain (`builtin:vn-2026`) unless they need quoting.
            let plain = !rules.name.isEmpty && rules.name.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0)
            }
            lines.append("norms: " + (plain ? "builtin:" + rules.name : yamlString("builtin:" + rules.name)))
        } else if scenario.norms != nil {
            lines.append("norms: norms.csv")
        }
        if !scenario.distances.isEmpty { lines.append("distances: distances.csv") }
        if !scenario.retraining.isEmpty { lines.append("retraining: retraining.csv") }
        if !scenario.roster.isEmpty { lines.append("roster: roster.csv") }
        lines += [
            "policy:",
            "  payroll_change: \(p.payrollChange)",
            "  hiring: \(p.hiring)",
            "  same_level: \(p.sameLevel)",
            "  transfer_scope: \(p.transferScope.rawValue)",
            "  max_distance_km: \(p.maxDistanceKm.map(yamlNumber) ?? "null")",
            "  max_out_share: \(p.maxOutShare.map(yamlNumber) ?? "null")",
            "  sharing: \(p.sharing)",
        ]
        lines += qualificationLines(p.qualifications, indent: "  ")
        lines += [
            "costs:",
            "  move: \(yamlNumber(c.move))",
            "  per_km: \(yamlNumber(c.perKm))",
            "  hire: \(yamlNumber(c.hire))",
            "  release: \(yamlNumber(c.release))",
        ]
        if let horizon = scenario.horizon { lines += horizonLines(horizon) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `horizon:` and its keys; a file or map it has nothing for is left out, which the format
    /// reads as no change. Years of the maps in ascending order.
    static func horizonLines(_ horizon: Horizon) -> [String] {
        var lines = ["horizon:", "  years: [" + horizon.years.map(String.init).joined(separator: ", ") + "]"]
        if !horizon.classes.isEmpty { lines.append("  classes: classes.csv") }
        if !horizon.staffYears.isEmpty { lines.append("  staff: staff-years.csv") }
        if !horizon.payrollChange.isEmpty {
            let pairs = horizon.payrollChange.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
            lines.append("  payroll_change: {" + pairs.joined(separator: ", ") + "}")
        }
        if !horizon.yearWeights.isEmpty {
            let pairs = horizon.yearWeights.sorted { $0.key < $1.key }.map { "\($0.key): \(yamlNumber($0.value))" }
            lines.append("  year_weights: {" + pairs.joined(separator: ", ") + "}")
        }
        return lines
    }

    /// `qualifications:` and its list, as a policy key at `indent`.
    public static func qualificationLines(_ qualifications: [Qualification], indent: String) -> [String] {
        guard !qualifications.isEmpty else { return ["\(indent)qualifications: []"] }
        return ["\(indent)qualifications:"] + qualifications.map {
            "\(indent)  - {teacher: \(yamlString($0.teacher)), teaches: \(yamlString($0.teaches))}"
        }
    }

    /// schools.csv; `normColumns` adds pupils, region, sessions, type and infant_groups, the
    /// columns norm rules read (pupils empty where not known).
    public static func schoolsCSV(_ schools: [School], normColumns: Bool = false) -> String {
        let located = schools.contains { $0.latitude != nil && $0.longitude != nil }
        var header = located
            ? ["id", "name", "area", "level", "classes", "lat", "lon", "priority"]
            : ["id", "name", "area", "level", "classes", "priority"]
        if normColumns { header += ["pupils", "region", "sessions", "type", "infant_groups"] }
        var csv = CSVWriter(header: header)
        for s in schools {
            var row = [s.id, s.name, s.area, s.level, String(s.classes)]
            if located { row += [NumberText.format(s.latitude), NumberText.format(s.longitude)] }
            row.append(NumberText.format(s.priority))
            if normColumns {
                row += [s.pupils.map(String.init) ?? "", String(s.region), String(s.sessions), s.type.rawValue,
                        String(s.infantGroups)]
            }
            csv.appendRow(row)
        }
        return csv.text
    }

    public static func staffCSV(_ staff: [StaffRow]) -> String {
        var csv = CSVWriter(header: ["school_id", "subject", "teachers", "leaving", "required"])
        for r in staff {
            csv.appendRow([r.schoolID, r.subject, String(r.teachers), String(r.leaving), NumberText.format(r.required)])
        }
        return csv.text
    }

    public static func normsCSV(_ norms: [NormRow]) -> String {
        var csv = CSVWriter(header: ["level", "subject", "per_class"])
        for n in norms { csv.appendRow([n.level, n.subject, NumberText.format(n.perClass)]) }
        return csv.text
    }

    public static func retrainingCSV(_ rows: [RetrainingRow]) -> String {
        var csv = CSVWriter(header: ["from_level", "from_subject", "to_level", "to_subject", "cost", "delay"])
        for r in rows {
            csv.appendRow([r.fromLevel, r.fromSubject, r.toLevel, r.toSubject, NumberText.format(r.cost), String(r.delay)])
        }
        return csv.text
    }

    /// classes.csv of a horizon.
    public static func classesCSV(_ rows: [ClassesRow]) -> String {
        var csv = CSVWriter(header: ["school_id", "year", "classes"])
        for r in rows { csv.appendRow([r.schoolID, String(r.year), String(r.classes)]) }
        return csv.text
    }

    /// staff-years.csv of a horizon; an absent figure is an empty cell.
    public static func staffYearsCSV(_ rows: [StaffYearRow]) -> String {
        var csv = CSVWriter(header: ["school_id", "subject", "year", "leaving", "required"])
        for r in rows {
            csv.appendRow([r.schoolID, r.subject, String(r.year), r.leaving.map(String.init) ?? "", NumberText.format(r.required)])
        }
        return csv.text
    }

    /// roster.csv (docs/MODEL.md section 7): the columns redeploy reads, no name; an absent
    /// value is an empty cell.
    public static func rosterCSV(_ rows: [RosterRow]) -> String {
        var csv = CSVWriter(header: ["teacher_id", "school_id", "subject", "points", "volunteer", "exempt", "must_move",
                                     "leaving_year", "home_lat", "home_lon", "birth_date", "sex"])
        for r in rows {
            csv.appendRow([r.teacherID, r.schoolID, r.subject, NumberText.format(r.points), String(r.volunteer),
                           r.exemptReason, String(r.mustMove), r.leavingYear.map(String.init) ?? "",
                           NumberText.format(r.homeLatitude), NumberText.format(r.homeLongitude),
                           r.birthDate?.description ?? "", r.sex?.rawValue ?? ""])
        }
        return csv.text
    }

    public static func distancesCSV(_ distances: [DistanceRow]) -> String {
        var csv = CSVWriter(header: ["from", "to", "km"])
        for d in distances { csv.appendRow([d.from, d.to, NumberText.format(d.km)]) }
        return csv.text
    }

    /// A YAML double-quoted scalar: UTF-8 kept as is, quotes, backslashes and control
    /// characters escaped.
    public static func yamlString(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\x" + String(scalar.value, radix: 16).leftPadded(to: 2)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// A YAML float that every YAML version reads as one: NumberText's shortest round-trip
    /// form, with ".0" on whole numbers and without exponents.
    public static func yamlNumber(_ x: Double) -> String {
        let text = NumberText.format(x)
        if text.contains("e") || text.contains("E") {
            return String(format: "%.17f", x).replacingOccurrences(of: "0+$", with: "", options: .regularExpression)
        }
        return text.contains(".") ? text : text + ".0"
    }
}

/// Writes rendered files into a folder: refuses a non-empty folder unless forced, and stages
/// everything in a sibling temporary folder first, so that a failure leaves nothing half-written.
public enum ScenarioFolder {
    public enum WriteError: Error, CustomStringConvertible, Equatable {
        case notEmpty(String)
        case notADirectory(String)
        case io(String)

        public var description: String {
            switch self {
            case .notEmpty(let path): return "\(path) is not empty; use --force to write into it"
            case .notADirectory(let path): return "\(path) exists and is not a folder"
            case .io(let message): return message
            }
        }
    }

    public static func write(_ scenario: Scenario, to directory: URL, force: Bool = false) throws {
        try write(ScenarioFiles.render(scenario), to: directory, force: force)
    }

    public static func write(_ files: [ScenarioFiles.File], to directory: URL, force: Bool = false) throws {
        let fm = FileManager.default
        let target = directory.standardizedFileURL
        var isDirectory: ObjCBool = false
        let exists = fm.fileExists(atPath: target.path, isDirectory: &isDirectory)
        if exists && !isDirectory.boolValue { throw WriteError.notADirectory(target.path) }
        let existing = exists ? ((try? fm.contentsOfDirectory(atPath: target.path)) ?? []) : []
        if !existing.isEmpty && !force { throw WriteError.notEmpty(target.path) }

        let parent = target.deletingLastPathComponent()
        let staging = parent.appendingPathComponent(".\(target.lastPathComponent).partial-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
            if fm.fileExists(atPath: staging.path) { try fm.removeItem(at: staging) }
            try fm.createDirectory(at: staging, withIntermediateDirectories: false)
            for file in files {
                try Data(file.contents.utf8).write(to: staging.appendingPathComponent(file.name))
            }
        } catch {
            try? fm.removeItem(at: staging)
            throw WriteError.io("cannot write \(target.path): \(error.localizedDescription)")
        }

        if existing.isEmpty {
            // rename(2) replaces an empty folder in one step.
            guard rename(staging.path, target.path) == 0 else {
                let message = String(cString: strerror(errno))
                try? fm.removeItem(at: staging)
                throw WriteError.io("cannot move the files into \(target.path): \(message)")
            }
            return
        }
        // Forced into a non-empty folder: every file is complete before any is moved; each
        // rename replaces its file in one step. Stale files of ours that this scenario no
        // longer names (an old norms.csv, say) go.
        for file in files {
            guard rename(staging.appendingPathComponent(file.name).path, target.appendingPathComponent(file.name).path) == 0 else {
                let message = String(cString: strerror(errno))
                try? fm.removeItem(at: staging)
                throw WriteError.io("cannot move \(file.name) into \(target.path): \(message)")
            }
        }
        let written = Set(files.map(\.name))
        for name in ScenarioFiles.knownNames where !written.contains(name) && existing.contains(name) {
            try? fm.removeItem(at: target.appendingPathComponent(name))
        }
        try? fm.removeItem(at: staging)
    }
}
