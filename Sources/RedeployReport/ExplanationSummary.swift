import Foundation
import ScenarioIO

/// What `solve --explain` found, as the report shows it: where one more teacher lowers the
/// weighted shortage W most, and what W each policy limit costs. It is read from the
/// "explanation" object that `solve --explain` writes into summary.json, so that `solve --report`
/// and `report OUTDIR` show the same section from the same figures; a plan solved without
/// --explain has none, and its report no such section.
public struct ExplanationSummary: Sendable, Equatable {
    public struct Gain: Sendable, Equatable {
        public var area: String
        public var subject: String
        public var school: String
        public var gain: Double
    }

    public struct Limit: Sendable, Equatable {
        public var key: String
        public var current: String
        public var lifted: String
        public var status: String
        /// W with the limit lifted; nil when the re-solve found no plan.
        public var weightedShortage: Double?
        /// W − W lifted; nil when not proven.
        public var shortageCost: Double?
    }

    /// "network" (exact) or "lp_duals" (a rate per teacher, at most what a whole one gains).
    public var gainMethod: String
    /// False when the time limit ran out before the gains were known.
    public var gainsComplete: Bool
    /// Largest first, one per area and subject.
    public var gains: [Gain]
    /// The costliest first.
    public var limits: [Limit]

    public init(gainMethod: String, gainsComplete: Bool, gains: [Gain], limits: [Limit]) {
        self.gainMethod = gainMethod
        self.gainsComplete = gainsComplete
        self.gains = gains
        self.limits = limits
    }

    /// From summary.json's "explanation" value; nil when it is not such an object.
    public init?(json: Any?) {
        guard let object = json as? [String: Any], let method = object["gain_method"] as? String,
              let gains = object["teacher_gains"] as? [[String: Any]], let limits = object["limits"] as? [[String: Any]]
        else { return nil }
        func number(_ value: Any?) -> Double? { (value as? NSNumber)?.doubleValue }
        gainMethod = method
        gainsComplete = (object["gains_status"] as? String) != "time_limit"
        self.gains = gains.compactMap { g in
            guard let area = g["area"] as? String, let subject = g["subject"] as? String,
                  let school = g["school"] as? String, let gain = number(g["gain"]) else { return nil }
            return Gain(area: area, subject: subject, school: school, gain: gain)
        }
        self.limits = limits.compactMap { l in
            guard let key = l["key"] as? String else { return nil }
            return Limit(key: key, current: l["current"] as? String ?? "", lifted: l["lifted"] as? String ?? "",
                         status: l["status"] as? String ?? "", weightedShortage: number(l["weighted_shortage"]),
                         shortageCost: number(l["shortage_cost"]))
        }
    }

    /// From the JSON text of that value, as `PlanOutput.extra` holds it after `solve --explain`.
    public init?(jsonText: String) {
        guard let value = try? JSONSerialization.jsonObject(with: Data(jsonText.utf8)) else { return nil }
        self.init(json: value)
    }

    /// What one more post lowers W by, when the payroll limit binds so that no (area, subject)
    /// gains more than that: every gain is then the worth of the post, not of the place.
    public var payrollBinds: Double? {
        guard let post = limits.first(where: { $0.key == "payroll_change" && $0.lifted != "no limit" })?.shortageCost,
              post > 1e-9, let top = gains.first, abs(top.gain - post) <= 1e-6 * max(1, post) else { return nil }
        return post
    }

    /// How many gains equal the largest (within 1e-6 relative).
    public var gainsTiedWithFirst: Int {
        guard let top = gains.first?.gain else { return 0 }
        return gains.prefix { abs($0.gain - top) <= 1e-6 * max(1, top) }.count
    }
}
