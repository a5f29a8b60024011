import Foundation
import RedeployDomain
import ScenarioIO

/// The properties every reader must have, whatever bytes it is given. A broken property stops
/// the fuzzer with the input that broke it (`fatalError` is a crash to libFuzzer).
public enum Fuzz {
    /// FUZZ_VERBOSE=1 prints each outcome: run a target on one input to see what the reader says.
    public static let verbose = ProcessInfo.processInfo.environment["FUZZ_VERBOSE"] != nil

    /// Diagnostics about a file as a whole, which have no line: the only ones allowed without one.
    public static let wholeFileMessages: [String] = [
        "is empty: expected a header row naming the columns",
        "is UTF-16 text; save it as CSV UTF-8",
        "is empty: expected keys such as schools: and staff:",
        "file not found",
        "is a folder, not a CSV file",
        "is not a regular file",
        "cannot be read",
        "cannot be read (permissions?)",
    ]

    /// Stops the fuzzer: `what` is the broken property.
    public static func fail(_ what: String, _ detail: @autoclosure () -> String = "") -> Never {
        let text = "FUZZ INVARIANT BROKEN: \(what)\n\(detail())\n"
        FileHandle.standardError.write(Data(text.utf8))
        fatalError(what)
    }

    public static func require(_ condition: Bool, _ what: @autoclosure () -> String,
                               _ detail: @autoclosure () -> String = "") {
        if !condition { fail(what(), detail()) }
    }

    // MARK: Rejections

    /// A rejection must be what `redeploy` prints before exiting with status 2: at least one
    /// diagnostic, each naming a file and saying something, positioned (line >= 1, column >= 1)
    /// unless it is about a YAML key that is missing or a file as a whole. `lines` gives the
    /// number of lines of each file the fuzzer wrote, so that a position past the end is caught.
    public static func check(_ error: ScenarioError, lines: [String: Int] = [:]) {
        require(!error.diagnostics.isEmpty, "a ScenarioError without diagnostics")
        for d in error.diagnostics {
            let text = d.description
            require(!d.file.isEmpty, "a diagnostic names no file", text)
            require(!d.message.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "a diagnostic says nothing", text)
            if let line = d.line {
                require(line >= 1, "a diagnostic's line is below 1", text)
                if let count = lines[d.file] {
                    require(line <= count + 1, "a diagnostic's line is past the end of the file (\(count) lines)", text)
                }
                if let column = d.column { require(column >= 1, "a diagnostic's column is below 1", text) }
            } else {
                require(d.column == nil, "a diagnostic has a column but no line", text)
                let wholeFile = wholeFileMessages.contains(d.message)
                    || d.message.hasPrefix("file not found: ") || d.message.hasPrefix("no such scenario")
                    || d.message.hasPrefix("this folder holds no scenario.yaml")
                // A key named without a position is a key that is missing from the YAML.
                let missingKey = d.key != nil && d.message.hasPrefix("missing: ")
                require(wholeFile || missingKey, "a diagnostic has no position", text)
            }
        }
    }

    /// An upper bound of the lines of a text as the readers count them: LF, CRLF and lone CR
    /// each end a line, and for libyaml so do NEL (C2 85), LS and PS (E2 80 A8, E2 80 A9).
    public static func lineCount(_ bytes: [UInt8]) -> Int {
        var count = 1
        var i = 0
        let n = bytes.count
        while i < n {
            if bytes[i] == 0x0A {
                count += 1
            } else if bytes[i] == 0x0D {
                count += 1
                if i + 1 < n, bytes[i + 1] == 0x0A { i += 1 }
            } else if bytes[i] == 0xC2, i + 1 < n, bytes[i + 1] == 0x85 {
                count += 1
            } else if bytes[i] == 0xE2, i + 2 < n, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 {
                count += 1
            }
            i += 1
        }
        return count
    }

    // MARK: A parsed CSV table

    public static func check(_ table: CSVTable, file: String) {
        require(table.file == file, "the table names another file")
        require(!table.header.isEmpty, "a table without a header")
        var previous = table.header[0].line
        for field in table.header { checkField(field) }
        for row in table.rows {
            require(row.fields.count == table.header.count, "a row whose field count differs from the header's was accepted",
                    "line \(row.line)")
            require(row.line > previous, "rows are not in line order", "line \(row.line) after \(previous)")
            previous = row.line
            for field in row.fields { checkField(field) }
        }
    }

    private static func checkField(_ field: CSVTable.Field) {
        require(field.line >= 1 && field.column >= 1, "a field has no position", "\(field.line):\(field.column)")
    }

    // MARK: A scenario that loaded

    /// What the planner and GLPK assume of a scenario that loaded: finite numbers within
    /// `ScenarioLimits`, unique keys, references that resolve.
    public static func check(_ s: Scenario) {
        func finite(_ x: Double, in range: ClosedRange<Double>, _ what: String) {
            require(x.isFinite && range.contains(x), "\(what) = \(x) outside \(range)")
        }
        require(!s.schools.isEmpty, "a scenario without schools")
        var ids = Set<String>()
        var levels: [String: String] = [:]
        for school in s.schools {
            require(!school.id.isEmpty && school.id == trimmed(school.id), "school id empty or untrimmed", school.id)
            require(ids.insert(school.id).inserted, "duplicate school id accepted", school.id)
            require(!school.area.isEmpty && !school.level.isEmpty, "school area or level empty", school.id)
            levels[school.id] = school.level
            require((0...ScenarioLimits.classes).contains(school.classes), "classes outside limits", "\(school.classes)")
            require((school.latitude == nil) == (school.longitude == nil), "lat without lon", school.id)
            if let lat = school.latitude { finite(lat, in: -90...90, "lat") }
            if let lon = school.longitude { finite(lon, in: -180...180, "lon") }
            finite(school.priority, in: 0...ScenarioLimits.priority, "priority")
            require(school.priority > 0, "priority 0 accepted")
            for text in [school.id, school.name, school.area, school.level] {
                require(text.count <= ScenarioLimits.textLength, "a text longer than the limit", "\(text.count) characters")
            }
        }
        var pairs = Set<[String]>()
        for row in s.staff {
            require(ids.contains(row.schoolID), "staff row of an unknown school", row.schoolID)
            require(!row.subject.isEmpty && row.subject.count <= ScenarioLimits.textLength, "subject empty or too long")
            require(pairs.insert([row.schoolID, row.subject]).inserted, "duplicate staff pair accepted")
            require((0...ScenarioLimits.teachers).contains(row.teachers), "teachers outside limits", "\(row.teachers)")
            require(row.leaving >= 0 && row.leaving <= row.teachers, "leaving outside 0...teachers",
                    "\(row.leaving) of \(row.teachers)")
            if let r = row.required {
                finite(r, in: 0...ScenarioLimits.required, "required")
            } else {
                require(s.norms != nil, "required missing and no norms")
            }
        }
        if s.norms == nil { require(!s.staff.isEmpty, "no staff rows and no norms") }
        var normKeys = Set<[String]>()
        for norm in s.norms ?? [] {
            require(!norm.level.isEmpty && !norm.subject.isEmpty, "norm level or subject empty")
            require(normKeys.insert([norm.level, norm.subject]).inserted, "duplicate norm accepted")
            finite(norm.perClass, in: 0...ScenarioLimits.perClass, "per_class")
        }
        var distancePairs = Set<[String]>()
        for d in s.distances {
            require(ids.contains(d.from) && ids.contains(d.to), "distance of an unknown school")
            require(d.from != d.to, "distance from a school to itself")
            require(distancePairs.insert([min(d.from, d.to), max(d.from, d.to)]).inserted, "duplicate distance accepted")
            finite(d.km, in: 0...ScenarioLimits.km, "km")
        }
        let p = s.policy
        require(abs(p.payrollChange) <= ScenarioLimits.payrollChange, "payroll_change outside limits")
        if let km = p.maxDistanceKm { finite(km, in: 0...ScenarioLimits.km, "max_distance_km") }
        if let share = p.maxOutShare { finite(share, in: 0...1, "max_out_share") }
        for q in p.qualifications {
            require(!q.teacher.isEmpty && !q.teaches.isEmpty && q.teacher != q.teaches, "bad qualification accepted")
        }
        for (value, name) in [(s.costs.move, "move"), (s.costs.perKm, "per_km"), (s.costs.hire, "hire"),
                              (s.costs.release, "release")] {
            finite(value, in: 0...ScenarioLimits.cost, "costs.\(name)")
        }
        require(s.name.count <= ScenarioLimits.textLength, "a scenario name longer than the limit")
    }

    private static func trimmed(_ s: String) -> String { s.trimmingCharacters(in: .whitespaces) }
}
