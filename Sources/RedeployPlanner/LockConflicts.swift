import LinearProgramming
import RedeployDomain

/// Lock rows (docs/MODEL.md section 8) that cannot all hold, named by their rows, and by the
/// roster lines of must_move teachers a lock leaves no way out (section 7): what `solve` says
/// when it writes nothing and exits 1.
public struct LockConflict: Error, Sendable, CustomStringConvertible {
    /// `locks.csv:3`, `roster.csv:17`, in the order of the files.
    public var rows: [String]
    /// Why, when one row alone explains it.
    public var reason: String?

    public var description: String {
        var text = "infeasible: the locks cannot all hold: " + rows.joined(separator: ", ")
        if let reason { text += " (\(reason))" }
        return text
    }
}

enum LockConflicts {
    /// A row whose bounds leave no whole number between them (min 1.5, max 1.8 with whole
    /// teachers) conflicts with itself; found before any model is built.
    static func unmeetable(_ rules: [LockRule]) -> LockConflict? {
        guard let rule = rules.first(where: { rule in rule.max.map { rule.min > $0 } ?? false }) else { return nil }
        return LockConflict(rows: [rule.source], reason: "no whole number of teachers lies between its min and max")
    }

    /// The lock rows, and must_move rows, that make the literal model infeasible: an
    /// irreducible set of them (a deletion filter on the LP relaxation). nil when they are not
    /// what makes it infeasible (or the LP finds no conflict: integrality alone).
    static func find(_ built: DirectModel.Built, rules: [LockRule], mustMoveSources: [Int: [String]] = [:],
                     timeLimit: Double?) -> LockConflict? {
        var suspects: [[Int]] = built.lockRows.map { [$0] }
        var names: [[String]] = rules.map { [$0.source] }
        for (pair, row) in built.mustMoveRows.sorted(by: { $0.key < $1.key }) {
            suspects.append([row])
            names.append(mustMoveSources[pair] ?? ["must_move"])
        }
        guard !rules.isEmpty,
              let found = try? GLPKSolver().conflictingRows(built.program, suspects: suspects, timeLimit: timeLimit),
              !found.isEmpty else { return nil }
        var rows = found.flatMap { names[$0] }
        let single = found.count == 1 && found[0] < rules.count ? rules[found[0]] : nil
        rows = Array(Set(rows)).sorted(by: Self.fileOrder)
        return LockConflict(rows: rows, reason: single.map(Self.alone))
    }

    /// Why one row cannot hold by itself: it matches no allowed transfer, or asks for more
    /// teachers than may leave.
    static func alone(_ rule: LockRule) -> String {
        "it asks for at least \(LockTally.number(rule.min)) teachers, more than the transfers it matches allow"
    }

    /// `locks.csv:3` before `locks.csv:12`, files by name.
    static func fileOrder(_ a: String, _ b: String) -> Bool {
        func split(_ s: String) -> (String, Int) {
            guard let colon = s.lastIndex(of: ":"), let line = Int(s[s.index(after: colon)...]) else { return (s, 0) }
            return (String(s[..<colon]), line)
        }
        let (fa, la) = split(a), (fb, lb) = split(b)
        return fa != fb ? fa < fb : la < lb
    }
}
