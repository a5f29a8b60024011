import RedeployPlanner
import ScenarioIO

/// How `solve --explain` shows an `Explanation`: two tables on standard output, and the whole
/// of it as the "explanation" object of summary.json.
enum ExplanationOutput {
    /// How many teacher gains the printed table shows; summary.json has them all.
    static let printedGains = 10

    /// The "explanation" value of summary.json. Limit values stay strings ("35.5", "null",
    /// "no limit"): "no limit" is not a JSON value, and a planner reads them as written in
    /// scenario.yaml. `weighted_shortage` and `shortage_cost` are null when not proven.
    static func json(_ e: Explanation) -> String {
        let n = { (x: Double) in NumberText.format(rounded(x)) }
        let gains = e.gains.map {
            object([("area", JSONText.string($0.area)), ("subject", JSONText.string($0.subject)),
                    ("school", JSONText.string($0.school)), ("gain", n($0.gain))])
        }
        let limits = e.limits.map {
            object([("key", JSONText.string($0.key)), ("current", JSONText.string($0.current)),
                    ("lifted", JSONText.string($0.lifted)), ("status", JSONText.string($0.status.rawValue)),
                    ("weighted_shortage", JSONText.number($0.weightedShortage.map(rounded))),
                    ("shortage_cost", JSONText.number($0.shortageCost.map(rounded)))])
        }
        // Only when the time limit cut the gains short, so that other outputs stay as they were.
        let status = e.gainsComplete ? "" : "\n    \"gains_status\": \"time_limit\","
        return """
            {
                "gain_method": \(JSONText.string(e.gainMethod.rawValue)),\(status)
                "teacher_gains": \(list(gains)),
                "limits": \(list(limits))
              }
            """
    }

    /// To 1e-9, far inside the 1e-6 tolerance of docs/MODEL.md 3.2: differences of optima carry the
    /// noise of floating-point sums (0.45999999999999996 for 0.46), which says nothing.
    static func rounded(_ x: Double) -> Double {
        abs(x) < 1e9 ? (x * 1e9).rounded() / 1e9 + 0 : x
    }

    private static func object(_ entries: [(String, String)]) -> String {
        "{" + entries.map { "\(JSONText.string($0.0)): \($0.1)" }.joined(separator: ", ") + "}"
    }

    /// One item per line, indented under the "explanation" key of summary.json.
    private static func list(_ items: [String]) -> String {
        items.isEmpty ? "[]" : "[\n      " + items.joined(separator: ",\n      ") + "\n    ]"
    }

    /// The two tables printed after the solve summary.
    static func text(_ e: Explanation) -> String {
        var out = "\nOne more teacher, kept out of the payroll limit: where W falls most"
        out += e.gainMethod == .network
            ? " (exact, from the flow network)\n"
            : " (LP duals: a rate per teacher, at most what a whole one gains)\n"
        if !e.gainsComplete {
            out += "  not known: the time limit ran out first\n"
        } else if e.gains.isEmpty {
            out += "  nowhere: no shortage that one more teacher would reduce\n"
        } else {
            var table = TextTable(["area", "subject", "best school", "W falls by"], leftColumns: 3)
            for gain in e.gains.prefix(printedGains) {
                table.add([gain.area, gain.subject, gain.school, String(format: "%.2f", gain.gain)])
            }
            out += table.text
            if e.gains.count > printedGains {
                out += "  and \(e.gains.count - printedGains) more (area, subject) pairs in summary.json\n"
            }
            if let post = e.limits.first(where: { $0.key == "payroll_change" && $0.lifted != "no limit" })?.shortageCost,
               post > 1e-9, abs(e.gains[0].gain - post) <= 1e-6 * max(1, post) {
                out += "  The payroll limit binds: one more teacher anywhere frees a post, and one more post\n"
                out += "  lowers W by \(String(format: "%.2f", post)) (payroll_change + 1 below); no pair gains more than that.\n"
            }
        }
        out += "\nWhat each policy limit costs: W with the limit lifted, the others kept\n"
        if e.limits.isEmpty {
            out += "  no limit to lift: hiring is on, the payroll cannot be used up, no distance, outflow or area limit\n"
            return out
        }
        var table = TextTable(["policy", "now", "lifted to", "W lifted", "limit costs"], leftColumns: 3)
        for limit in e.limits {
            let w = limit.weightedShortage.map { String(format: "%.2f", $0) } ?? "no plan"
            table.add([limit.key, limit.current, limit.lifted,
                       limit.status == .optimal ? w : w + " (not proven)",
                       limit.shortageCost.map { String(format: "%.2f", $0) } ?? "?"])
        }
        return out + table.text
    }
}
