import Foundation
import RedeployDomain
import ScenarioIO

/// Everything a report shows, computed once from the scenario's instance, the plan and its
/// independent check: the headline figures, teachers per class by level and area, shortage
/// by area and subject before and after, the moves grouped by receiving school, and what
/// still limits the plan (`Limits`). Renderers (`HTMLReport`, `MarkdownReport`) only lay it out.
///
/// "Before" is the plan that does nothing (staff t − l, docs/MODEL.md 3.1); "after" is the plan's
/// staff n and shortage u as `PlanChecker` recomputes them.
public struct ReportData: Sendable {
    public struct Headline: Sendable, Equatable {
        public var scenarioName: String
        /// optimal, feasible, time_limit, infeasible, or what summary.json says.
        public var status: String
        /// nil when unknown (a plan that proves nothing).
        public var mipGap: Double?
        public var weightedShortageBefore: Double
        public var weightedShortageAfter: Double
        /// Unweighted shortage in FTE (sum of u).
        public var shortageBefore: Double
        public var shortageAfter: Double
        public var required: Double
        public var schools: Int
        /// Schools short at all: their shortage, summed over their subjects, above 1e-6 FTE.
        public var schoolsShortBefore: Int
        public var schoolsShortAfter: Int
        /// Schools short by one whole teacher or more: their summed shortage at least 1 FTE. The
        /// others are short by a fraction of a teacher, which whole teachers cannot fill without sharing.
        public var schoolsShortWholeBefore: Int
        public var schoolsShortWholeAfter: Int
        /// The whole teachers missing: each school's summed shortage rounded down, added up.
        public var wholeTeachersShortBefore: Int
        public var wholeTeachersShortAfter: Int
        public var transfers: Double
        public var hires: Double
        public var releases: Double
        public var payrollBefore: Int
        public var payrollAfter: Double
        /// payroll_before + payroll_change: the most the payroll may be after the plan.
        public var payrollCap: Int
        public var cost: Double
        /// Sum of teachers x km over transfers whose distance is known.
        public var teacherKm: Double
        /// The rules of docs/MODEL.md section 2 that the plan breaks (empty for a valid plan).
        public var violations: [String]
    }

    /// Teachers per class of one level, in one area or (area nil) all areas.
    public struct Ratio: Sendable, Equatable {
        public var level: String
        public var area: String?
        public var schools: Int
        public var classes: Int
        public var staffBefore: Double
        public var staffAfter: Double
        public var required: Double

        public var before: Double? { perClass(staffBefore) }
        public var after: Double? { perClass(staffAfter) }
        /// The norm: required FTE per class.
        public var norm: Double? { perClass(required) }
        func perClass(_ x: Double) -> Double? { classes > 0 ? x / Double(classes) : nil }

        mutating func add(_ school: SchoolSummary, classes: Int) {
            schools += 1
            self.classes += classes
            staffBefore += school.staffBefore
            staffAfter += school.staffAfter
            required += school.required
        }
    }

    /// Shortage (FTE) of one subject in one area.
    public struct ShortageCell: Sendable, Equatable {
        public var area: String
        public var subject: String
        public var before: Double
        public var after: Double
    }

    /// One school with its totals over its subjects.
    public struct SchoolSummary: Sendable, Equatable {
        public var index: Int
        public var required: Double
        public var staffBefore: Double
        public var staffAfter: Double
        public var shortageBefore: Double
        public var shortageAfter: Double
        public var received: Double
        public var sent: Double
        public var hired: Double
        public var released: Double
    }

    /// A transfer or a hire into a school, with what it covers there.
    public struct Arrival: Sendable, Equatable {
        public struct Covered: Sendable, Equatable {
            public var subject: String
            public var shortageBefore: Double
            public var shortageAfter: Double
        }

        /// Index into `plan.actions`.
        public var action: Int
        public var kind: Plan.Kind
        /// Sending school index (nil for a hire).
        public var from: Int?
        public var subject: String
        public var teachers: Double
        public var km: Double?
        /// The receiving school's shortage, before and after the whole plan, in every subject
        /// these teachers may teach (their own first).
        public var covers: [Covered]
    }

    /// The arrivals at one receiving school.
    public struct ArrivalGroup: Sendable, Equatable {
        public var school: Int
        public var arrivals: [Arrival]
    }

    public struct Release: Sendable, Equatable {
        public var action: Int
        public var school: Int
        public var subject: String
        public var teachers: Double
        /// Staying teachers (t − l) minus required, at that school and subject, before the plan.
        public var surplusBefore: Double
    }

    public let instance: Instance
    public let plan: Plan
    public let check: PlanChecker.Report
    public let headline: Headline
    /// Per pair (like `instance.pairs`): staff t − l and shortage before the plan.
    public let staffBefore: [Double]
    public let shortagesBefore: [Double]
    /// Levels and areas in display order.
    public let levels: [String]
    public let areas: [String]
    /// Per level: the level's total (area nil) first, then each of its areas.
    public let ratios: [Ratio]
    /// Subjects with a requirement, in display order, and the area x subject shortage grid.
    public let shortageSubjects: [String]
    public let shortageCells: [ShortageCell]
    public let schoolSummaries: [SchoolSummary]
    /// Subjects that the plan transfers or hires, in the instance's order (colours follow it).
    public let movedSubjects: [String]
    public let arrivalGroups: [ArrivalGroup]
    public let releases: [Release]
    public let limits: Limits
    /// What `solve --explain` found, when the plan was solved with it.
    public let explanation: ExplanationSummary?

    /// The data of a plan. `weightedShortageBefore` is W0 (docs/MODEL.md 3.1); pass nil to have it
    /// recomputed from the instance.
    public init(instance: Instance, plan: Plan, check: PlanChecker.Report, status: String,
                weightedShortageBefore: Double? = nil, mipGap: Double?, explanation: ExplanationSummary? = nil) {
        self.instance = instance
        self.explanation = explanation
        self.plan = plan
        self.check = check
        let pairs = instance.pairs
        let before = pairs.map { Double($0.staying) }
        let shortBefore = Coverage.shortages(instance, staff: before)
        staffBefore = before
        shortagesBefore = shortBefore

        let schools = instance.schools
        levels = Self.displayOrder(Set(schools.map(\.level)), preferred: ["preschool", "primary", "lower_secondary", "upper_secondary"])
        areas = Self.displayOrder(Set(schools.map(\.area)))

        // Schools.
        var summaries = schools.indices.map {
            SchoolSummary(index: $0, required: 0, staffBefore: 0, staffAfter: 0, shortageBefore: 0, shortageAfter: 0,
                          received: 0, sent: 0, hired: 0, released: 0)
        }
        for (p, pair) in pairs.enumerated() {
            summaries[pair.school].required += pair.required
            summaries[pair.school].staffBefore += before[p]
            summaries[pair.school].staffAfter += check.staffAfter[p]
            summaries[pair.school].shortageBefore += shortBefore[p]
            summaries[pair.school].shortageAfter += check.shortages[p]
        }
        var teacherKm = 0.0
        for action in plan.actions {
            let from = action.from.flatMap { instance.schoolIndex[$0] }
            let to = action.to.flatMap { instance.schoolIndex[$0] }
            switch action.kind {
            case .transfer:
                if let from { summaries[from].sent += action.teachers }
                if let to { summaries[to].received += action.teachers }
                if let km = action.km { teacherKm += km * action.teachers }
            case .hire:
                if let to { summaries[to].hired += action.teachers }
            case .release:
                if let from { summaries[from].released += action.teachers }
            case .retrain:
                break  // a horizon's rows: tabled by the horizon report
            }
        }
        schoolSummaries = summaries
        let moved = Set(plan.actions.filter { $0.kind != .release }.map(\.subject))
        movedSubjects = instance.subjects.filter(moved.contains) + moved.subtracting(instance.subjects).sorted()

        let short = 1e-6
        let scenarioPolicy = instance.policy
        headline = Headline(
            scenarioName: instance.name, status: status, mipGap: mipGap,
            weightedShortageBefore: weightedShortageBefore ?? Coverage.weightedShortage(instance, shortages: shortBefore),
            weightedShortageAfter: check.weightedShortage,
            shortageBefore: shortBefore.reduce(0, +), shortageAfter: check.shortages.reduce(0, +),
            required: pairs.reduce(0) { $0 + $1.required }, schools: schools.count,
            schoolsShortBefore: summaries.filter { $0.shortageBefore > short }.count,
            schoolsShortAfter: summaries.filter { $0.shortageAfter > short }.count,
            schoolsShortWholeBefore: summaries.filter { Self.wholeTeachers($0.shortageBefore) >= 1 }.count,
            schoolsShortWholeAfter: summaries.filter { Self.wholeTeachers($0.shortageAfter) >= 1 }.count,
            wholeTeachersShortBefore: summaries.reduce(0) { $0 + Self.wholeTeachers($1.shortageBefore) },
            wholeTeachersShortAfter: summaries.reduce(0) { $0 + Self.wholeTeachers($1.shortageAfter) },
            transfers: check.transfers, hires: check.hires, releases: check.releases,
            payrollBefore: check.payrollBefore, payrollAfter: check.payrollAfter,
            payrollCap: check.payrollBefore + scenarioPolicy.payrollChange, cost: check.cost, teacherKm: teacherKm,
            violations: check.violations.map(\.description))

        // Teachers per class, by level and area.
        var ratios: [Ratio] = []
        for level in levels {
            var total = Ratio(level: level, area: nil, schools: 0, classes: 0, staffBefore: 0, staffAfter: 0, required: 0)
            var byArea: [String: Ratio] = [:]
            for summary in summaries where schools[summary.index].level == level {
                let school = schools[summary.index]
                var row = byArea[school.area]
                    ?? Ratio(level: level, area: school.area, schools: 0, classes: 0, staffBefore: 0, staffAfter: 0, required: 0)
                row.add(summary, classes: school.classes)
                total.add(summary, classes: school.classes)
                byArea[school.area] = row
            }
            ratios.append(total)
            ratios += areas.compactMap { byArea[$0] }
        }
        self.ratios = ratios

        // Shortage by area and subject.
        var grid: [String: [String: (Double, Double)]] = [:]
        var requiredBySubject: [String: Double] = [:]
        for (p, pair) in pairs.enumerated() {
            let area = schools[pair.school].area, subject = instance.subjects[pair.subject]
            requiredBySubject[subject, default: 0] += pair.required
            let cell = grid[area, default: [:]][subject] ?? (0, 0)
            grid[area, default: [:]][subject] = (cell.0 + shortBefore[p], cell.1 + check.shortages[p])
        }
        shortageSubjects = instance.subjects.filter { (requiredBySubject[$0] ?? 0) > 0 }
        var cells: [ShortageCell] = []
        for area in areas {
            for subject in shortageSubjects {
                let cell = grid[area]?[subject] ?? (0, 0)
                cells.append(ShortageCell(area: area, subject: subject, before: cell.0, after: cell.1))
            }
        }
        shortageCells = cells

        // Arrivals by receiving school, releases.
        var groups: [Int: [Arrival]] = [:]
        var releases: [Release] = []
        for (index, action) in plan.actions.enumerated() {
            switch action.kind {
            case .transfer, .hire:
                guard let to = action.to.flatMap({ instance.schoolIndex[$0] }) else { continue }
                let from = action.from.flatMap { instance.schoolIndex[$0] }
                var covers: [Arrival.Covered] = []
                if let a = instance.subjectIndex[action.subject] {
                    for b in [a] + instance.canCover[a].filter({ $0 != a }) {
                        guard let p = instance.pairIndex(school: to, subject: b) else { continue }
                        if b != a && shortBefore[p] <= short { continue }
                        covers.append(.init(subject: instance.subjects[b], shortageBefore: shortBefore[p],
                                            shortageAfter: check.shortages[p]))
                    }
                }
                groups[to, default: []].append(Arrival(action: index, kind: action.kind, from: action.kind == .transfer ? from : nil,
                                                       subject: action.subject, teachers: action.teachers,
                                                       km: action.km, covers: covers))
            case .release:
                guard let from = action.from.flatMap({ instance.schoolIndex[$0] }) else { continue }
                var surplus = 0.0
                if let a = instance.subjectIndex[action.subject], let p = instance.pairIndex(school: from, subject: a) {
                    surplus = before[p] - pairs[p].required
                }
                releases.append(Release(action: index, school: from, subject: action.subject, teachers: action.teachers,
                                        surplusBefore: surplus))
            case .retrain:
                continue  // a horizon's rows: tabled by the horizon report
            }
        }
        let areaRank = Dictionary(uniqueKeysWithValues: areas.enumerated().map { ($1, $0) })
        arrivalGroups = groups.keys.sorted { a, b in
            let (ra, rb) = (areaRank[schools[a].area] ?? 0, areaRank[schools[b].area] ?? 0)
            return ra != rb ? ra < rb : a < b
        }.map { ArrivalGroup(school: $0, arrivals: groups[$0]!) }
        self.releases = releases.sorted { ($0.school, $0.action) < ($1.school, $1.action) }

        limits = Limits(instance: instance, plan: plan, check: check, shortagesBefore: shortBefore,
                        status: status, mipGap: mipGap, areas: areas, levels: levels)
    }

    /// The data of what `solve` writes.
    public init(instance: Instance, output: PlanOutput) {
        self.init(instance: instance, plan: output.plan, check: output.report, status: output.status,
                  weightedShortageBefore: output.weightedShortageBefore, mipGap: output.mipGap,
                  explanation: output.extra.last { $0.0 == "explanation" }.flatMap { ExplanationSummary(jsonText: $0.1) })
    }

    /// The whole teachers in a shortage of `fte`: rounded down, with 1e-6 of tolerance (docs/MODEL.md
    /// 3.2), so that 0.9999999 counts as one.
    static func wholeTeachers(_ fte: Double) -> Int {
        fte > 0 ? Int((fte + 1e-6).rounded(.down)) : 0
    }

    /// A school's display name: "name (id)", or the id alone.
    public func schoolName(_ index: Int) -> String {
        let school = instance.schools[index]
        return school.name.isEmpty ? school.id : "\(school.name) (\(school.id))"
    }

    /// `preferred` first (those present), then the rest by their text with accents folded.
    static func displayOrder(_ values: Set<String>, preferred: [String] = []) -> [String] {
        let first = preferred.filter(values.contains)
        let rest = values.subtracting(first).sorted { a, b in
            let (fa, fb) = (sortKey(a), sortKey(b))
            return fa != fb ? fa < fb : a < b
        }
        return first + rest
    }

    static func sortKey(_ s: String) -> String {
        s.replacingOccurrences(of: "Đ", with: "D").replacingOccurrences(of: "đ", with: "d")
            .folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
    }
}
