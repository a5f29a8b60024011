import Foundation
import Yams

/// A scenario.yaml file in an `extends` chain: the name diagnostics use, and where its
/// relative paths start.
struct YAMLSource: Sendable, Equatable {
    /// The path as the user would recognise it (the argument given, joined with `extends`).
    var display: String
    /// The folder of `display`, for joining relative paths.
    var displayFolder: String
    /// Absolute, standardized path: the identity used to detect cycles.
    var absolute: String
    var absoluteFolder: String
}

/// A value of the merged configuration. Maps merge key by key through `extends`; anything else
/// (scalars, lists, null) replaces, and keeps the file it came from.
indirect enum ConfigValue {
    case map(ConfigMap)
    case leaf(Node, YAMLSource)
}

struct ConfigMap {
    struct Entry {
        var key: String
        var keyMark: Mark?
        var value: ConfigValue
        /// The file that last set this key.
        var source: YAMLSource
    }

    var entries: [Entry] = []
    var mark: Mark?
    var source: YAMLSource

    subscript(key: String) -> Entry? {
        entries.first { $0.key == key }
    }

    /// `self` overridden by `other`, key by key.
    func merged(with other: ConfigMap) -> ConfigMap {
        var result = self
        result.mark = other.mark
        result.source = other.source
        for entry in other.entries {
            if let k = result.entries.firstIndex(where: { $0.key == entry.key }) {
                var merged = entry
                if case .map(let base) = result.entries[k].value, case .map(let over) = entry.value {
                    merged.value = .map(base.merged(with: over))
                }
                result.entries[k] = merged
            } else {
                result.entries.append(entry)
            }
        }
        return result
    }
}

/// The keys scenario.yaml may hold (docs/MODEL.md sections 1, 5 and 6).
enum ScenarioKeys {
    static let top = ["name", "extends", "schools", "staff", "norms", "distances", "policy", "costs",
                      "retraining", "horizon", "roster", "retirement", "locks", "lang"]
    static let policy = ["payroll_change", "hiring", "same_level", "transfer_scope", "max_distance_km",
                         "max_out_share", "sharing", "qualifications"]
    static let costs = ["move", "per_km", "hire", "release"]
    static let horizon = ["years", "classes", "staff", "payroll_change", "year_weights"]
    static let qualification = ["teacher", "teaches"]

    /// What a map of scenario.yaml may hold: the keys of a schema, or any key (the years of
    /// horizon.payroll_change, checked once the horizon's years are known).
    enum MapKeys {
        case only([String])
        case any
    }

    /// The maps of scenario.yaml, by key path. Each is merged key by key through `extends`, so
    /// a file that extends another may change one year's payroll_change and keep the others.
    static let maps: [String: MapKeys] = [
        "policy": .only(policy), "costs": .only(costs), "horizon": .only(horizon),
        "horizon.payroll_change": .any, "horizon.year_weights": .any,
    ]
}

/// Reads scenario.yaml and the files it extends into one merged map, checking keys file by file.
struct YAMLChainReader {
    var log = DiagnosticLog()
    /// True when some file of the chain could not be read, so that keys it may have held are
    /// not reported missing.
    var chainBroken = false

    /// Locates the root YAML: a folder holding scenario.yaml, or the YAML file itself.
    static func rootSource(_ path: String) throws(ScenarioError) -> YAMLSource {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            let what = ScenarioWorkbooks.isWholeWorkbook(path) ? "no such workbook" : "neither a folder nor a YAML file"
            throw ScenarioError(Diagnostic(file: path, message: "no such scenario: \(what)"))
        }
        var display = path
        if isDirectory.boolValue {
            display = PathText.join(path, "scenario.yaml")
            var inner: ObjCBool = false
            guard FileManager.default.fileExists(atPath: display, isDirectory: &inner), !inner.boolValue else {
                throw ScenarioError(Diagnostic(file: path, message: "this folder holds no scenario.yaml"))
            }
        }
        return source(display: display)
    }

    static func source(display: String) -> YAMLSource {
        let absolute = PathText.absolute(display)
        return YAMLSource(display: display, displayFolder: PathText.folder(display),
                          absolute: absolute, absoluteFolder: PathText.folder(absolute))
    }

    /// The merged map of `source` and everything it extends; nil if `source` itself is unreadable.
    mutating func read(_ source: YAMLSource, chain: [YAMLSource] = []) -> ConfigMap? {
        guard let root = compose(source) else {
            chainBroken = true
            return nil
        }
        guard case .mapping(let mapping) = root else {
            log.add(source.display, line: root.mark?.line, column: root.mark?.column,
                    "must be a map of keys (name, schools, staff, policy, ...), not \(Self.kind(root))")
            chainBroken = true
            return nil
        }
        let own = configMap(mapping, source: source, path: [], allowed: ScenarioKeys.top)
        guard let extends = own["extends"] else { return own }
        guard case .leaf(let node, _) = extends.value, let target = Self.plainString(node), !target.isEmpty else {
            if case .leaf(let node, _) = extends.value, node.tag.description == Tag.Name.null.rawValue {
                return own
            }
            log.add(source.display, line: extends.keyMark?.line, column: extends.keyMark?.column, key: "extends",
                    "must be the path of another scenario.yaml")
            chainBroken = true
            return own
        }
        let mark = node.mark
        var display = PathText.join(source.displayFolder, target)
        var isDirectory: ObjCBool = false
        let absolute = PathText.isAbsolute(target) ? target : PathText.join(source.absoluteFolder, target)
        guard FileManager.default.fileExists(atPath: absolute, isDirectory: &isDirectory) else {
            log.add(source.display, line: mark?.line, column: mark?.column, key: "extends",
                    "file not found: \(display)")
            chainBroken = true
            return own
        }
        if isDirectory.boolValue { display = PathText.join(display, "scenario.yaml") }
        if !isDirectory.boolValue, !FileKind.isRegularFile(absolute) {
            log.add(source.display, line: mark?.line, column: mark?.column, key: "extends",
                    "not a regular file: \(display)")
            chainBroken = true
            return own
        }
        let base = Self.source(display: display)
        let visited = chain + [source]
        if visited.contains(where: { $0.absolute == base.absolute }) {
            let cycle = (visited.drop(while: { $0.absolute != base.absolute }) + [base]).map(\.display)
            log.add(source.display, line: mark?.line, column: mark?.column, key: "extends",
                    "extends cycle: " + cycle.joined(separator: " -> "))
            chainBroken = true
            return own
        }
        guard let inherited = read(base, chain: visited) else { return own }
        var merged = inherited.merged(with: own)
        merged.entries.removeAll { $0.key == "extends" }
        return merged
    }

    /// The YAML node of `source`, after the checks that give libyaml's failures a position;
    /// nil (reported) when it cannot be read. Norm rules files are read through it too, with
    /// their own message for an empty file.
    mutating func compose(_ source: YAMLSource,
                          empty: String = "is empty: expected keys such as schools: and staff:") -> Node? {
        guard FileKind.isRegularFile(source.absolute) else {
            log.add(source.display, "is not a regular file")
            return nil
        }
        guard let data = FileManager.default.contents(atPath: source.absolute) else {
            log.add(source.display, "cannot be read")
            return nil
        }
        let bytes = [UInt8](data)
        if let bad = CSVTable.firstInvalidUTF8(bytes, from: 0) {
            let (line, column) = CSVTable.position(of: bad, in: bytes, from: 0)
            log.add(source.display, line: line, column: column, "is not valid UTF-8 text here; save the file as UTF-8")
            return nil
        }
        let text = String(decoding: bytes, as: UTF8.self)
        if let diagnostic = YAMLText.disallowedCharacter(text, file: source.display)
            ?? YAMLText.complexKey(text, file: source.display) {
            log.add(diagnostic)
            return nil
        }
        do {
            guard let node = try Yams.compose(yaml: text) else {
                log.add(source.display, empty)
                return nil
            }
            return node
        } catch let error as YamlError {
            log.add(Self.diagnostic(error, file: source.display))
            return nil
        } catch {
            log.add(source.display, "cannot be read as YAML: \(error)")
            return nil
        }
    }

    static func diagnostic(_ error: YamlError, file: String) -> Diagnostic {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            var message = "YAML: " + problem
            if problem.hasPrefix("Maximum nesting level reached") {
                message = "YAML: nested too deeply: at most \(YAMLText.maxNesting) levels of lists and maps"
            } else if let context { message += " (\(context.text) at line \(context.mark.line), column \(context.mark.column))" }
            return Diagnostic(file: file, line: mark.line, column: mark.column, message: message)
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return Diagnostic(file: file, line: context.mark.line, column: context.mark.column,
                              message: "key \(keys) appears more than once in the same map")
        case let .reader(problem, offset, _, yaml):
            // offset counts Characters of `yaml`.
            let index = offset.flatMap { yaml.index(yaml.startIndex, offsetBy: $0, limitedBy: yaml.endIndex) }
            let (line, column) = index.map { YAMLText.position(of: $0, in: yaml) } ?? (1, 1)
            return Diagnostic(file: file, line: line, column: column, message: "YAML: \(problem)")
        default:
            return Diagnostic(file: file, message: "YAML: \(error)")
        }
    }

    /// Converts a mapping, reporting unknown keys (with the nearest valid key) at their marks;
    /// `allowed` nil takes any key.
    mutating func configMap(_ mapping: Node.Mapping, source: YAMLSource, path: [String],
                                    allowed: [String]?) -> ConfigMap {
        var map = ConfigMap(mark: mapping.mark, source: source)
        let prefix = path.isEmpty ? "" : path.joined(separator: ".") + "."
        for (keyNode, value) in mapping {
            guard let key = Self.plainString(keyNode) else {
                log.add(source.display, line: keyNode.mark?.line, column: keyNode.mark?.column,
                        "a key must be a plain word such as \(allowed?.first ?? "2027")")
                continue
            }
            if let allowed, !allowed.contains(key) {
                let known = allowed.joined(separator: ", ")
                log.add(source.display, line: keyNode.mark?.line, column: keyNode.mark?.column, key: prefix + key,
                        "unknown key" + Suggestion.hint(key, in: allowed) + "; valid keys here: " + known)
                continue
            }
            var converted: ConfigValue = .leaf(value, source)
            if let schema = ScenarioKeys.maps[prefix + key] {
                let keys: [String]?
                switch schema {
                case .only(let names): keys = names
                case .any: keys = nil
                }
                if case .mapping(let inner) = value {
                    converted = .map(configMap(inner, source: source, path: path + [key], allowed: keys))
                } else if let keys, value.tag.description != Tag.Name.null.rawValue {
                    log.add(source.display, line: value.mark?.line, column: value.mark?.column, key: prefix + key,
                            "must be a map of keys (\(keys.joined(separator: ", "))), not \(Self.kind(value))")
                    continue
                }
                // A map of any key that is no map is reported by YAMLValues, which knows what it holds.
            }
            map.entries.append(.init(key: key, keyMark: keyNode.mark, value: converted, source: source))
        }
        return map
    }

    static func plainString(_ node: Node) -> String? {
        guard case .scalar(let scalar) = node else { return nil }
        return scalar.string
    }

    static func kind(_ node: Node) -> String {
        switch node {
        case .mapping: return "a map"
        case .sequence: return "a list"
        case .scalar(let s): return "'\(s.string)'"
        case .alias: return "an alias"
        }
    }
}

/// Path text joined and normalised lexically, so that diagnostics show the path a user would
/// type (`e4/a/../whole/scenario.yaml` shows as `e4/whole/scenario.yaml`).
enum PathText {
    static func isAbsolute(_ path: String) -> Bool { path.hasPrefix("/") }

    static func join(_ folder: String, _ path: String) -> String {
        if isAbsolute(path) || folder.isEmpty || folder == "." { return normalize(path) }
        return normalize(folder + "/" + path)
    }

    static func folder(_ path: String) -> String {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count > 1 else { return "." }
        let folder = parts.dropLast().joined(separator: "/")
        return folder.isEmpty ? "/" : folder
    }

    static func absolute(_ path: String) -> String {
        if isAbsolute(path) { return normalize(path) }
        return normalize(FileManager.default.currentDirectoryPath + "/" + path)
    }

    static func normalize(_ path: String) -> String {
        let absolute = isAbsolute(path)
        var out: [Substring] = []
        for part in path.split(separator: "/") {
            if part == "." || part.isEmpty { continue }
            if part == "..", let last = out.last, last != ".." {
                out.removeLast()
            } else if part == "..", absolute {
                continue
            } else {
                out.append(part)
            }
        }
        let joined = out.joined(separator: "/")
        if absolute { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }
}

/// Checks of scenario.yaml's text made before it is composed, so that what libyaml or Yams
/// would report without a position, or spend unbounded time on, is reported with one.
enum YAMLText {
    /// libyaml's limit on nested lists and maps (MAX_NESTING_LEVEL in Yams's copy of libyaml).
    static let maxNesting = 1000

    /// Line and column (in Unicode scalars, from 1) of `index`, counting line breaks as libyaml
    /// does: LF, CR, CRLF, NEL, LS and PS.
    static func position(of index: String.Index, in text: String) -> (Int, Int) {
        var line = 1, column = 1
        var previousCR = false
        for scalar in text.unicodeScalars[..<index] {
            switch scalar.value {
            case 0x0A:
                if !previousCR { line += 1 }
                column = 1
            case 0x0D, 0x85, 0x2028, 0x2029:
                line += 1
                column = 1
            default:
                column += 1
            }
            previousCR = scalar.value == 0x0D
        }
        return (line, column)
    }

    /// The first character that YAML does not allow in a file (control characters other than
    /// tab and line breaks, such as NUL), which libyaml would report without a usable position.
    static func disallowedCharacter(_ text: String, file: String) -> Diagnostic? {
        var index = text.unicodeScalars.startIndex
        for scalar in text.unicodeScalars {
            let v = scalar.value
            let allowed = v == 0x09 || v == 0x0A || v == 0x0D || (0x20...0x7E).contains(v) || v == 0x85
                || (0xA0...0xD7FF).contains(v) || (0xE000...0xFFFD).contains(v) || v >= 0x10000
            if !allowed {
                let (line, column) = position(of: index, in: text)
                let code = String(v, radix: 16, uppercase: true)
                return Diagnostic(file: file, line: line, column: column,
                                  message: "YAML: control character U+\(String(repeating: "0", count: max(0, 4 - code.count)) + code) is not allowed")
            }
            text.unicodeScalars.formIndex(after: &index)
        }
        return nil
    }

    /// A private-use character that stands for `*` in the copy of the text composed first.
    private static let aliasStandIn: Unicode.Scalar = "\u{E000}"

    /// A mapping key that is not a plain word: a list, a map or an alias. No key of a scenario
    /// is one, and Yams hashes every key to find duplicates, so a key that is an alias of a
    /// list of aliases of lists... (a "billion laughs") would take exponential time. To find
    /// such keys without expanding aliases, this composes a copy of the text in which every
    /// `*` is a private-use character: the copy has no aliases, so composing it takes linear
    /// time, and an alias of the text is a plain scalar of the copy that starts with that
    /// character. A copy that does not compose is reported as the text would be.
    static func complexKey(_ text: String, file: String) -> Diagnostic? {
        guard text.unicodeScalars.contains("*") else { return nil }
        var copy = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { copy.append(scalar == "*" ? aliasStandIn : scalar) }
        let root: Node?
        do {
            root = try Yams.compose(yaml: String(copy))
        } catch let error as YamlError {
            return YAMLChainReader.diagnostic(error, file: file)
        } catch {
            return Diagnostic(file: file, message: "cannot be read as YAML: \(error)")
        }
        guard let root else { return nil }
        var stack = [root]
        while let node = stack.popLast() {
            switch node {
            case .mapping(let mapping):
                for (key, value) in mapping {
                    let kind: String?
                    switch key {
                    case .scalar(let scalar):
                        kind = scalar.style == .plain && scalar.string.unicodeScalars.first == aliasStandIn
                            ? "an alias" : nil
                    case .mapping: kind = "a map"
                    case .sequence: kind = "a list"
                    case .alias: kind = "an alias"
                    }
                    if let kind {
                        return Diagnostic(file: file, line: key.mark?.line, column: key.mark?.column,
                                          message: "YAML: a key must be a plain word, not \(kind)")
                    }
                    stack.append(value)
                }
            case .sequence(let sequence):
                stack.append(contentsOf: sequence)
            case .scalar, .alias:
                break
            }
        }
        return nil
    }
}

/// What a path names on disk.
enum FileKind {
    /// True for a regular file, following symbolic links; false for a device, a pipe, a socket
    /// or a folder, which are not read (a pipe would block the reader).
    static func isRegularFile(_ path: String) -> Bool {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: resolved(path)),
              let type = attributes[.type] as? FileAttributeType else { return false }
        return type == .typeRegular
    }

    private static func resolved(_ path: String) -> String {
        URL(fileURLWithPath: path).resolvingSymlinksInPath().path
    }
}
