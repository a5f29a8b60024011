import Foundation
import ScenarioIO
import RedeployDomain

/// One table of the horizon reports, its cells already formatted: the HTML page and the
/// Markdown summary lay out the very same tables (each escapes the text its own way), so the
/// two never disagree on a figure.
struct HorizonTable: Equatable {
    /// The HTML id (and the anchor of the section that holds it).
    var id: String
    var title: String
    /// A sentence under the title saying how to read the table; may be empty.
    var note: String
    var header: [String]
    var rows: [[String]]
    /// Total rows, set apart (tfoot in HTML, bold in Markdown).
    var totals: [[String]] = []
    /// How many leading columns hold text (left-aligned); the rest are figures.
    var textColumns = 1
}

/// The tables of the horizon reports, built from `HorizonReportData`.
enum HorizonTables {
    static func all(_ data: HorizonReportData) -> [HorizonTable] {
        [totals(data), gains(data), year(data.optimum, data), year(data.myopic, data), byLevel(data)]
            + (retraining(data).map { [$0] } ?? [])
    }

    /// A weighted shortage or a cost: two decimals.
    static func w(_ x: Double) -> String { Format.fixed(x) }

    /// A difference shown with its sign ("+4.00", "−3.00", "0.00").
    static func signed(_ x: Double) -> String {
        let text = Format.fixed(abs(x))
        if text == Format.fixed(0) { return text }
        return (x > 0 ? "+" : "−") + text
    }

    static func signedCount(_ x: Double) -> String {
        let text = Format.count(abs(x))
        if text == "0" { return text }
        return (x > 0 ? "+" : "−") + text
    }

    /// Over the whole horizon, the two plans side by side.
    static func totals(_ data: HorizonReportData) -> HorizonTable {
        let (o, m) = (data.optimum.report, data.myopic.report)
        func row(_ label: String, _ a: Double, _ b: Double, _ show: (Double) -> String, _ diff: (Double) -> String) -> [String] {
            [label, show(a), show(b), diff(b - a)]
        }
        let lastCap = data.instance.payrollCap.last.map(String.init) ?? ""
        let l = data.labels
        let wLabel = data.weighted ? l("Weighted shortage W (all years, weighted)") : l("Weighted shortage W (all years)")
        return HorizonTable(
            id: "totals", title: l("Over the horizon: optimum against myopic"),
            note: l("W0, if nothing is done: {0}. Myopic − optimum: what the myopic plan "
                + "leaves or spends more (positive) or less (negative) than the plan made over the whole horizon.", w(data.before.weightedShortage)),
            header: ["", l("Optimum"), l("Myopic"), l("Myopic − optimum")],
            rows: [
                row(wLabel, o.weightedShortage, m.weightedShortage, w, signed),
                row(l("Cost C (all years)"), o.cost, m.cost, w, signed),
                row(l("Transfers"), o.transfers, m.transfers, Format.count, signedCount),
                row(l("Hires"), o.hires, m.hires, Format.count, signedCount),
                row(l("Releases"), o.releases, m.releases, Format.count, signedCount),
                row(l("Retrained"), o.retrained, m.retrained, Format.count, signedCount),
                row(l("Payroll in the last year (cap {0})", lastCap), o.payrollAfter, m.payrollAfter, Format.count, signedCount),
            ])
    }

    /// W and C year by year, optimum against myopic, with what planning ahead gains.
    static func gains(_ data: HorizonReportData) -> HorizonTable {
        let weighted = data.weighted, l = data.labels
        var header = [l("Year")]
        if weighted { header.append(l("Weight")) }
        header += ["W0", l("W optimum"), l("W myopic"), l("W gain"), l("C optimum"), l("C myopic"), l("C gain")]
        var rows: [[String]] = []
        for y in 0..<data.yearCount {
            let (o, m) = (data.optimum.years[y], data.myopic.years[y])
            var row = [data.yearLabel(y)]
            if weighted { row.append(Format.figure(data.instance.weights[y])) }
            row += [w(data.before.years[y].weightedShortage), w(o.weightedShortage), w(m.weightedShortage),
                    signed(m.weightedShortage - o.weightedShortage), w(o.cost), w(m.cost), signed(m.cost - o.cost)]
            rows.append(row)
        }
        let (o, m) = (data.optimum.report, data.myopic.report)
        var total = [weighted ? l("All years, weighted") : l("All years")]
        if weighted { total.append("") }
        total += [w(data.before.weightedShortage), w(o.weightedShortage), w(m.weightedShortage),
                  signed(m.weightedShortage - o.weightedShortage), w(o.cost), w(m.cost), signed(m.cost - o.cost)]
        return HorizonTable(
            id: "by-year", title: l("Year by year: what planning over the whole horizon gains"),
            note: (weighted ? l("W: the year's weighted shortage (priority × FTE short), before its weight; C: the cost "
                + "of the year's actions. Gain: myopic minus optimum, positive where planning over the whole horizon does better.")
                : l("W: the year's weighted shortage (priority × FTE short); C: the cost "
                + "of the year's actions. Gain: myopic minus optimum, positive where planning over the whole horizon does better.")),
            header: header, rows: rows, totals: [total])
    }

    /// One plan's figures year by year.
    static func year(_ side: HorizonReportData.Side, _ data: HorizonReportData) -> HorizonTable {
        var rows: [[String]] = []
        for (y, year) in side.years.enumerated() {
            rows.append([data.yearLabel(y), w(data.before.years[y].weightedShortage), w(year.weightedShortage),
                         Format.count(year.payroll), String(year.payrollCap), Format.count(year.transfers),
                         Format.count(year.hires), Format.count(year.releases), Format.count(year.retrained), w(year.cost)])
        }
        let r = side.report, l = data.labels
        let total = [data.weighted ? l("All years, weighted") : l("All years"), w(data.before.weightedShortage), w(r.weightedShortage),
                     "", "", Format.count(r.transfers), Format.count(r.hires), Format.count(r.releases),
                     Format.count(r.retrained), w(r.cost)]
        let optimum = side.key == "optimum"
        return HorizonTable(
            id: "years-\(side.key)", title: optimum ? l("The optimum plan, year by year") : l("The myopic plan, year by year"),
            note: (optimum ? l("Optimum (planned over all the years at once)") : l("Myopic (planned one year at a time, blind to the years after)"))
                + l("; status {0}{1}. Payroll: people on it in the year, teachers in a course included, against the year's cap.",
                    side.status, HTMLReport.gapText(side.mipGap, l)),
            header: [l("Year"), "W0", "W", l("Payroll"), l("Cap"), l("Transfers"), l("Hires"), l("Releases"), l("Retrained"), l("Cost")],
            rows: rows, totals: [total])
    }

    /// Weighted shortage by school level, year by year: if nothing is done, optimum, myopic.
    static func byLevel(_ data: HorizonReportData) -> HorizonTable {
        var rows: [[String]] = []
        let l = data.labels
        for (k, level) in data.levels.enumerated() {
            rows.append([level, l("If nothing is done")] + data.beforeByLevel[k].map(w))
            rows.append([level, l("Optimum")] + data.optimum.byLevel[k].map(w))
            rows.append([level, l("Myopic")] + data.myopic.byLevel[k].map(w))
        }
        return HorizonTable(
            id: "levels", title: l("Weighted shortage by school level"),
            note: l("Each level's schools: the sum of priority × FTE short, year by year (without the year's weight)."),
            header: [l("Level"), l("Plan")] + (0..<data.yearCount).map(data.yearLabel), rows: rows, textColumns: 2)
    }

    /// Every course of either plan; nil when neither retrains anyone.
    static func retraining(_ data: HorizonReportData) -> HorizonTable? {
        var rows: [[String]] = []
        let l = data.labels
        for side in data.sides {
            for (y, moves) in side.moves.enumerated() {
                for course in moves.courses {
                    let length = course.delay.map(String.init) ?? "?"
                    var from = "?"
                    if let delay = course.delay {
                        from = y + delay < data.yearCount ? data.yearLabel(y + delay)
                            : data.instance.hasHorizon ? l("after {0}", data.yearLabel(data.yearCount - 1)) : l("after the year")
                    }
                    rows.append([l(side.label), data.yearLabel(y), data.schoolName(course.from), course.subject,
                                 data.schoolName(course.to), course.toSubject, Format.count(course.teachers), length, from])
                }
            }
        }
        guard !rows.isEmpty else { return nil }
        return HorizonTable(
            id: "courses", title: l("Retraining"),
            note: l("Teachers who take a course: they leave their school and subject in the year named, stay on the payroll "
                + "during the course, and teach the new subject at the receiving school from the year shown."),
            header: [l("Plan"), l("Year"), l("From school"), l("Subject"), l("To school"), l("Teaches"), l("Teachers"),
                     l("Course, years"), l("Teaches from")],
            rows: rows, textColumns: 6)
    }
}
