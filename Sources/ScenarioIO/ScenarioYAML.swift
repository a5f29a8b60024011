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

/// The keys scenario.yaml may hold (CONTRACT section 1).
enum ScenarioKeys {
    static let top = ["name", "extends", "schools", "staff", "norms", "distances", "policy", "costs"]
    static let policy = ["payroll_change", "hiring", "same_level", "transfer_scope", "max_distance_km",
                         "max_out_share", "sharing", "qualifications"]
    static let costs = ["move", "per_km", "hire", "release"]
    static let qualification = ["teacher", "teaches"]
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
            throw ScenarioError(Diagnostic(file: path, message: "no such scenario: neither a folder nor a YAML file"))
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

    private mutating func compose(_ source: YAMLSource) -> Node? {
        guard let data = FileManager.default.contents(atPath: source.absolute) else {
            log.add(source.display, "cannot be read")
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            log.add(source.display, "is not valid UTF-8 text")
            return nil
        }
        do {
            guard let node = try Yams.compose(yaml: text) else {
                log.add(source.display, "is empty: expected keys such as schools: and staff:")
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
            if let context { message += " (\(context.text) at line \(context.mark.line), column \(context.mark.column))" }
            return Diagnostic(file: file, line: mark.line, column: mark.column, message: message)
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return Diagnostic(file: file, line: context.mark.line, column: context.mark.column,
                              message: "key \(keys) appears more than once in the same map")
        case let .reader(problem, _, _, _):
            return Diagnostic(file: file, message: "YAML: \(problem)")
        default:
            return Diagnostic(file: file, message: "YAML: \(error)")
        }
    }

    /// Converts a mapping, reporting unknown keys (with the nearest valid key) at their marks.
    private mutating func configMap(_ mapping: Node.Mapping, source: YAMLSource, path: [String],
                                    allowed: [String]) -> ConfigMap {
        var map = ConfigMap(mark: mapping.mark, source: source)
        let prefix = path.isEmpty ? "" : path.joined(separator: ".") + "."
        for (keyNode, value) in mapping {
            guard let key = Self.plainString(keyNode) else {
                log.add(source.display, line: keyNode.mark?.line, column: keyNode.mark?.column,
                        "a key must be a plain word such as \(allowed[0])")
                continue
            }
            guard allowed.contains(key) else {
                let known = allowed.joined(separator: ", ")
                log.add(source.display, line: keyNode.mark?.line, column: keyNode.mark?.column, key: prefix + key,
                        "unknown key" + Suggestion.hint(key, in: allowed) + "; valid keys here: " + known)
                continue
            }
            var converted: ConfigValue = .leaf(value, source)
            if path.isEmpty, key == "policy" || key == "costs" {
                if case .mapping(let inner) = value {
                    let keys = key == "policy" ? ScenarioKeys.policy : ScenarioKeys.costs
                    converted = .map(configMap(inner, source: source, path: [key], allowed: keys))
                } else if value.tag.description != Tag.Name.null.rawValue {
                    log.add(source.display, line: value.mark?.line, column: value.mark?.column, key: key,
                            "must be a map of keys (\(key == "policy" ? ScenarioKeys.policy.joined(separator: ", ") : ScenarioKeys.costs.joined(separator: ", "))), not \(Self.kind(value))")
                    continue
                }
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
/// type (`e4/shared/../whole/scenario.yaml` shows as `e4/whole/scenario.yaml`).
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
