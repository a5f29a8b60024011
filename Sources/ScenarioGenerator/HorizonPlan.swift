import RedeployDomain

/// Turns today's generated scenario into a horizon (docs/MODEL.md section 6): classes.csv
/// from `ClassTrend`, staff-years.csv from `LeaverSchedule` and, where staff.csv states
/// `required`, each later year's requirement on that year's classes; the payroll path from
/// `PayrollPath`. Only what differs from what the format would resolve anyway is written: a
/// school's classes in the years they change, a pair's leavers in the years some leave, its
/// requirement in the years its school's classes differ from today's.
struct HorizonPlan {
    var options: HorizonOptions
    var seed: UInt64
    var leavingRate: Double
    /// true: staff.csv states `required` (no norms), so each later year states its own; false:
    /// `required` stays empty and the norms size each year on its classes (but for the
    /// untaught subject of `stress`, whose requirement is stated either way).
    var explicitRequired: Bool
    /// Subjects of held posts (norm rules' fixed posts), whose teachers do not leave.
    var heldSubjects: Set<String>

    /// `kinds`: the area kind of each school of `scenario`, in order.
    func horizon(for scenario: Scenario, kinds: [AreaKind]) -> Horizon {
        let years = Array(options.years)
        let classes = ClassTrend.classes(today: scenario.schools.map(\.classes), kinds: kinds, years: years.count,
                                         seed: seed)
        var classRows: [ClassesRow] = []
        for (school, path) in zip(scenario.schools, classes) {
            for k in years.indices.dropFirst() where path[k] != path[k - 1] {
                classRows.append(ClassesRow(schoolID: school.id, year: years[k], classes: path[k]))
            }
        }

        let leavers = LeaverSchedule.leavers(scenario.staff, years: years.count, rate: leavingRate,
                                             held: heldSubjects, seed: seed)
        let index = Dictionary(uniqueKeysWithValues: scenario.schools.enumerated().map { ($1.id, $0) })
        var staffRows: [StaffYearRow] = []
        for (r, row) in scenario.staff.enumerated() {
            let s = index[row.schoolID]!
            let school = scenario.schools[s]
            for k in years.indices.dropFirst() {
                let leaving = leavers[r][k] > 0 ? leavers[r][k] : nil
                var required: Double? = nil
                if let today = row.required, classes[s][k] != school.classes,
                   let need = requirement(level: school.level, subject: row.subject, classes: classes[s][k]),
                   need != today {
                    required = need
                }
                guard leaving != nil || required != nil else { continue }
                staffRows.append(StaffYearRow(schoolID: row.schoolID, subject: row.subject, year: years[k],
                                              leaving: leaving, required: required))
            }
        }

        let headcount = scenario.staff.reduce(0) { $0 + $1.teachers }
        return Horizon(years: years, classes: classRows, staffYears: staffRows,
                       payrollChange: PayrollPath.changes(years: years, headcount: headcount, share: options.payrollShare))
    }

    /// The requirement staff.csv would state for a subject at a school of `level` with
    /// `classes` classes, by the generator's own formula; nil where staff.csv states none that
    /// follows the classes (a legacy single subject, required 0 whatever the classes; any
    /// subject but the untaught one when the norms size the school).
    func requirement(level: String, subject: String, classes: Int) -> Double? {
        if subject == ScenarioGenerator.untaughtSubject { return ScenarioGenerator.untaughtRequirement(classes: classes) }
        guard explicitRequired, let need = Curriculum.needs(level).first(where: { $0.subject == subject }) else { return nil }
        return ScenarioGenerator.requirement(classes: classes, perClass: need.perClass)
    }
}
