/// One problem found in a scenario's files, with where it is.
///
/// The description is what a planner reads on standard error:
/// - `file:line:column: message` for a CSV field or cell (column counted in Unicode scalars, from 1);
/// - `file:line:column: key: message` for a YAML value whose position is known;
/// - `file: key: message` for a YAML key without a position (e.g. a key that is missing);
/// - `file: message` for the file as a whole (missing, empty, not UTF-8).
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    /// 1-based line, when the problem has a position.
    public var line: Int?
    /// 1-based column in Unicode scalars, when the problem has a position.
    public var column: Int?
    /// The YAML key path (e.g. `policy.max_out_share`), for scenario.yaml problems.
    public var key: String?
    public var message: String

    public init(file: String, line: Int? = nil, column: Int? = nil, key: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.key = key
        self.message = message
    }

    public var description: String {
        var text = file
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        text += ": "
        if let key { text += "\(key): " }
        return text + message
    }
}

/// Invalid input: every problem found, not just the first. Commands print one diagnostic per
/// line on standard error and exit with status 2 (CONTRACT section 4).
public struct ScenarioError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public init(_ diagnostic: Diagnostic) {
        self.diagnostics = [diagnostic]
    }

    /// One diagnostic per line.
    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}

/// Collects diagnostics while a reader goes on, so that every problem is reported at once.
struct DiagnosticLog {
    private(set) var diagnostics: [Diagnostic] = []

    var isEmpty: Bool { diagnostics.isEmpty }
    var count: Int { diagnostics.count }

    mutating func add(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    mutating func add(contentsOf other: [Diagnostic]) {
        diagnostics.append(contentsOf: other)
    }

    mutating func add(_ file: String, line: Int? = nil, column: Int? = nil, key: String? = nil, _ message: String) {
        diagnostics.append(Diagnostic(file: file, line: line, column: column, key: key, message: message))
    }
}

/// "Did you mean ...?" for a mistyped key, column or value.
enum Suggestion {
    /// The candidate nearest to `word` by edit distance (case-insensitive, `-` and spaces read
    /// as `_`), if near enough to be a plausible typo: at most 1 edit for words of up to 4
    /// characters, 2 for up to 9, 3 beyond.
    static func nearest(_ word: String, in candidates: [String]) -> String? {
        func normal(_ s: String) -> String {
            s.lowercased().replacingOccurrences(of: "-", with: "_").replacingOccurrences(of: " ", with: "_")
        }
        let key = normal(word)
        let limit = key.count <= 4 ? 1 : key.count <= 9 ? 2 : 3
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let other = normal(candidate)
            // The distance is at least the difference of the lengths: skip the quadratic
            // computation where that alone is too far (a 10,000-character word, say).
            guard abs(other.count - key.count) <= limit else { continue }
            let d = distance(key, other)
            if best == nil || d < best!.distance { best = (candidate, d) }
        }
        guard let best else { return nil }
        return best.distance <= limit ? best.candidate : nil
    }

    /// " (did you mean 'x'?)" or "".
    static func hint(_ word: String, in candidates: [String]) -> String {
        nearest(word, in: candidates).map { " (did you mean '\($0)'?)" } ?? ""
    }

    /// Edit distance over Characters, counting a swap of two neighbours as one edit
    /// (optimal string alignment), so that "aera" is one edit from "area".
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }

    /// " (did you mean 'x'?)" for a school id: only a near-certain slip (same id but for case or
    /// spaces, or one edit in an id of 4 or more characters), since short ids such as S1 and
    /// S9 are often both real.
    static func idHint(_ id: String, in ids: Set<String>) -> String {
        let key = id.lowercased().replacingOccurrences(of: " ", with: "")
        if let same = ids.first(where: { $0.lowercased().replacingOccurrences(of: " ", with: "") == key }) {
            return " (did you mean '\(same)'?)"
        }
        let length = id.count
        guard length >= 4 else { return "" }
        let near = ids.filter { abs($0.count - length) <= 1 && distance(id, $0) == 1 }.sorted()
        return near.first.map { " (did you mean '\($0)'?)" } ?? ""
    }
}
