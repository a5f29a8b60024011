import RedeployDomain

/// What each school sends, receives, hires, releases and retrains, per year and subject: the
/// per-school view of a plan (By school, by-school.csv). Each action counts at both its ends,
/// so a school that only sends has its own rows.
struct SchoolMovements {
    struct Key: Hashable, Comparable {
        var school: Int
        var year: Int?
        var subject: String

        static func < (a: Key, b: Key) -> Bool {
            if a.school != b.school { return a.school < b.school }
            if a.year != b.year { return (a.year ?? Int.min) < (b.year ?? Int.min) }
            return a.subject < b.subject
        }
    }

    struct Totals {
        var sent = 0.0, received = 0.0, hired = 0.0, released = 0.0, retrainedAway = 0.0, retrainedIn = 0.0

        var figures: [Double] { [sent, received, hired, released, retrainedAway, retrainedIn] }
        var net: Double { received + hired + retrainedIn - sent - released - retrainedAway }
    }

    private(set) var totals: [Key: Totals] = [:]
    /// Schools in id order (the view's), then years, then subjects.
    let keys: [Key]

    init(_ view: PlanView) {
        func index(_ id: String?) -> Int? { id.flatMap { view.schoolIndex[$0] } }
        // Room for both ends of every action from the start: growing rehashes every key, and
        // with it every subject's text (half of this view's time in a plan of 3,500 schools).
        var totals: [Key: Totals] = Dictionary(minimumCapacity: 2 * view.actions.count)
        for a in view.actions {
            let from = index(a.from).map { Key(school: $0, year: a.year, subject: a.subject) }
            let to = index(a.to).map { Key(school: $0, year: a.year, subject: a.toSubject ?? a.subject) }
            switch a.kind {
            case .transfer:
                if let from { totals[from, default: Totals()].sent += a.teachers }
                if let to { totals[to, default: Totals()].received += a.teachers }
            case .retrain:
                if let from { totals[from, default: Totals()].retrainedAway += a.teachers }
                if let to { totals[to, default: Totals()].retrainedIn += a.teachers }
            case .hire:
                if let to { totals[to, default: Totals()].hired += a.teachers }
            case .release:
                if let from { totals[from, default: Totals()].released += a.teachers }
            }
        }
        self.totals = totals
        keys = totals.keys.sorted()
    }
}
