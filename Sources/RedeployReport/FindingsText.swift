import Foundation
import RedeployDomain
import ScenarioIO

/// The sentences of the worse-off list, for the HTML and Markdown reports alike.
enum WorseOffText {
    /// Why any school may end worse off under the optimum.
    static func why(_ l: Labels) -> String {
        l("The plan is the optimum for the province as a whole: the least weighted shortage (priority × FTE short, summed "
            + "over the schools), then the least cost. It takes a whole teacher from a school that needs only part of him "
            + "when a larger gap, or a gap at a school of higher priority, needs all of him; and it cuts posts where the payroll "
            + "must make room for hires that weigh more. Each school below says which, and where its teachers went.")
    }

    static func reason(_ reason: WorseOffSchool.Reason, _ l: Labels) -> String {
        switch reason {
        case .higherPriority: return l("traded for a higher-priority shortage elsewhere")
        case .largerShortage: return l("traded for a larger shortage elsewhere")
        case .sameWeight: return l("traded for as much shortage elsewhere: the weighted shortage is the same, the plan costs least")
        case .payroll: return l("posts cut to keep the payroll within its cap, for hires that weigh more elsewhere")
        }
    }

    /// One line per transfer out ("1 music → school: gap there 1.0 → 0.0 FTE, priority 2") and
    /// per release; names passed through `escape`.
    static func destinations(_ w: WorseOffSchool, _ data: ReportData, _ l: Labels, escape: (String) -> String) -> [String] {
        w.sent.map { s in
            let priority = s.priority == 1 ? "" : l(", priority {0}", Format.figure(s.priority))
            return "\(Format.count(s.teachers)) \(escape(s.subject)) → \(escape(data.schoolName(s.to))): "
                + l("gap there {0} → {1} FTE", Format.fte(s.gapBefore), Format.fte(s.gapAfter)) + priority
        } + (w.released.isEmpty ? [] : [l("released {0}", w.released.map { "\(Format.count($0.teachers)) \(escape($0.subject))" }
            .joined(separator: ", "))])
    }
}

/// The words for a kind of limit and the parts of a group, for both reports.
enum LimitText {
    static func kind(_ kind: Limits.Kind, _ policy: Policy, _ l: Labels) -> String {
        switch kind {
        case .reachable: return l("Spare teachers within reach could still move here")
        case .otherLevel: return l("Spare teachers only at schools of another level (same_level)")
        case .otherArea: return l("Spare teachers only in other areas (transfer_scope: area)")
        case .tooFar: return l("Spare teachers only farther than {0} km (max_distance_km)", Format.count(policy.maxDistanceKm ?? 0))
        case .outflowCap: return l("Spare teachers only at schools already sending their maximum (max_out_share)")
        case .fractions: return l("Spare time only in pieces smaller than one teacher (whole teachers only: sharing: false)")
        case .noSpare: return l("No spare teacher of the subject, or qualified for it, at any other school")
        }
    }

    /// "english 5.1, music 4.2, fine_arts 3.3 and 9 more subjects; 12 areas, most in Hạ Long (20.3)".
    static func parts(_ g: Limits.LimitGroup, _ l: Labels) -> String {
        let shown = 3
        var text = g.subjects.prefix(shown).map { "\($0.name) \(Format.fte($0.shortage))" }.joined(separator: ", ")
        if g.subjects.count == shown + 1 { text += l(" and 1 more subject") }
        if g.subjects.count > shown + 1 { text += l(" and {0} more subjects", g.subjects.count - shown) }
        if let first = g.areas.first {
            text += "; " + (g.areas.count == 1 ? l("in {0}", first.name)
                : l("{0} areas, most in {1} ({2})", g.areas.count, first.name, Format.fte(first.shortage)))
        }
        return text
    }
}

/// The sentences of the explanation section, for both reports.
enum ExplanationText {
    /// How many teacher gains the reports list; summary.json has them all.
    static let shownGains = 10

    static func gainSentences(_ x: ExplanationSummary, _ l: Labels) -> [String] {
        var lines = [x.gainMethod == "network" ? l("Exact, from the flow network.")
            : l("From the LP duals: a rate per teacher, at most what a whole one gains.")]
        if !x.gainsComplete {
            lines.append(l("Not known: the time limit ran out first."))
        } else if x.gains.isEmpty {
            lines.append(l("Nowhere: no shortage that one more teacher would reduce."))
        } else if let post = x.payrollBinds {
            lines.append(allAlike(x)
                ? l("The payroll limit binds: one more teacher anywhere frees a post, and one more post lowers W by {0} "
                    + "(payroll_change + 1 below). Every one of the {1} (area, subject) pairs still short gains exactly that, "
                    + "so none is listed: what would help is a post, wherever it goes.", Format.fixed(post), x.gains.count)
                : l("The payroll limit binds: one more teacher anywhere frees a post, and one more post lowers W by {0} "
                    + "(payroll_change + 1 below); {1} of the {2} (area, subject) pairs gain that much, none more.",
                    Format.fixed(post), x.gainsTiedWithFirst, x.gains.count))
        }
        return lines
    }

    /// Whether the payroll binds and every gain is the worth of one more post: a list of them
    /// would say nothing about places.
    static func allAlike(_ x: ExplanationSummary) -> Bool {
        x.payrollBinds != nil && x.gainsTiedWithFirst == x.gains.count
    }

    /// A limit's value as written in scenario.yaml, "no limit" in the reader's language.
    static func value(_ text: String, _ l: Labels) -> String {
        text == "no limit" ? l("no limit") : text
    }

    static func lifted(_ limit: ExplanationSummary.Limit, _ l: Labels) -> String {
        guard let w = limit.weightedShortage else { return l("no plan") }
        return limit.status == "optimal" ? Format.fixed(w) : l("{0} (not proven)", Format.fixed(w))
    }
}
