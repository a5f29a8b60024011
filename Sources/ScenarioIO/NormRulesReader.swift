import Foundation
import RedeployDomain
import Yams

/// The keys a norm rules file may hold, map by map (the schema is explained at the top of
/// Presets/vn-2026.yaml).
enum NormRulesKeys {
    static let top = ["name", "levels"]
    static let level = ["per_class", "per_infant_group", "pupil_extras", "fixed_posts", "teaching_periods",
                        "homeroom", "subjects"]
    static let perClass = ["types", "sessions", "value", "source"]
    static let sourced = ["value", "source"]
    static let pupilExtras = ["class_size", "pupils_per_teacher", "types", "source"]
    static let fixedPost = ["subject", "count", "types", "source"]
    static let typedValue = ["types", "value", "source"]
    static let homeroom = ["value", "subject", "source"]
    static let subject = ["subject", "periods", "spread", "source"]

    /// What a message about a missing key adds, so that the reader knows what to write.
    static let missingHints = [
        "levels": ": give the norms of each level, as builtin:vn-2026 does",
        "per_class": ": give the most teachers per class, e.g. per_class: [{value: 1.9, source: \"Circular 20/2023/TT-BGDĐT art. 12\"}]",
        "subjects": ": give each subject's periods a week per class, e.g. subjects: [{subject: math, periods: 4, source: \"Circular 32/2018/TT-BGDĐT\"}]",
        "source": ": name the article the figure comes from",
    ]
}

/// Reads a norm rules file (`norms: builtin:vn-2026`, or a `.yaml` file a province copies from
/// it) into `NormRules`, reporting every problem at once at its line and column, with the key
/// path (`levels.primary.per_class[0].value`) as scenario.yaml's messages have it. Only the
/// keys of the schema are read, each at the depth the schema puts it, so the work is bounded
/// by the file's size whatever it holds.
struct NormRulesReader {
    private(set) var log = DiagnosticLog()
    private let file: String

    private init(file: String) {
        self.file = file
    }

    /// Whether `path` names a rules file rather than a norms table: it ends in .yaml or .yml.
    static func isRulesPath(_ path: String) -> Bool {
        let lower = path.lowercased()
        return lower.hasSuffix(".yaml") || lower.hasSuffix(".yml")
    }

    /// The rules of the YAML file at `path` (a regular file), shown in messages as `display`,
    /// named `name` unless the file gives a `name`; nil when any problem was found, each in
    /// `diagnostics`.
    static func read(path: String, display: String, name: String) -> (rules: NormRules?, diagnostics: [Diagnostic]) {
        var chain = YAMLChainReader()
        let source = YAMLSource(display: display, displayFolder: PathText.folder(display), absolute: path,
                                absoluteFolder: PathText.folder(path))
        guard let root = chain.compose(source, empty: "is empty: expected name: and levels:, as in builtin:vn-2026") else {
            return (nil, chain.log.diagnostics)
        }
        var reader = NormRulesReader(file: display)
        let rules = reader.rules(root, name: name)
        return (reader.log.isEmpty ? rules : nil, reader.log.diagnostics)
    }

    // MARK: The maps of the schema

    private mutating func rules(_ root: Node, name defaultName: String) -> NormRules? {
        guard let fields = map(root, nil, NormRulesKeys.top, required: ["levels"]) else { return nil }
        var name = defaultName
        if let node = fields["name"], !Self.isNull(node) {
            name = code(node, "name") ?? defaultName
        }
        guard let levelsNode = fields["levels"] else { return nil }
        guard case .mapping(let mapping) = levelsNode, !mapping.isEmpty else {
            fail(levelsNode, "levels", "must be a map of levels (preschool, primary, ...) to their norms, got \(Self.kindOrEmpty(levelsNode))")
            return nil
        }
        var levels: [String: LevelNorms] = [:]
        var seen: Set<String> = []
        for (keyNode, value) in mapping {
            guard let level = code(keyNode, "levels") else { continue }
            // YAML refuses the same key twice, but not two that differ only by spaces around.
            guard seen.insert(level).inserted else {
                fail(keyNode, "levels." + level, "level '\(level)' appears twice")
                continue
            }
            if let norms = self.level(value, "levels." + level, owner: keyNode) { levels[level] = norms }
        }
        return NormRules(name: name, levels: levels)
    }

    private mutating func level(_ node: Node, _ key: String, owner: Node) -> LevelNorms? {
        guard let fields = map(node, key, NormRulesKeys.level, required: ["per_class", "subjects"], owner: owner) else {
            return nil
        }
        let before = log.count
        let perClass = list(fields["per_class"], key + ".per_class") { reader, item, at in reader.perClassRule(item, at) }
        let infant = fields["per_infant_group"].flatMap { node in
            sourced(node, key + ".per_infant_group", owner: fields.keys["per_infant_group"])
        }
        let extras = fields["pupil_extras"].flatMap { node in
            pupilExtras(node, key + ".pupil_extras", owner: fields.keys["pupil_extras"])
        }
        let posts = fields["fixed_posts"].flatMap { node in
            list(node, key + ".fixed_posts") { reader, item, at in reader.fixedPost(item, at) }
        }
        let periods = fields["teaching_periods"].flatMap { node in
            list(node, key + ".teaching_periods") { reader, item, at in reader.teachingPeriods(item, at) }
        }
        let homeroom = fields["homeroom"].flatMap { node in
            homeroomNorm(node, key + ".homeroom", owner: fields.keys["homeroom"])
        }
        let subjects = list(fields["subjects"], key + ".subjects") { reader, item, at in reader.subjectPeriods(item, at) }
        guard log.count == before, let perClass, let subjects else { return nil }
        checkSubjects(subjects, fields["subjects"], key + ".subjects")
        guard log.count == before else { return nil }
        return LevelNorms(perClass: perClass, perInfantGroup: infant, pupilExtras: extras,
                          fixedPosts: posts ?? [], teachingPeriods: periods ?? [],
                          homeroomReduction: homeroom?.reduction, homeroomSubject: homeroom?.subject,
                          subjects: subjects)
    }

    private mutating func perClassRule(_ node: Node, _ key: String) -> PerClassRule? {
        guard let fields = map(node, key, NormRulesKeys.perClass, required: ["value", "source"]) else { return nil }
        let types = typeList(fields["types"], key + ".types")
        var sessions: Int?? = .some(nil)
        if let node = fields["sessions"] { sessions = sessionCount(node, key + ".sessions") }
        let value = number(fields["value"], key + ".value", 0...ScenarioLimits.perClass)
        let source = text(fields["source"], key + ".source")
        guard let types, let sessions, let value, let source else { return nil }
        return PerClassRule(types: types, sessions: sessions, value: value, source: source)
    }

    private mutating func sourced(_ node: Node, _ key: String, owner: Node?) -> Sourced? {
        guard let fields = map(node, key, NormRulesKeys.sourced, required: ["value", "source"], owner: owner) else {
            return nil
        }
        let value = number(fields["value"], key + ".value", 0...ScenarioLimits.perClass)
        let source = text(fields["source"], key + ".source")
        guard let value, let source else { return nil }
        return Sourced(value, source: source)
    }

    private mutating func pupilExtras(_ node: Node, _ key: String, owner: Node?) -> PupilExtras? {
        let required = ["class_size", "pupils_per_teacher", "types", "source"]
        guard let fields = map(node, key, NormRulesKeys.pupilExtras, required: required, owner: owner) else { return nil }
        let sizes = byRegion(fields["class_size"], key + ".class_size")
        let perTeacher = byRegion(fields["pupils_per_teacher"], key + ".pupils_per_teacher")
        var types = typeList(fields["types"], key + ".types")
        if let list = types, list.isEmpty, let node = fields["types"] {
            fail(node, key + ".types", "is empty: list the school types the extras apply to")
            types = nil
        }
        let source = text(fields["source"], key + ".source")
        guard let sizes, let perTeacher, let types, let source else { return nil }
        return PupilExtras(classSize: sizes, pupilsPerTeacher: perTeacher, types: types, source: source)
    }

    private mutating func fixedPost(_ node: Node, _ key: String) -> FixedPost? {
        guard let fields = map(node, key, NormRulesKeys.fixedPost, required: ["subject", "count", "source"]) else { return nil }
        let subject = fields["subject"].flatMap { node in code(node, key + ".subject") }
        let count = number(fields["count"], key + ".count", 0...ScenarioLimits.perClass)
        let types = typeList(fields["types"], key + ".types")
        let source = text(fields["source"], key + ".source")
        guard let subject, let count, let types, let source else { return nil }
        return FixedPost(subject: subject, count: count, types: types, source: source)
    }

    /// A full-time teacher's periods a week: at least 1, since needs are divided by it.
    private mutating func teachingPeriods(_ node: Node, _ key: String) -> TypedValue? {
        guard let fields = map(node, key, NormRulesKeys.typedValue, required: ["value", "source"]) else { return nil }
        let types = typeList(fields["types"], key + ".types")
        let value = number(fields["value"], key + ".value", 1...Self.periodsLimit)
        let source = text(fields["source"], key + ".source")
        guard let types, let value, let source else { return nil }
        return TypedValue(types: types, value: value, source: source)
    }

    private mutating func homeroomNorm(_ node: Node, _ key: String, owner: Node?) -> (reduction: Sourced, subject: String?)? {
        guard let fields = map(node, key, NormRulesKeys.homeroom, required: ["value", "source"], owner: owner) else {
            return nil
        }
        let value = number(fields["value"], key + ".value", 0...Self.periodsLimit)
        var subject: String?? = .some(nil)
        if let node = fields["subject"] { subject = code(node, key + ".subject").map(Optional.some) }
        let source = text(fields["source"], key + ".source")
        guard let value, let subject, let source else { return nil }
        return (Sourced(value, source: source), subject)
    }

    private mutating func subjectPeriods(_ node: Node, _ key: String) -> SubjectPeriods? {
        guard let fields = map(node, key, NormRulesKeys.subject, required: ["subject", "periods", "source"]) else { return nil }
        let subject = fields["subject"].flatMap { node in code(node, key + ".subject") }
        let periods = number(fields["periods"], key + ".periods", 0...Self.periodsLimit)
        var spread: Bool? = false
        if let node = fields["spread"] { spread = bool(node, key + ".spread") }
        let source = text(fields["source"], key + ".source")
        guard let subject, let periods, let spread, let source else { return nil }
        return SubjectPeriods(subject: subject, periods: periods, spread: spread, source: source)
    }

    /// A subject listed twice would have its periods added up unseen; a level whose subjects
    /// are all spread or of 0 periods would give its maximum to no subject.
    private mutating func checkSubjects(_ subjects: [SubjectPeriods], _ node: Node?, _ key: String) {
        guard let node, case .sequence(let items) = node else { return }
        var firstLine: [String: Int] = [:]
        for (k, (subject, item)) in zip(subjects, items).enumerated() {
            let at = Self.value(of: "subject", in: item) ?? item
            if let first = firstLine[subject.subject] {
                fail(at, "\(key)[\(k)].subject", "subject '\(subject.subject)' appears twice in this level (first on line \(first))")
            } else {
                firstLine[subject.subject] = at.mark?.line ?? 0
            }
        }
        if !subjects.contains(where: { !$0.spread && $0.periods > 0 }) {
            fail(node, key, "no subject has periods above 0 without spread: the maximum would go to no subject")
        }
    }

    // MARK: Values

    /// Periods a week: a week has 168 hours.
    static let periodsLimit = 168.0

    private mutating func fail(_ node: Node?, _ key: String?, _ message: String) {
        log.add(file, line: node?.mark?.line, column: node?.mark?.column, key: key, message)
    }

    private static func isNull(_ node: Node) -> Bool { node.tag.description == Tag.Name.null.rawValue }

    private static func kindOrEmpty(_ node: Node) -> String {
        switch node {
        case .mapping(let m) where m.isEmpty: return "an empty map"
        default: return YAMLChainReader.kind(node)
        }
    }

    /// The value of `key` in the map `node`, if it is one and has the key.
    private static func value(of key: String, in node: Node) -> Node? {
        guard case .mapping(let mapping) = node else { return nil }
        return mapping.first { YAMLChainReader.plainString($0.key) == key }?.value
    }

    /// The entries of a map of the schema, with the key nodes, so that a message about a
    /// missing key can point at the key that holds the map (`primary:`) rather than inside it.
    private struct Fields {
        var values: [String: Node] = [:]
        var keys: [String: Node] = [:]

        subscript(_ name: String) -> Node? { values[name] }
    }

    /// The entries of the map `node`, each unknown key and each missing `required` key
    /// reported (at `owner`, the key holding the map, when given); nil (reported) when `node`
    /// is not a map. A missing key is left out, so that the value readers, given nil, return
    /// nil without a second message.
    private mutating func map(_ node: Node, _ key: String?, _ allowed: [String], required: [String],
                              owner: Node? = nil) -> Fields? {
        guard case .mapping(let mapping) = node else {
            fail(node, key, "must be a map of keys (\(allowed.joined(separator: ", "))), got \(YAMLChainReader.kind(node))")
            return nil
        }
        let prefix = key.map { $0 + "." } ?? ""
        var fields = Fields()
        for (keyNode, value) in mapping {
            let name = YAMLChainReader.plainString(keyNode) ?? YAMLChainReader.kind(keyNode)
            guard allowed.contains(name) else {
                fail(keyNode, prefix + name, "unknown key" + Suggestion.hint(name, in: allowed)
                        + "; valid keys here: " + allowed.joined(separator: ", "))
                continue
            }
            fields.values[name] = value
            fields.keys[name] = keyNode
        }
        for name in required where fields[name] == nil {
            fail(owner ?? node, key, "has no '\(name)'" + (NormRulesKeys.missingHints[name] ?? ""))
        }
        return fields
    }

    /// Each item of the list `node` read by `item`; nil when `node` is missing (already
    /// reported), not a list, empty, or has a bad item.
    private mutating func list<T>(_ node: Node?, _ key: String,
                                  _ item: (inout NormRulesReader, Node, String) -> T?) -> [T]? {
        guard let node else { return nil }
        guard case .sequence(let items) = node else {
            fail(node, key, "must be a list of maps, got \(YAMLChainReader.kind(node))")
            return nil
        }
        guard !items.isEmpty else {
            fail(node, key, "is empty: give at least one entry")
            return nil
        }
        var result: [T] = []
        var ok = true
        for (k, element) in items.enumerated() {
            if let value = item(&self, element, "\(key)[\(k)]") { result.append(value) } else { ok = false }
        }
        return ok ? result : nil
    }

    /// A finite number (YAML int or float) within `range`, read as scenario.yaml's numbers are.
    private mutating func number(_ node: Node?, _ key: String, _ range: ClosedRange<Double>) -> Double? {
        guard let node else { return nil }
        let expected = "a number from \(NumberText.format(range.lowerBound)) to \(NumberText.format(range.upperBound))"
        guard let value = YAMLValues.number(node) else {
            fail(node, key, "must be \(expected), got \(YAMLChainReader.kind(node))")
            return nil
        }
        guard value.isFinite, range.contains(value) else {
            fail(node, key, "must be \(expected), got \(YAMLChainReader.plainString(node) ?? "\(value)")")
            return nil
        }
        return value
    }

    /// sessions of a per_class entry: 1 or 2, as in schools.csv.
    private mutating func sessionCount(_ node: Node, _ key: String) -> Int?? {
        if node.tag.description == Tag.Name.int.rawValue, let n = YAMLValues.wholeNumber(node), n == 1 || n == 2 {
            return .some(n)
        }
        fail(node, key, "must be 1 or 2, got \(YAMLChainReader.kind(node))")
        return nil
    }

    /// A map of regions (1, 2, 3) to whole numbers of 1 or more: class sizes and pupils per
    /// extra teacher. A region left out is refused only for a school of that region that gives
    /// its pupils (`NormEngine`), where the loader reports it at the school's row.
    private mutating func byRegion(_ node: Node?, _ key: String) -> [Int: Int]? {
        guard let node else { return nil }
        guard case .mapping(let mapping) = node else {
            fail(node, key, "must be a map of regions to numbers, such as {1: 25, 2: 30, 3: 35}, got \(YAMLChainReader.kind(node))")
            return nil
        }
        var result: [Int: Int] = [:]
        var ok = true
        for (keyNode, value) in mapping {
            let text = YAMLChainReader.plainString(keyNode) ?? YAMLChainReader.kind(keyNode)
            guard let region = CSVNumber.integer(text), (1...3).contains(region) else {
                fail(keyNode, key, "region must be 1, 2 or 3, got '\(text)'")
                ok = false
                continue
            }
            guard result[region] == nil else {
                fail(keyNode, key, "region \(region) appears twice")
                ok = false
                continue
            }
            let path = "\(key).\(region)"
            guard value.tag.description == Tag.Name.int.rawValue, let n = YAMLValues.wholeNumber(value),
                  (1...Self.regionFigureLimit).contains(n) else {
                fail(value, path, "must be a whole number from 1 to \(Self.regionFigureLimit), got \(YAMLChainReader.kind(value))")
                ok = false
                continue
            }
            result[region] = n
        }
        return ok ? result : nil
    }

    /// Pupils in a class or per extra teacher: far above any real figure.
    static let regionFigureLimit = 1_000

    /// A list of school types; [] when `node` is nil (the key is absent: every type).
    private mutating func typeList(_ node: Node?, _ key: String) -> [SchoolType]? {
        guard let node else { return [] }
        guard case .sequence(let items) = node else {
            fail(node, key, "must be a list of school types such as [boarding, semi_boarding], got \(YAMLChainReader.kind(node))")
            return nil
        }
        var result: [SchoolType] = []
        var ok = true
        for (k, item) in items.enumerated() {
            guard let text = YAMLChainReader.plainString(item), let type = SchoolType(rawValue: text) else {
                let shown = YAMLChainReader.plainString(item) ?? YAMLChainReader.kind(item)
                fail(item, "\(key)[\(k)]", SchoolTypeText.unknown(shown))
                ok = false
                continue
            }
            result.append(type)
        }
        return ok ? result : nil
    }

    /// A source: any text, not empty.
    private mutating func text(_ node: Node?, _ key: String) -> String? {
        guard let node else { return nil }
        guard case .scalar(let scalar) = node, !Self.isNull(node),
              !scalar.string.trimmingCharacters(in: .whitespaces).isEmpty else {
            fail(node, key, "must be a text, got \(YAMLChainReader.kind(node))")
            return nil
        }
        return scalar.string
    }

    /// A level, subject or name: a text, trimmed, of at most `ScenarioLimits.textLength` characters.
    private mutating func code(_ node: Node, _ key: String) -> String? {
        guard let text = text(node, key)?.trimmingCharacters(in: .whitespaces) else { return nil }
        guard text.count <= ScenarioLimits.textLength else {
            fail(node, key, "is \(text.count) characters long: at most \(ScenarioLimits.textLength)")
            return nil
        }
        return text
    }

    private mutating func bool(_ node: Node, _ key: String) -> Bool? {
        guard node.tag.description == Tag.Name.bool.rawValue, let value = node.bool else {
            fail(node, key, "must be true or false, got \(YAMLChainReader.kind(node))")
            return nil
        }
        return value
    }
}
