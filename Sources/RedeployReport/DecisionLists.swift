import Foundation
import ScenarioIO
import RedeployDomain

/// The decision lists of a plan with named teachers (docs/MODEL.md section 7; issue 16): the
/// moves each authority signs, from the assignments stage 3 chose.
///
/// - One list per commune: the transfers and retraining whose `authority` is `commune`, grouped
///   by the commune the two schools share (schools.csv's `commune` column; without it, the
///   area: `School.authorityUnit`). Communes in the reports' area order.
/// - One list for the province: the transfers and retraining whose `authority` is `province`.
/// - Releases apart: assignments.csv leaves a release's authority empty (it moves nobody
///   between schools, so the commune/province rule does not apply); the reports list them on
///   their own, for the province to sign, since the payroll they keep within is the province's.
///
/// Each row shows the teacher id, the year (with a horizon), the action, the schools (name and
/// id), the subject (→ the new subject for a retraining) and the reason (`Assignment.reason`:
/// the basis of the choice). Never points, homes, distances or anything else of the roster.
/// Rows are ordered by year, from school, to school, action, subject, new subject, teacher id,
/// so the same assignments give the same lists whatever their order.
struct DecisionLists {
    struct List {
        /// Stable HTML id: "decisions-commune-1", ..., "decisions-province", "decisions-releases".
        var id: String
        var title: String
        var rows: [Assignment]
    }

    let communes: [List]
    let province: List
    let releases: List
    let hasHorizon: Bool
    let schools: [String: School]
    let labels: Labels

    init(_ assignments: [Assignment], instance: HorizonInstance, labels l: Labels = .english) {
        labels = l
        hasHorizon = instance.hasHorizon
        let schools = Dictionary(instance.schools.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        self.schools = schools
        let sorted = assignments.sorted(by: Self.precedes)
        var byArea: [String: [Assignment]] = [:]
        var provinceRows: [Assignment] = [], releaseRows: [Assignment] = []
        for a in sorted {
            if a.action == .release {
                releaseRows.append(a)
            } else if a.authority == .commune {
                let area = schools[a.fromSchool]?.authorityUnit ?? a.toSchool.flatMap { schools[$0]?.authorityUnit } ?? ""
                byArea[area, default: []].append(a)
            } else {
                provinceRows.append(a)
            }
        }
        communes = ReportData.displayOrder(Set(byArea.keys)).enumerated().map { k, area in
            List(id: "decisions-commune-\(k + 1)", title: l("Commune: {0}", area.isEmpty ? l("(no area)") : area), rows: byArea[area]!)
        }
        province = List(id: "decisions-province", title: l("Province: transfers and retraining between communes"), rows: provinceRows)
        releases = List(id: "decisions-releases", title: l("Releases (signed by the province)"), rows: releaseRows)
    }

    static let actionRank: [Plan.Kind: Int] = [.transfer: 0, .retrain: 1, .release: 2, .hire: 3]

    static func precedes(_ a: Assignment, _ b: Assignment) -> Bool {
        if a.year != b.year { return (a.year ?? Int.min) < (b.year ?? Int.min) }
        if a.fromSchool != b.fromSchool { return a.fromSchool < b.fromSchool }
        if a.toSchool != b.toSchool { return (a.toSchool ?? "") < (b.toSchool ?? "") }
        if a.action != b.action { return actionRank[a.action, default: 9] < actionRank[b.action, default: 9] }
        if a.subject != b.subject { return a.subject < b.subject }
        if a.toSubject != b.toSubject { return (a.toSubject ?? "") < (b.toSubject ?? "") }
        return a.teacherID < b.teacherID
    }

    /// Every list, communes first, then the province, then the releases.
    var lists: [List] { communes + [province, releases] }

    /// Lists longer than this are folded in the HTML page (a closed `<details>`).
    static let foldAbove = 15

    static let note = noteText(.english)

    static func noteText(_ l: Labels) -> String {
        l("Who signs each move (Decree 93/2026): the commune for a transfer or a retraining between two schools "
            + "of the same commune (schools.csv's commune column; without it, the area), the province "
            + "otherwise. A release moves nobody between schools, so assignments.csv gives it no authority; it is listed "
            + "apart, for the province to sign, as the payroll it keeps within is the province's. Reason: why this teacher "
            + "(volunteer, must_move, or fewest points among those who may be chosen).")
    }

    func schoolName(_ id: String?) -> String {
        guard let id else { return "" }
        guard let school = schools[id], !school.name.isEmpty else { return id }
        return "\(school.name) (\(id))"
    }

    static func actionName(_ kind: Plan.Kind) -> String {
        switch kind {
        case .transfer: return "transfer"
        case .retrain: return "retrain"
        case .release: return "release"
        case .hire: return "hire"
        }
    }

    /// The table of one list.
    func table(_ list: List) -> HorizonTable {
        let l = labels
        var header = [l("Teacher")]
        if hasHorizon { header.append(l("Year")) }
        header += [l("Action"), l("From school"), l("To school"), l("Subject"), l("Reason")]
        let rows: [[String]] = list.rows.map { a in
            var row = [a.teacherID]
            if hasHorizon { row.append(a.year.map(String.init) ?? "") }
            let subject = a.toSubject.map { "\(a.subject) → \($0)" } ?? a.subject
            row += [Self.actionName(a.action), schoolName(a.fromSchool), schoolName(a.toSchool), subject, a.reason]
            return row
        }
        return HorizonTable(id: list.id, title: list.title, note: "", header: header, rows: rows, textColumns: header.count)
    }

    /// Counts per authority: one row per commune, the province (its releases in their own
    /// column), and the total.
    func summary() -> HorizonTable {
        func counts(_ rows: [Assignment]) -> [Int] {
            [rows.filter { $0.action == .transfer }.count, rows.filter { $0.action == .retrain }.count,
             rows.filter { $0.action == .release }.count]
        }
        func row(_ label: String, _ c: [Int]) -> [String] { [label] + c.map(String.init) + [String(c.reduce(0, +))] }
        let l = labels
        var rows = communes.map { row($0.title, counts($0.rows)) }
        let p = counts(province.rows), r = counts(releases.rows)
        rows.append(row(l("Province"), zip(p, r).map { $0 + $1 }))
        let all = lists.map { counts($0.rows) }.reduce([0, 0, 0]) { zip($0, $1).map { $0 + $1 } }
        return HorizonTable(id: "decisions-summary", title: l("Decisions by authority"),
                            note: "", header: [l("Authority"), l("Transfers"), l("Retrained"), l("Releases"), l("Decisions")],
                            rows: rows, totals: [row(l("All authorities"), all)])
    }
}
