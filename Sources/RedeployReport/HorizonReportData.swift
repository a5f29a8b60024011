import Foundation
import RedeployDomain
import ScenarioIO

/// Everything the horizon reports show, computed once from the instance and the two plans:
/// the do-nothing figures (W0) year by year, and for the optimum over all the years and the
/// myopic plan (one year at a time) their figures year by year, their weighted shortage by
/// school level, and what they do in each year (`HorizonYearMoves`). The renderers
/// (`HorizonHTML`, `HorizonMarkdown`) only lay it out, so both show the same numbers.
struct HorizonReportData {
    /// One of the two plans, as the reports show it.
    struct Side {
        /// "optimum" or "myopic": ids and CSS classes.
        var key: String
        /// "Optimum" or "Myopic": what tables and legends call it.
        var label: String
        var status: String
        var mipGap: Double?
        var plan: Plan
        var report: HorizonPlanChecker.Report
        /// byLevel[l][y]: the weighted shortage of `levels[l]`'s schools in year y (priority x shortage).
        var byLevel: [[Double]]
        /// moves[y]: what the plan does in year y.
        var moves: [HorizonYearMoves]

        var years: [HorizonPlanChecker.Year] { report.years }
        var violations: [String] { report.violations.map(\.description) }
    }

    let instance: HorizonInstance
    /// Levels in display order (as the one-year report orders them).
    let levels: [String]
    let areas: [String]
    /// The do-nothing plan's check: W0 year by year and in total.
    let before: HorizonPlanChecker.Report
    /// beforeByLevel[l][y], as `Side.byLevel`.
    let beforeByLevel: [[Double]]
    let optimum: Side
    let myopic: Side
    /// Subjects that either plan transfers, hires or retrains from or into, in the instance's
    /// order: map colours follow it, the same in every year and both plans.
    let movedSubjects: [String]
    /// The decision lists by authority of the plan's named teachers; nil without a roster.
    let decisions: DecisionLists?

    /// The language of the headings and labels.
    let labels: Labels

    init(instance: HorizonInstance, optimum: HorizonPlanOutput, myopic: HorizonPlanOutput, assignments: [Assignment]? = nil,
         labels: Labels = .english) {
        self.instance = instance
        self.labels = labels
        decisions = assignments.map { DecisionLists($0, instance: instance, labels: labels) }
        levels = ReportData.displayOrder(Set(instance.schools.map(\.level)),
                                         preferred: ["preschool", "primary", "lower_secondary", "upper_secondary"])
        areas = ReportData.displayOrder(Set(instance.schools.map(\.area)))
        before = optimum.before
        beforeByLevel = Self.byLevel(instance, levels: levels, shortages: optimum.before.shortages)
        self.optimum = Self.side("optimum", "Optimum", optimum, instance: instance, levels: levels)
        self.myopic = Self.side("myopic", "Myopic", myopic, instance: instance, levels: levels)
        var moved = Set<String>()
        for action in optimum.plan.actions + myopic.plan.actions where action.kind != .release {
            moved.insert(action.subject)
            if let to = action.toSubject { moved.insert(to) }
        }
        movedSubjects = instance.subjects.filter(moved.contains) + moved.subtracting(instance.subjects).sorted()
    }

    static func side(_ key: String, _ label: String, _ output: HorizonPlanOutput, instance: HorizonInstance,
                     levels: [String]) -> Side {
        Side(key: key, label: label, status: output.status, mipGap: output.mipGap, plan: output.plan, report: output.report,
             byLevel: byLevel(instance, levels: levels, shortages: output.report.shortages),
             moves: HorizonYearMoves.split(output.plan, report: output.report, instance: instance))
    }

    var name: String { instance.name }
    var title: String { name.isEmpty ? labels("Redeployment over the years") : name }
    var sides: [Side] { [optimum, myopic] }
    var yearCount: Int { instance.years.count }

    /// A year as the reports name it; a scenario of one year with retraining has no name for it.
    func yearLabel(_ y: Int) -> String { instance.hasHorizon ? String(instance.years[y]) : labels("the year") }

    /// "2025–2030", or "2025" for a single year.
    var span: String {
        guard instance.hasHorizon else { return labels("one year") }
        let (first, last) = (instance.years.first!, instance.years.last!)
        return first == last ? String(first) : "\(first)–\(last)"
    }

    /// Whether some year weighs other than 1: W over the years is then not the sum of the years' W.
    var weighted: Bool { instance.weights.contains { $0 != 1 } }

    /// A school's display name: "name (id)", or the id alone.
    func schoolName(_ index: Int) -> String {
        let school = instance.schools[index]
        return school.name.isEmpty ? school.id : "\(school.name) (\(school.id))"
    }

    /// Shortage (FTE, unweighted) left at each school in each year: shortage[y][s].
    static func schoolShortages(_ instance: HorizonInstance, _ report: HorizonPlanChecker.Report) -> [[Double]] {
        report.shortages.map { u in instance.pairRanges.map { range in range.reduce(0) { $0 + u[$1] } } }
    }

    /// W by level: for each level and year, the sum over the level's schools of priority x shortage.
    static func byLevel(_ instance: HorizonInstance, levels: [String], shortages: [[Double]]) -> [[Double]] {
        let rank = Dictionary(uniqueKeysWithValues: levels.enumerated().map { ($1, $0) })
        var table = Array(repeating: Array(repeating: 0.0, count: shortages.count), count: levels.count)
        for (y, u) in shortages.enumerated() {
            for (s, range) in instance.pairRanges.enumerated() {
                guard let l = rank[instance.schools[s].level] else { continue }
                table[l][y] += instance.schools[s].priority * range.reduce(0) { $0 + u[$1] }
            }
        }
        return table
    }
}

/// What one plan does in one year, by school, for the maps and the retraining tables:
/// transfers and courses as they are in plan.csv (with the school indices resolved), hires and
/// releases summed per school, and the shortage each school has left that year.
struct HorizonYearMoves {
    struct Move {
        /// Index into the plan's actions.
        var action: Int
        var from: Int
        var to: Int
        var subject: String
        var teachers: Double
        var km: Double?
    }

    struct Course {
        var action: Int
        var from: Int
        var to: Int
        var subject: String
        var toSubject: String
        var teachers: Double
        /// Whole years the course lasts; nil when no retraining option matches (a broken plan).
        var delay: Int?
    }

    var transfers: [Move] = []
    var courses: [Course] = []
    /// Per school.
    var hired: [Double]
    var released: [Double]
    var shortage: [Double]
    /// Actions whose schools are unknown (only in a plan the checker rejects).
    var unplaced = 0

    /// The plan's actions split by year (index into `instance.years`).
    static func split(_ plan: Plan, report: HorizonPlanChecker.Report, instance: HorizonInstance) -> [HorizonYearMoves] {
        let schoolIndex = Dictionary(instance.schools.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let subjectIndex = Dictionary(uniqueKeysWithValues: instance.subjects.enumerated().map { ($1, $0) })
        let shortages = HorizonReportData.schoolShortages(instance, report)
        let none = [Double](repeating: 0, count: instance.schools.count)
        var years = instance.years.indices.map {
            HorizonYearMoves(hired: none, released: none, shortage: $0 < shortages.count ? shortages[$0] : none)
        }
        func yearIndex(_ action: Plan.Action) -> Int? {
            instance.hasHorizon ? action.year.flatMap { instance.years.firstIndex(of: $0) } : 0
        }
        for (index, action) in plan.actions.enumerated() {
            guard let y = yearIndex(action) else { continue }
            let from = action.from.flatMap { schoolIndex[$0] }, to = action.to.flatMap { schoolIndex[$0] }
            switch action.kind {
            case .transfer:
                guard let from, let to else { years[y].unplaced += 1; continue }
                years[y].transfers.append(Move(action: index, from: from, to: to, subject: action.subject,
                                               teachers: action.teachers, km: action.km))
            case .retrain:
                guard let from, let to else { years[y].unplaced += 1; continue }
                let toSubject = action.toSubject ?? ""
                var delay: Int?
                if let a = subjectIndex[action.subject], let b = subjectIndex[toSubject],
                   let p = instance.pairIndex(school: from, subject: a), let q = instance.pairIndex(school: to, subject: b) {
                    delay = instance.retraining.first { $0.from == p && $0.to == q }?.delay
                }
                years[y].courses.append(Course(action: index, from: from, to: to, subject: action.subject, toSubject: toSubject,
                                               teachers: action.teachers, delay: delay))
            case .hire:
                if let to { years[y].hired[to] += action.teachers } else { years[y].unplaced += 1 }
            case .release:
                if let from { years[y].released[from] += action.teachers } else { years[y].unplaced += 1 }
            }
        }
        return years
    }
}
