import Workbook

/// One problem found in a scenario's files, with where it is.
///
/// The description is what a planner reads on standard error:
/// - `file:line:column: message` for a CSV field or cell (column counted in Unicode scalars, from 1);
/// - `file:line:column: key: message` for a YAML value whose position is known;
/// - `file: key: message` for a YAML key without a position (e.g. a key that is missing);
/// - `file: message` for the file as a whole (missing, empty, not UTF-8);
/// - `file:Sheet!C17: message` for a cell of a workbook's sheet (line is the row, column the
///   column), `file:Sheet!17:17: message` for a row, `file:Sheet: message` for the sheet.
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    /// 1-based line, when the problem has a position.
    public var line: Int?
    /// 1-based column in Unicode scalars, when the problem has a position.
    public var column: Int?
    /// The YAML key path (e.g. `policy.max_out_share`), for scenario.yaml problems.
    public var key: String?
    public var message: String
    /// The sheet, when `file` is a workbook: `line` and `column` are then a cell's row and column.
    public var sheet: String?

    public init(file: String, line: Int? = nil, column: Int? = nil, key: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.key = key
        self.message = message
    }

    public var description: String {
        var text = file
        if let sheet {
            text += ":" + SheetName.quoted(sheet)
            if let line {
                text += "!" + (column.map { CellReference.columnName($0) + "\(line)" } ?? "\(line):\(line)")
            }
        } else if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        text += ": "
        if let key { text += "\(key): " }
        return text + message
    }

    /// How a warning (valid input, probably not meant) is shown, on standard error and in
    /// `check`'s output alike: `file:line:column: warning: message`.
    public var warningDescription: String {
        var shown = self
        shown.message = "warning: " + message
        return shown.description
    }
}

/// Invalid input: every problem found, not just the first. Commands print one diagnostic per
/// line on standard error and exit with status 2 (docs/MODEL.md section 4).
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
    ///
    /// With `limit`, any distance above it comes back as `limit + 1`, and only the cells of
    /// the table within `limit` of its diagonal are computed (no path through another cell
    /// stays within the limit), stopping at the first row with none within it: time grows with
    /// length x limit, not length squared, so that hundreds of long codes compare quickly.
    static func distance(_ a: String, _ b: String, limit: Int? = nil) -> Int {
        let a = Array(a), b = Array(b)
        let cap = min(limit ?? Int.max, max(a.count, b.count))
        let far = cap + 1  // any distance above cap
        guard abs(a.count - b.count) <= cap else { return far }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        // Rows i - 2, i - 1 and i of the table; a cell next to the band holds `far`.
        var older = (0...b.count).map { min($0, far) }
        var previous = older
        var current = older
        for i in 1...a.count {
            let low = max(1, i - cap), high = min(b.count, i + cap)
            current[low - 1] = low == 1 ? min(i, far) : far
            var rowMinimum = current[low - 1]
            for j in low...high {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var d = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d = min(d, older[j - 2] + 1)
                }
                current[j] = min(d, far)
                rowMinimum = min(rowMinimum, current[j])
            }
            if high < b.count { current[high + 1] = far }
            if rowMinimum > cap { return far }
            (older, previous, current) = (previous, current, older)
        }
        return previous[b.count]
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

    /// The code that a subject code written in one place only is most likely a slip for:
    /// another of `uses` (code -> places it is written) within 2 edits, 1 where either code
    /// is under 6 characters, and none under 4 characters, since short codes such as `art`
    /// and `arts` or `su` and `sử` are often both meant. Nearest first, then the most used,
    /// then the first in order, so that the answer never depends on the dictionary's order.
    static func loneCode(_ code: String, in uses: [String: Int]) -> String? {
        guard code.count >= 4 else { return nil }
        var best: (candidate: String, distance: Int, uses: Int)?
        for (candidate, count) in uses where candidate != code && candidate.count >= 4 {
            let limit = min(code.count, candidate.count) < 6 ? 1 : 2
            let d = distance(code, candidate, limit: limit)
            guard d <= limit else { continue }
            if let b = best, (b.distance, -b.uses, b.candidate) <= (d, -count, candidate) { continue }
            best = (candidate, d, count)
        }
        return best?.candidate
    }
}
