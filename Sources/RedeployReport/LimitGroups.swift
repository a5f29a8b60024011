import Foundation
import RedeployDomain

extension Limits {
    /// What keeps spare teachers from one (school, subject) still short: the obstacle behind the
    /// largest part of the spare time that could teach there (with qualifications), or none left.
    public enum Kind: Int, Sendable, CaseIterable, Comparable {
        /// Spare teachers nothing keeps away: the plan could still lower the shortage here.
        case reachable
        /// Spare only at schools of another level (same_level).
        case otherLevel
        /// Spare only in other areas (transfer_scope: area).
        case otherArea
        /// Spare only farther than max_distance_km.
        case tooFar
        /// Spare only at schools already sending their maximum (max_out_share).
        case outflowCap
        /// Spare only in pieces smaller than one teacher (sharing: false).
        case fractions
        /// No spare teacher of the subject, or qualified for it, at any other school.
        case noSpare

        public static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }

        /// The kind whose spare FTE is largest, from the amounts by `Limits.rank` (0 level,
        /// 1 area, 2 distance, 3 fractions, 4 outflow cap, 5 reachable); reachable spare comes
        /// first, since it means the plan is not yet at its best there.
        static func dominant(_ amount: [Double], eps: Double) -> Kind {
            if amount[5] > eps { return .reachable }
            let blocking: [(Kind, Double)] = [(.otherLevel, amount[0]), (.otherArea, amount[1]), (.tooFar, amount[2]),
                                              (.outflowCap, amount[4]), (.fractions, amount[3])]
            var best: (Kind, Double)?
            for item in blocking where item.1 > eps && item.1 > (best?.1 ?? 0) + eps { best = item }
            return best?.0 ?? .noSpare
        }
    }

    /// The remaining shortage of one kind of limit at the schools of one level: how much, where,
    /// in which subjects. A handful of these replace a row per area and subject.
    public struct LimitGroup: Sendable, Equatable {
        public struct Part: Sendable, Equatable {
            public var name: String
            public var shortage: Double
        }

        public var kind: Kind
        public var level: String
        /// FTE still short, and priority x FTE (its part of W).
        public var shortage: Double
        public var weightedShortage: Double
        public var schools: Int
        /// (area, subject) combinations still short.
        public var areaSubjects: Int
        /// By shortage, largest first.
        public var subjects: [Part]
        public var areas: [Part]
    }

    /// The short pairs grouped by (kind, level): the kinds by their weighted shortage, largest
    /// first, and within a kind its levels by theirs.
    static func limitGroups(_ instance: Instance, shortages: [Double], kinds: [Int: Kind],
                            levels: [String]) -> [LimitGroup] {
        struct Key: Hashable { let kind: Kind, level: String }
        struct Sums {
            var shortage = 0.0, weighted = 0.0
            var schools = Set<Int>(), areaSubjects = Set<String>()
            var subjects: [String: Double] = [:], areas: [String: Double] = [:]
        }
        var sums: [Key: Sums] = [:]
        let pairs = instance.pairs
        for p in kinds.keys.sorted() {
            let pair = pairs[p], school = instance.schools[pair.school], u = shortages[p]
            let subject = instance.subjects[pair.subject]
            let key = Key(kind: kinds[p]!, level: school.level)
            var s = sums[key] ?? Sums()
            s.shortage += u
            s.weighted += school.priority * u
            s.schools.insert(pair.school)
            s.areaSubjects.insert(school.area + "\u{1F}" + subject)
            s.subjects[subject, default: 0] += u
            s.areas[school.area, default: 0] += u
            sums[key] = s
        }
        func parts(_ amounts: [String: Double]) -> [LimitGroup.Part] {
            amounts.map { LimitGroup.Part(name: $0.key, shortage: $0.value) }.sorted { a, b in
                abs(a.shortage - b.shortage) > 1e-9 ? a.shortage > b.shortage : a.name < b.name
            }
        }
        let levelRank = Dictionary(uniqueKeysWithValues: levels.enumerated().map { ($1, $0) })
        var byKind: [Kind: Double] = [:]
        for (key, s) in sums { byKind[key.kind, default: 0] += s.weighted }
        // Kinds by their weighted shortage, then levels within a kind by theirs: each kind's rows together.
        func before(_ a: (Kind, Double), _ b: (Kind, Double)) -> Bool {
            abs(a.1 - b.1) > 1e-9 ? a.1 > b.1 : a.0 < b.0
        }
        return sums.map { key, s in
            LimitGroup(kind: key.kind, level: key.level, shortage: s.shortage, weightedShortage: s.weighted,
                       schools: s.schools.count, areaSubjects: s.areaSubjects.count,
                       subjects: parts(s.subjects), areas: parts(s.areas))
        }.sorted { a, b in
            if a.kind != b.kind { return before((a.kind, byKind[a.kind]!), (b.kind, byKind[b.kind]!)) }
            if abs(a.weightedShortage - b.weightedShortage) > 1e-9 { return a.weightedShortage > b.weightedShortage }
            return (levelRank[a.level] ?? 0) < (levelRank[b.level] ?? 0)
        }
    }

    /// The rows of `ranked` by kind, in their order, with each kind's totals.
    public var rankedByKind: [(kind: Kind, weightedShortage: Double, shortage: Double, rows: [LimitGroup])] {
        var out: [(kind: Kind, weightedShortage: Double, shortage: Double, rows: [LimitGroup])] = []
        for row in ranked {
            if out.last?.kind == row.kind {
                out[out.count - 1].rows.append(row)
                out[out.count - 1].weightedShortage += row.weightedShortage
                out[out.count - 1].shortage += row.shortage
            } else {
                out.append((row.kind, row.weightedShortage, row.shortage, [row]))
            }
        }
        return out
    }
}
