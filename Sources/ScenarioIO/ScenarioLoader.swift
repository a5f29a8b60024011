import Foundation
import RedeployDomain
import Yams

/// Reads a scenario as docs/MODEL.md section 1 describes it and validates it, reporting every
/// problem at once (see `ScenarioLimits` for the bounds on numbers).
///
/// `path` is a folder holding scenario.yaml, or the YAML file itself. Paths inside a YAML file
/// are relative to that file, `extends` included, so a scenario that extends another finds the
/// other's CSV files beside it.
public enum ScenarioLoader {
    public static func load(_ path: String) throws(ScenarioError) -> Scenario {
        var warnings: [Diagnostic] = []
        return try load(path, warnings: &warnings)
    }

    /// As `load(_:)`, also returning things that are valid but probably not meant, such as a
    /// staff row whose required FTE falls to 0 because the norms have no figure for it.
    public static func load(_ path: String, warnings: inout [Diagnostic]) throws(ScenarioError) -> Scenario {
        var reader = ScenarioReader()
        let scenario = reader.read(path)
        // In file order, so that two warnings about one row come together, the cell further
        // left (a mistyped subject) before the one it causes (its required taken as 0).
        warnings.append(contentsOf: reader.warnings.enumerated().sorted {
            ($0.element.file, $0.element.line ?? 0, $0.element.column ?? 0, $0.offset)
                < ($1.element.file, $1.element.line ?? 0, $1.element.column ?? 0, $1.offset)
        }.map { reader.workbooks.place($0.element) })
        guard reader.log.isEmpty, let scenario else {
            throw ScenarioError(reader.log.diagnostics.map(reader.workbooks.place))
        }
        return scenario
    }
}

/// Upper bounds that keep the numbers of a scenario sane, so that no later computation meets
/// a pathological value such as 1e308. Each is far above any real province.
public enum ScenarioLimits {
    /// teachers and leaving of a staff row.
    public static let teachers = 1_000_000
    /// classes of a school.
    public static let classes = 100_000
    /// required FTE of a staff row.
    public static let required = 1_000_000.0
    /// per_class FTE of a norm row.
    public static let perClass = 100.0
    /// km of a distance row, and policy.max_distance_km (Earth's circumference is about 40,030 km).
    public static let km = 40_000.0
    /// priority of a school.
    public static let priority = 1_000_000.0
    /// pupils of a school (the largest schools have a few thousand).
    public static let pupils = 10_000_000
    /// each of costs.move, per_km, hire, release.
    public static let cost = 1e9
    /// |policy.payroll_change|.
    public static let payrollChange = 10_000_000
    /// the years a horizon may name (`horizon.years`, and the year columns of its files).
    public static let years = 1900...2200
    /// each of horizon.year_weights.
    public static let yearWeight = 1_000_000.0
    /// delay of a retraining row, in years.
    public static let delay = 100
    /// characters of a text cell (id, name, area, level, subject, from, to) and of the scenario's name.
    public static let textLength = 200
}

/// Reads the YAML chain and the CSV files, collecting diagnostics.
struct ScenarioReader {
    var log = DiagnosticLog()
    var warnings: [Diagnostic] = []
    /// The workbooks whose sheets stand for files (docs/WORKBOOK.md).
    var workbooks = ScenarioWorkbooks()

    /// A CSV file named by a YAML key, with the position of that key's value.
    struct FileRef {
        var key: String
        var display: String
        var absolute: String
        var source: YAMLSource
        var mark: Mark?
    }

    mutating func read(_ path: String) -> Scenario? {
        let root: YAMLSource
        do {
            root = try YAMLChainReader.rootSource(path)
        } catch {
            log.add(contentsOf: error.diagnostics)
            return nil
        }
        var chain = YAMLChainReader()
        let merged = ScenarioWorkbooks.isWholeWorkbook(root.display) ? workbookConfig(root, &chain) : chain.read(root)
        log.add(contentsOf: chain.log.diagnostics)
        guard let merged else { return nil }

        var yaml = YAMLValues(log: log, rootFile: root.display, chainBroken: chain.chainBroken)
        let name = yaml.name(merged)
        let lang = yaml.language(merged)
        let policy = yaml.policy(merged)
        let costs = yaml.costs(merged)
        let schoolsRef = yaml.fileRef(merged, "schools", required: true)
        let staffRef = yaml.fileRef(merged, "staff", required: true)
        let distancesRef = yaml.fileRef(merged, "distances", required: false)
        let normSources = yaml.normSources(merged)
        let retrainingRef = yaml.fileRef(merged, "retraining", required: false)
        let horizon = yaml.horizon(merged)
        let rosterRef = yaml.fileRef(merged, "roster", required: false)
        let locksRef = yaml.fileRef(merged, "locks", required: false)
        let retirement = yaml.retirement(merged, hasHorizon: horizon != nil)
        log = yaml.log

        // Every file's structure is checked before any row is read, so that structural errors
        // come first. A table holds its file's bytes: each is let go once its rows are read.
        var schoolsTable = table(schoolsRef)
        let staffTable = table(staffRef)
        var distancesTable = table(distancesRef)
        var retrainingTable = table(retrainingRef)
        var classesTable = table(horizon?.classes)
        let staffYearsTable = table(horizon?.staff)
        let rosterTable = table(rosterRef)
        let locksTable = table(locksRef)

        var norms: [NormRow]? = nil
        var normRules: NormRules? = nil
        if let normSources {
            if normSources.contains(where: \.isRules) {
                normRules = readRules(normSources)
            } else {
                norms = readNorms(normSources)
            }
        }

        var rows = RowReader(log: log)
        rows.normRules = normRules
        let schools = schoolsTable.flatMap { rows.schools($0) }
        schoolsTable = nil
        let schoolIDs = rows.schoolIDs
        var staff = staffTable.flatMap {
            rows.staff($0, schoolIDs: schoolIDs, hasNorms: normSources != nil, roster: rosterRef != nil)
        }
        let distances = distancesTable.map { rows.distances($0, schoolIDs: schoolIDs) } ?? []
        distancesTable = nil
        let retraining = retrainingTable.flatMap { rows.retraining($0, levels: rows.schoolLevels) }
        retrainingTable = nil
        let years = horizon?.years
        let classes = classesTable.flatMap { rows.classes($0, schoolIDs: schoolIDs, years: years) }
        classesTable = nil
        let staffYears = staffYearsTable.flatMap { rows.staffYears($0, schoolIDs: schoolIDs, years: years) }
        let roster = rosterTable.flatMap {
            rows.roster($0, schoolIDs: schoolIDs, subjects: staff.map { Set($0.map(\.subject)) }, years: years,
                        retirement: retirement)
        }
        let locks = locksTable.flatMap {
            rows.locks($0, schoolIDs: schoolIDs, subjects: staff.map { Self.knownSubjects($0, norms: norms, normRules: normRules, policy: policy) },
                       years: years, hasHorizon: horizon != nil)
        }
        log = rows.log
        warnings.append(contentsOf: rows.warnings)
        if rosterRef != nil { Self.countTeachers(roster, into: &staff) }
        if let horizon, let staff {
            checkPayrollPath(horizon, merged: merged, policy: policy, headcount: staff.reduce(0) { $0 + $1.teachers })
            if let years, let staffTable, let staffYears, let staffYearsTable {
                checkLeavers(years: years, staff: staff, staffTable: staffTable, staffYears: staffYears,
                             staffYearsTable: staffYearsTable)
            }
        }
        var rosterCounts: RosterCounts?
        if let rosterRef { checkRosterSharing(rosterRef, policy: policy) }
        if let roster, let rosterTable, let staff, let staffTable, horizon == nil || years != nil {
            let counts = RosterCounts(roster, table: rosterTable, years: years)
            checkRosterCounts(counts, rosterTable: rosterTable, staff: staff, staffTable: staffTable, years: years,
                              staffYears: staffYears, staffYearsTable: staffYearsTable)
            rosterCounts = counts
        }

        guard log.isEmpty, let schools, var staff else { return nil }
        if let norms, let staffTable { warnUnmatchedRequired(staff: staff, table: staffTable, schools: schools, norms: norms) }
        if let staffTable {
            warnLoneSubjects(staff: staff, table: staffTable, norms: norms ?? [],
                             ruled: normRules.map(Self.subjects) ?? [], policy: policy)
        }
        var scenario = Scenario(name: name, schools: schools, staff: staff, norms: norms, normRules: normRules,
                                distances: distances, policy: policy, costs: costs)
        scenario.retraining = retraining ?? []
        scenario.locks = locks ?? []
        scenario.lang = lang
        scenario.horizon = horizon.map {
            Horizon(years: $0.years ?? [], classes: classes ?? [], staffYears: staffYears ?? [],
                    payrollChange: $0.payrollChange, yearWeights: $0.yearWeights)
        }
        if let roster, let rosterCounts, let staffTable {
            Self.fillLeavers(rosterCounts, staff: &staff, staffTable: staffTable, horizon: &scenario.horizon)
            scenario.staff = staff
            scenario.roster = roster
            scenario.rosterSources = rosterTable.map { table in table.rows.map { "\(table.file):\($0.line)" } } ?? []
            if let rosterTable { checkMustMoveCanGo(scenario, rosterTable: rosterTable) }
            guard log.isEmpty else { return nil }
        }
        return scenario
    }

    /// The subject codes a lock row may name: those of staff.csv, the norms and the
    /// qualifications (every subject that can be a pair).
    static func knownSubjects(_ staff: [StaffRow], norms: [NormRow]?, normRules: NormRules?, policy: Policy?) -> Set<String> {
        var codes = Set(staff.map(\.subject))
        codes.formUnion((norms ?? []).map(\.subject))
        if let normRules { codes.formUnion(subjects(normRules)) }
        for q in policy?.qualifications ?? [] { codes.insert(q.teacher); codes.insert(q.teaches) }
        return codes
    }

    /// Teachers a roster counts (docs/MODEL.md section 7): a staff.csv row whose `teachers` is
    /// empty takes the roster's count of its school and subject, before any check that uses it;
    /// without a readable roster such a row counts 0 (the roster's own errors are reported).
    static func countTeachers(_ roster: [RosterRow]?, into staff: inout [StaffRow]?) {
        guard var rows = staff, rows.contains(where: { $0.teachers == RowReader.teachersFromRoster }) else { return }
        var counts: [NormKey: Int] = [:]
        for row in roster ?? [] { counts[NormKey(level: row.schoolID, subject: row.subject), default: 0] += 1 }
        for k in rows.indices where rows[k].teachers == RowReader.teachersFromRoster {
            rows[k].teachers = counts[NormKey(level: rows[k].schoolID, subject: rows[k].subject)] ?? 0
        }
        staff = rows
    }

    /// A must_move teacher no school may receive (by transfer, or by a course at another school)
    /// makes every plan infeasible: that is bad input, at the teacher's must_move cell
    /// (docs/MODEL.md section 7). Whether a school may receive is the planner's own rule
    /// (`HorizonInstance`): same subject, the policy's level, scope and distance.
    private mutating func checkMustMoveCanGo(_ scenario: Scenario, rosterTable: CSVTable) {
        guard scenario.roster.contains(where: \.mustMove) else { return }
        let instance = HorizonInstance(scenario)
        let subjects = Dictionary(uniqueKeysWithValues: instance.subjects.enumerated().map { ($1, $0) })
        let column = rosterTable.index(of: "must_move")
        for (k, row) in scenario.roster.enumerated() where row.mustMove {
            guard let s = instance.transfers.schoolIndex[row.schoolID], let a = subjects[row.subject],
                  let p = instance.pairIndex(school: s, subject: a) else { continue }
            let byTransfer = instance.pairs.contains { other in
                other.subject == a && other.school != s && instance.transfers.transferAllowed(from: s, to: other.school)
            }
            let byCourse = instance.retraining.contains { $0.from == p && instance.pairs[$0.to].school != s }
            guard !byTransfer && !byCourse, k < rosterTable.rows.count else { continue }
            let field = rosterTable.rows[k][column]
            log.add(rosterTable.file, line: field?.line ?? rosterTable.rows[k].line, column: field?.column,
                    "must_move is true, but no school may receive a \(row.subject) teacher from '\(row.schoolID)' "
                        + "(no other school has the subject within the transfer policy, and no course leads elsewhere)")
        }
    }

    private mutating func table(_ ref: FileRef?) -> CSVTable? {
        guard let ref else { return nil }
        if ScenarioWorkbooks.split(ref.absolute) != nil { return workbookTable(ref) }
        do {
            return try CSVTable.read(contentsOf: ref.absolute, file: ref.display)
        } catch {
            for var d in error.diagnostics {
                if d.line == nil, d.message == "file not found" || d.message == "is a folder, not a CSV file"
                    || d.message == "is not a regular file" {
                    // Point at the YAML line that names the file.
                    let what = d.message == "file not found" ? "file not found"
                        : d.message == "is not a regular file" ? "not a regular file" : "a folder, not a CSV file"
                    d = Diagnostic(file: ref.source.display, line: ref.mark?.line, column: ref.mark?.column,
                                   key: ref.key, message: "\(what): \(ref.display)")
                }
                log.add(d)
            }
            return nil
        }
    }

    /// Norm rows from presets first, then from files: a file's row replaces a preset's row for
    /// the same level and subject, whatever the order they are named in.
    private mutating func readNorms(_ sources: [NormSource]) -> [NormRow]? {
        var fromPresets: [NormRow] = []
        var fromFiles: [NormRow] = []
        var ok = true
        for source in sources {
            switch source {
            case .preset(let name, let ref):
                guard let table = NormPresets.table(name) else {
                    let available = NormPresets.names
                    log.add(ref.source.display, line: ref.mark?.line, column: ref.mark?.column, key: "norms",
                            "no built-in norms named '\(name)'" + Suggestion.hint(name, in: available)
                            + "; available: " + available.map { "builtin:" + $0 }.joined(separator: ", "))
                    ok = false
                    continue
                }
                var rows = RowReader(log: DiagnosticLog())
                fromPresets.append(contentsOf: rows.norms(table))
                log.add(contentsOf: rows.log.diagnostics)
            case .file(let ref):
                guard let table = table(ref) else {
                    ok = false
                    continue
                }
                var rows = RowReader(log: log)
                fromFiles.append(contentsOf: rows.norms(table))
                log = rows.log
            case .rulesPreset, .rulesFile:
                continue  // read by readRules: a list with rules never comes here
            }
        }
        guard ok else { return nil }
        let overridden = Set(fromFiles.map { NormKey(level: $0.level, subject: $0.subject) })
        return fromPresets.filter { !overridden.contains(NormKey(level: $0.level, subject: $0.subject)) } + fromFiles
    }

    /// The rules of the one rules file or preset `sources` names. Rules size a school as a
    /// whole, so they are not mixed with per-class tables, nor with other rules: nil (reported
    /// at the rules item) when the list holds anything else.
    private mutating func readRules(_ sources: [NormSource]) -> NormRules? {
        guard sources.count == 1 else {
            if let rules = sources.first(where: \.isRules) {
                let (text, ref) = rules.written
                log.add(ref.source.display, line: ref.mark?.line, column: ref.mark?.column, key: "norms",
                        "'\(text)' is a rules file and cannot be combined with other norms in a list: "
                            + "name it alone (norms: \(text)), and give a school's own figures in staff.csv's required column")
            }
            return nil
        }
        switch sources[0] {
        case .rulesPreset(let name, _):
            guard let path = NormPresets.rulesPath(name) else { return nil }
            return rules(path: path, display: "builtin:" + name, name: name)
        case .rulesFile(_, let ref):
            guard rulesFileExists(ref) else { return nil }
            let file = ref.display.split(separator: "/").last.map(String.init) ?? ref.display
            let name = file.split(separator: ".", omittingEmptySubsequences: false).dropLast().joined(separator: ".")
            return rules(path: ref.absolute, display: ref.display, name: name)
        case .preset, .file:
            return nil
        }
    }

    private mutating func rules(path: String, display: String, name: String) -> NormRules? {
        let (rules, diagnostics) = NormRulesReader.read(path: path, display: display, name: name)
        log.add(contentsOf: diagnostics)
        return rules
    }

    /// A rules file that is missing, or no regular file, is reported at the scenario.yaml line
    /// that names it, as a missing CSV file is.
    private mutating func rulesFileExists(_ ref: FileRef) -> Bool {
        var isDirectory: ObjCBool = false
        let what: String
        if !FileManager.default.fileExists(atPath: ref.absolute, isDirectory: &isDirectory) {
            what = "file not found"
        } else if isDirectory.boolValue {
            what = "a folder, not a YAML file"
        } else if !FileKind.isRegularFile(ref.absolute) {
            what = "not a regular file"
        } else {
            return true
        }
        log.add(ref.source.display, line: ref.mark?.line, column: ref.mark?.column, key: ref.key, "\(what): \(ref.display)")
        return false
    }

    private mutating func warnUnmatchedRequired(staff: [StaffRow], table: CSVTable, schools: [School], norms: [NormRow]) {
        let level = Dictionary(schools.map { ($0.id, $0.level) }, uniquingKeysWith: { a, _ in a })
        let known = Set(norms.map { NormKey(level: $0.level, subject: $0.subject) })
        let requiredColumn = table.index(of: "required")
        for (row, line) in zip(staff, table.rows) where row.required == nil {
            guard let lv = level[row.schoolID], !known.contains(NormKey(level: lv, subject: row.subject)) else { continue }
            let field = line[requiredColumn]
            warnings.append(Diagnostic(file: table.file, line: line.line, column: field?.column ?? 1,
                                       message: "required is empty and the norms have no per_class for level '\(lv)', subject '\(row.subject)': required is taken as 0"))
        }
    }

    /// The subjects norm rules can give a school a need in, once per level that names them:
    /// as a norms table's rows do, they make a staff row's code one used elsewhere. A `spread`
    /// entry (experiential activities) is no subject of its own.
    static func subjects(_ rules: NormRules) -> [String] {
        rules.levels.values.flatMap { level in
            level.subjects.filter { !$0.spread }.map(\.subject) + level.fixedPosts.map(\.subject)
                + (level.homeroomSubject.map { [$0] } ?? [])
        }
    }

    /// Past this many distinct subject codes (a province has a few dozen) the codes are not a
    /// list a person typed, and comparing each lone code with all of them would cost more than
    /// reading the file: no lone-subject warning is looked for.
    static let loneSubjectCodeLimit = 1_000
    /// Each lone code is compared with every code: only the first few (in file order) are.
    static let loneSubjectChecks = 20

    /// A subject code that only one staff row uses, and no other row, norm or qualification,
    /// is a subject of its own, with no teacher to share: right for a one-off post such as
    /// `young_pioneer_leader`, but most often a slip (`preschol` beside `preschool`), which
    /// would otherwise be taken silently as a new subject. Warns where such a code is near one
    /// used elsewhere (see `Suggestion.loneCode`).
    private mutating func warnLoneSubjects(staff: [StaffRow], table: CSVTable, norms: [NormRow], ruled: [String],
                                           policy: Policy) {
        var uses: [String: Int] = [:]
        for row in staff { uses[row.subject, default: 0] += 1 }
        for norm in norms { uses[norm.subject, default: 0] += 1 }
        for code in ruled { uses[code, default: 0] += 1 }
        for q in policy.qualifications {
            uses[q.teacher, default: 0] += 1
            uses[q.teaches, default: 0] += 1
        }
        guard uses.count <= Self.loneSubjectCodeLimit else { return }
        let subjectColumn = table.index(of: "subject")
        var checksLeft = Self.loneSubjectChecks
        // staff holds one row per row of the table, in order: it is read only when no row is bad.
        for (row, line) in zip(staff, table.rows) where uses[row.subject] == 1 {
            guard checksLeft > 0 else { break }
            checksLeft -= 1
            guard let near = Suggestion.loneCode(row.subject, in: uses) else { continue }
            warnings.append(Diagnostic(file: table.file, line: line.line, column: line[subjectColumn]?.column ?? 1,
                                       message: "subject '\(row.subject)' appears only here; did you mean '\(near)'?"))
        }
    }
}

struct NormKey: Hashable {
    var level: String
    var subject: String
}

/// One item of `norms:`: a table (a preset or a CSV file) or rules (a preset or a YAML file).
enum NormSource {
    case preset(String, ScenarioReader.FileRef)
    case file(ScenarioReader.FileRef)
    /// `builtin:NAME` where Presets/NAME.yaml exists.
    case rulesPreset(String, ScenarioReader.FileRef)
    /// A path ending in .yaml or .yml, as written.
    case rulesFile(String, ScenarioReader.FileRef)

    var isRules: Bool {
        switch self {
        case .rulesPreset, .rulesFile: return true
        case .preset, .file: return false
        }
    }

    /// The item as scenario.yaml writes it, and where.
    var written: (text: String, ref: ScenarioReader.FileRef) {
        switch self {
        case .preset(let name, let ref), .rulesPreset(let name, let ref): return ("builtin:" + name, ref)
        case .rulesFile(let text, let ref): return (text, ref)
        case .file(let ref): return (ref.display, ref)
        }
    }
}

/// Interprets the merged YAML map: names, paths, policy and costs, with their defaults.
struct YAMLValues {
    var log: DiagnosticLog
    let rootFile: String
    let chainBroken: Bool

    // MARK: Node reading

    static func tag(_ node: Node) -> String { node.tag.description }
    static func isNull(_ node: Node) -> Bool { tag(node) == Tag.Name.null.rawValue }

    mutating func fail(_ entry: ConfigMap.Entry, _ key: String, _ node: Node?, _ message: String) {
        let mark = node?.mark ?? entry.keyMark
        log.add(entry.source.display, line: mark?.line, column: mark?.column, key: key, message)
    }

    func leaf(_ entry: ConfigMap.Entry) -> Node? {
        if case .leaf(let node, _) = entry.value { return node }
        return nil
    }

    /// A finite number (YAML int or float) within `range`.
    mutating func number(_ entry: ConfigMap.Entry, _ key: String, in range: ClosedRange<Double>,
                                 expected: String) -> Double? {
        guard let node = leaf(entry) else {
            fail(entry, key, nil, "must be \(expected)")
            return nil
        }
        guard let value = Self.number(node) else {
            fail(entry, key, node, "must be \(expected), got \(YAMLChainReader.kind(node))")
            return nil
        }
        guard value.isFinite, range.contains(value) else {
            fail(entry, key, node, "must be \(expected), got \(YAMLChainReader.plainString(node) ?? "\(value)")")
            return nil
        }
        return value
    }

    /// A YAML int read as a planner writes it: plain digits with an optional sign are base
    /// ten, so `-0` and `+0` are zero and `010` is ten. (YAML 1.1, as Yams reads it, takes a
    /// leading zero for octal: `010` would be 8 and `-0` no number at all.) Other forms
    /// Yams accepts as ints, such as `0x1F` or `1_000`, keep its reading.
    static func wholeNumber(_ node: Node) -> Int? {
        node.scalar.flatMap { CSVNumber.integer($0.string) } ?? node.int
    }

    /// A YAML int or float as a number (whole numbers base ten, as `wholeNumber` reads them);
    /// nil for any other node. Every reader of YAML figures (scenario.yaml, rules files) uses it.
    static func number(_ node: Node) -> Double? {
        switch tag(node) {
        case Tag.Name.int.rawValue: return wholeNumber(node).map(Double.init) ?? node.float
        case Tag.Name.float.rawValue: return node.float
        default: return nil
        }
    }

    private mutating func bool(_ entry: ConfigMap.Entry, _ key: String) -> Bool? {
        guard let node = leaf(entry), Self.tag(node) == Tag.Name.bool.rawValue, let value = node.bool else {
            fail(entry, key, leaf(entry), "must be true or false, got \(leaf(entry).map(YAMLChainReader.kind) ?? "a map")")
            return nil
        }
        return value
    }

    // MARK: Keys

    mutating func name(_ map: ConfigMap) -> String {
        guard let entry = map["name"] else { return "" }
        guard let node = leaf(entry), case .scalar(let scalar) = node else {
            fail(entry, "name", leaf(entry), "must be a text")
            return ""
        }
        if Self.isNull(node) { return "" }
        guard scalar.string.count <= ScenarioLimits.textLength else {
            fail(entry, "name", node, "is \(scalar.string.count) characters long: at most \(ScenarioLimits.textLength)")
            return ""
        }
        return scalar.string
    }

    /// `lang`: "en" or "vi" (`Language`), the language of what people read; nil when absent.
    mutating func language(_ map: ConfigMap) -> String? {
        guard let entry = map["lang"] else { return nil }
        if let node = leaf(entry), Self.isNull(node) { return nil }
        guard let node = leaf(entry), case .scalar(let scalar) = node, let language = Language(code: scalar.string) else {
            fail(entry, "lang", leaf(entry), "must be en or vi")
            return nil
        }
        return language.rawValue
    }

    /// The CSV file `map[key]` names; `keyPath` is how messages name the key when the map is
    /// not the top level (`horizon.classes`).
    mutating func fileRef(_ map: ConfigMap, _ key: String, required: Bool,
                          keyPath: String? = nil) -> ScenarioReader.FileRef? {
        let name = keyPath ?? key
        guard let entry = map[key], let node = leaf(entry), !Self.isNull(node) else {
            if let entry = map[key], leaf(entry) == nil {
                fail(entry, name, nil, "must be the path of a CSV file")
            } else if required, !chainBroken {
                log.add(rootFile, key: key, "missing: name the \(key) CSV file, e.g. \(key): \(key).csv")
            }
            return nil
        }
        guard let path = Self.pathText(node) else {
            fail(entry, name, node, "must be the path of a CSV file, got \(YAMLChainReader.kind(node))")
            return nil
        }
        return Self.ref(name, path, entry.source, node.mark)
    }

    private static func pathText(_ node: Node) -> String? {
        guard case .scalar(let scalar) = node else { return nil }
        let text = scalar.string.trimmingCharacters(in: .whitespaces)
        return text.isEmpty ? nil : text
    }

    private static func ref(_ key: String, _ path: String, _ source: YAMLSource, _ mark: Mark?) -> ScenarioReader.FileRef {
        let absolute = PathText.isAbsolute(path) ? PathText.normalize(path) : PathText.join(source.absoluteFolder, path)
        return ScenarioReader.FileRef(key: key, display: PathText.join(source.displayFolder, path), absolute: absolute,
                                      source: source, mark: mark)
    }

    /// `norms:` is a CSV path, `builtin:NAME`, or a list of those, or one rules file (a .yaml or
    /// .yml path, or a rules preset such as `builtin:vn-2026`); nil when absent or null.
    mutating func normSources(_ map: ConfigMap) -> [NormSource]? {
        guard let entry = map["norms"], let node = leaf(entry), !Self.isNull(node) else {
            if let entry = map["norms"], leaf(entry) == nil { fail(entry, "norms", nil, "must be a CSV path or builtin:NAME") }
            return nil
        }
        let items: [Node]
        if case .sequence(let sequence) = node {
            items = Array(sequence)
            if items.isEmpty { return nil }
        } else {
            items = [node]
        }
        var sources: [NormSource] = []
        for item in items {
            guard let text = Self.pathText(item) else {
                fail(entry, "norms", item, "must be a CSV path or builtin:NAME, got \(YAMLChainReader.kind(item))")
                continue
            }
            let ref = Self.ref("norms", text, entry.source, item.mark)
            if text.hasPrefix("builtin:") {
                let name = String(text.dropFirst("builtin:".count)).trimmingCharacters(in: .whitespaces)
                sources.append(NormPresets.isRules(name) ? .rulesPreset(name, ref) : .preset(name, ref))
            } else if NormRulesReader.isRulesPath(text) {
                sources.append(.rulesFile(text, ref))
            } else {
                sources.append(.file(ref))
            }
        }
        return sources
    }

    mutating func policy(_ map: ConfigMap) -> Policy {
        var policy = Policy()
        guard let entry = map["policy"], case .map(let inner) = entry.value else { return policy }
        for item in inner.entries {
            let key = "policy." + item.key
            let node = leaf(item)
            let isNull = node.map(Self.isNull) ?? false
            switch item.key {
            case "payroll_change":
                if let value = payrollChange(item, key) { policy.payrollChange = value }
            case "hiring":
                if let value = bool(item, key) { policy.hiring = value }
            case "same_level":
                if let value = bool(item, key) { policy.sameLevel = value }
            case "sharing":
                if let value = bool(item, key) { policy.sharing = value }
            case "transfer_scope":
                let options = TransferScope.allCases.map(\.rawValue)
                guard let node, let text = YAMLChainReader.plainString(node), let scope = TransferScope(rawValue: text) else {
                    let got = node.map(YAMLChainReader.kind) ?? "a map"
                    let hint = node.flatMap(YAMLChainReader.plainString).map { Suggestion.hint($0, in: options) } ?? ""
                    fail(item, key, node, "unknown value \(got)\(hint); expected any or area")
                    continue
                }
                policy.transferScope = scope
            case "max_distance_km":
                if isNull { policy.maxDistanceKm = nil; continue }
                policy.maxDistanceKm = number(item, key, in: 0...ScenarioLimits.km,
                                              expected: "null or a number of km from 0 to \(Int(ScenarioLimits.km))")
            case "max_out_share":
                if isNull { policy.maxOutShare = nil; continue }
                policy.maxOutShare = number(item, key, in: 0...1, expected: "null or a share from 0 to 1")
            case "qualifications":
                if isNull { policy.qualifications = []; continue }
                policy.qualifications = qualifications(item)
            default:
                break  // unknown keys were reported while reading the file
            }
        }
        return policy
    }

    /// A payroll change (policy.payroll_change, or one year's of horizon.payroll_change): a
    /// whole number within `ScenarioLimits.payrollChange`; nil (reported) otherwise.
    mutating func payrollChange(_ entry: ConfigMap.Entry, _ key: String) -> Int? {
        let node = leaf(entry)
        guard let node, Self.tag(node) == Tag.Name.int.rawValue, let value = Self.wholeNumber(node) else {
            fail(entry, key, node, "must be a whole number (0 = budget-neutral, -120 = streamline by 120), got \(node.map(YAMLChainReader.kind) ?? "a map")")
            return nil
        }
        guard abs(value) <= ScenarioLimits.payrollChange else {
            fail(entry, key, node, "must be between -\(ScenarioLimits.payrollChange) and \(ScenarioLimits.payrollChange), got \(value)")
            return nil
        }
        return value
    }

    private mutating func qualifications(_ entry: ConfigMap.Entry) -> [Qualification] {
        let key = "policy.qualifications"
        guard let node = leaf(entry), case .sequence(let sequence) = node else {
            fail(entry, key, leaf(entry), "must be a list such as [{teacher: physics, teaches: natural_science}]")
            return []
        }
        var result: [Qualification] = []
        for (k, item) in sequence.enumerated() {
            let itemKey = "\(key)[\(k)]"
            guard case .mapping(let mapping) = item else {
                fail(entry, itemKey, item, "must be a map {teacher: SUBJECT, teaches: SUBJECT}, got \(YAMLChainReader.kind(item))")
                continue
            }
            var teacher: String?, teaches: String?
            var bad = false
            for (keyNode, value) in mapping {
                let name = YAMLChainReader.plainString(keyNode) ?? "?"
                guard ScenarioKeys.qualification.contains(name) else {
                    fail(entry, itemKey + "." + name, keyNode,
                         "unknown key" + Suggestion.hint(name, in: ScenarioKeys.qualification) + "; a qualification has teacher and teaches")
                    bad = true
                    continue
                }
                guard case .scalar(let scalar) = value, !Self.isNull(value),
                      !scalar.string.trimmingCharacters(in: .whitespaces).isEmpty else {
                    fail(entry, itemKey + "." + name, value, "must be a subject code")
                    bad = true
                    continue
                }
                let code = scalar.string.trimmingCharacters(in: .whitespaces)
                guard code.count <= ScenarioLimits.textLength else {
                    fail(entry, itemKey + "." + name, value,
                         "is \(code.count) characters long: at most \(ScenarioLimits.textLength)")
                    bad = true
                    continue
                }
                if name == "teacher" { teacher = code } else { teaches = code }
            }
            if bad { continue }
            guard let teacher, let teaches else {
                let missing = teacher == nil ? "teacher" : "teaches"
                fail(entry, itemKey, item, "has no '\(missing)': write {teacher: SUBJECT, teaches: SUBJECT}")
                continue
            }
            guard teacher != teaches else {
                fail(entry, itemKey, item, "teacher and teaches are both '\(teacher)': a subject's teachers always teach it")
                continue
            }
            result.append(Qualification(teacher: teacher, teaches: teaches))
        }
        return result
    }

    mutating func costs(_ map: ConfigMap) -> Costs {
        var costs = Costs()
        guard let entry = map["costs"], case .map(let inner) = entry.value else { return costs }
        let expected = "a number from 0 to \(Int(ScenarioLimits.cost))"
        for item in inner.entries {
            guard let value = number(item, "costs." + item.key, in: 0...ScenarioLimits.cost, expected: expected) else { continue }
            switch item.key {
            case "move": costs.move = value
            case "per_km": costs.perKm = value
            case "hire": costs.hire = value
            case "release": costs.release = value
            default: break
            }
        }
        return costs
    }
}

extension YAMLValues {
    /// `retirement: builtin:vn-2021` (docs/RETIREMENT.md): a roster's teachers with a birth_date
    /// and sex but no leaving_year leave at the school year the statutory age gives. It needs
    /// a horizon: without years, a retirement decades away would count as leaving in the plan.
    mutating func retirement(_ map: ConfigMap, hasHorizon: Bool) -> RetirementRule? {
        guard let entry = map["retirement"], let node = leaf(entry), !Self.isNull(node) else {
            if let entry = map["retirement"], leaf(entry) == nil {
                fail(entry, "retirement", nil, "must be builtin:NAME, such as builtin:vn-2021")
            }
            return nil
        }
        let names = RetirementRule.builtins.map(\.name)
        guard let text = YAMLChainReader.plainString(node), let rule = RetirementRule.builtin(named: text) else {
            fail(entry, "retirement", node, "unknown rule: expected \(names.joined(separator: " or "))")
            return nil
        }
        guard hasHorizon else {
            fail(entry, "retirement", node, "needs a horizon: its years say in which of them a teacher retires")
            return nil
        }
        return rule
    }
}
