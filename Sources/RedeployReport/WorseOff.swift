import Foundation
import RedeployDomain

/// A school that ends the plan shorter than it started, and why.
///
/// The plan is the lexicographic optimum: the least weighted shortage for the province as a whole
/// (priority x FTE short, summed over the schools), then the least cost. It may take a teacher from
/// a school that needed only part of him (0.6 FTE spare of a whole teacher leaves it 0.4 short) to
/// fill a larger gap elsewhere, or a gap at a school of higher priority; or cut a post to make room
/// in the payroll for a hire where the shortage weighs more. A planner should see each such school
/// by name, with where its teachers went, rather than find it in the totals.
public struct WorseOffSchool: Sendable, Equatable {
    /// Why the optimum accepts this school's loss.
    public enum Reason: String, Sendable, Equatable {
        /// A teacher it sent fills a gap at a school of higher priority.
        case higherPriority
        /// The teachers it sent fill more shortage where they went than it loses.
        case largerShortage
        /// As much is filled elsewhere as is lost here: the weighted shortage is the same either
        /// way, and the plan as a whole costs least.
        case sameWeight
        /// It sent no one but released teachers: posts cut to keep the payroll within its cap.
        case payroll
    }

    /// One transfer out of the school, with the gap it fills where it goes.
    public struct Sent: Sendable, Equatable {
        /// Index into `plan.actions`.
        public var action: Int
        public var to: Int
        public var subject: String
        public var teachers: Double
        /// The receiving school's shortage in the subject, before and after the whole plan.
        public var gapBefore: Double
        public var gapAfter: Double
        public var priority: Double
    }

    public struct Released: Sendable, Equatable {
        public var subject: String
        public var teachers: Double
    }

    public var school: Int
    public var priority: Double
    public var shortageBefore: Double
    public var shortageAfter: Double
    public var sent: [Sent]
    public var released: [Released]
    public var reason: Reason

    /// FTE lost: after − before (> 0).
    public var loss: Double { shortageAfter - shortageBefore }
    /// The weighted shortage it adds: priority x loss.
    public var weightedLoss: Double { priority * loss }
}

extension ReportData {
    /// The schools whose shortage, summed over their subjects, is larger after the plan than
    /// before (by more than 1e-6 FTE), the largest weighted loss first.
    public var worseOff: [WorseOffSchool] {
        let instance = self.instance
        var gaps: [Int: (before: Double, after: Double)] = [:]
        for group in arrivalGroups {
            for arrival in group.arrivals {
                if let own = arrival.covers.first { gaps[arrival.action] = (own.shortageBefore, own.shortageAfter) }
            }
        }
        var schools: [WorseOffSchool] = []
        for summary in schoolSummaries where summary.shortageAfter > summary.shortageBefore + 1e-6 {
            let s = summary.index
            var sent: [WorseOffSchool.Sent] = []
            var released: [WorseOffSchool.Released] = []
            for (k, action) in plan.actions.enumerated() where action.from.flatMap({ instance.schoolIndex[$0] }) == s {
                switch action.kind {
                case .transfer:
                    guard let to = action.to.flatMap({ instance.schoolIndex[$0] }) else { continue }
                    let gap = gaps[k] ?? (0, 0)
                    sent.append(.init(action: k, to: to, subject: action.subject, teachers: action.teachers,
                                      gapBefore: gap.before, gapAfter: gap.after, priority: instance.schools[to].priority))
                case .release:
                    released.append(.init(subject: action.subject, teachers: action.teachers))
                case .hire, .retrain:
                    continue
                }
            }
            let priority = instance.schools[s].priority
            let loss = summary.shortageAfter - summary.shortageBefore
            // What the teachers sent fill where they go: at most their number, at most the gap closed there.
            let filled = sent.reduce(0.0) { $0 + min($1.teachers, max(0, $1.gapBefore - $1.gapAfter)) }
            let reason: WorseOffSchool.Reason
            if sent.isEmpty {
                reason = .payroll
            } else if sent.contains(where: { $0.priority > priority + 1e-9 && $0.gapBefore > $0.gapAfter + 1e-6 }) {
                reason = .higherPriority
            } else if filled > loss + 1e-6 {
                reason = .largerShortage
            } else {
                reason = .sameWeight
            }
            schools.append(WorseOffSchool(school: s, priority: priority, shortageBefore: summary.shortageBefore,
                                          shortageAfter: summary.shortageAfter, sent: sent, released: released, reason: reason))
        }
        return schools.sorted { a, b in
            abs(a.weightedLoss - b.weightedLoss) > 1e-9 ? a.weightedLoss > b.weightedLoss : a.school < b.school
        }
    }
}
