import ArgumentParser
import Foundation
import RedeployDomain
import ScenarioGenerator

/// `redeploy generate --schools N --areas K --seed S --out DIR`: a synthetic scenario, the same
/// bytes for the same arguments.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a synthetic scenario shaped like a Vietnamese province.",
        discussion: """
            Schools of four levels in areas of six kinds (urban, town, rural, remote, mountain, \
            island): surplus in the cities, shortage and priority above 1 in disadvantaged areas, \
            legacy single-subject teachers in the integrated subjects, about 3% leaving. The same \
            arguments always give the same bytes. The data are synthetic and name no real person.

            With --years, a horizon of several school years (docs/MODEL.md section 6): classes.csv \
            has classes growing a few percent a year in cities and towns and shrinking in rural, \
            remote, mountain and island areas; staff-years.csv has each later year's leavers \
            (--leaving-rate is then the chance a teacher leaves in each year: staff.csv keeps the \
            first year's, later years draw among those still there) and, unless the scenario has \
            norms, each year's `required` on that year's classes; --payroll-path sets \
            horizon.payroll_change. Without --years and --retraining the files are those the \
            same arguments always gave.

            With --roster, roster.csv (docs/MODEL.md section 7) lists the teachers one by one, \
            agreeing with staff.csv and staff-years.csv (teachers and leavers of each school and \
            subject), under invented ids and no names; scenario.yaml gains `roster: roster.csv`. \
            The other files are the same with or without it.
            """)

    @Option(help: "Number of schools.") var schools: Int
    @Option(help: "Number of generic areas (default 10); not with --province.") var areas: Int?
    @Option(help: "Seed of the generator.") var seed: UInt64 = 1
    @Option(help: ArgumentHelp("Use the real area names and shape of a province: \(ProvincePreset.allCases.map(\.rawValue).joined(separator: " or ")).",
                               valueName: "name"))
    var province: String?
    @Option(help: "Output folder (created; must be empty unless --force).") var out: String
    @Flag(help: "Overwrite the files of a non-empty output folder.") var force = false
    @Option(help: "Scenario name.") var name: String?

    @Flag(help: "Write norms.csv and leave `required` empty (default: explicit `required`).") var norms = false
    @Flag(name: .customLong("norm-rules"),
          help: "Norms per school (norms: builtin:vn-2026): schools.csv gains pupils, region, sessions, type and infant_groups; `required` left empty; a Young Pioneer leader at each primary and lower-secondary school.")
    var normRules = false
    @Flag(name: .customLong("no-coordinates"), help: "Write no lat/lon.") var noCoordinates = false
    @Option(help: ArgumentHelp("Write distances.csv: road-like km for same-level pairs within this many km.", valueName: "km"))
    var distances: Double?
    @Flag(inversion: .prefixedNo, help: "Let physics/chemistry/biology teachers cover natural_science, history/geography teachers history_geography.")
    var qualifications = true
    @Option(help: "Share of integrated-subject teachers recorded by their legacy subject.") var legacyShare = 0.4
    @Option(help: "Chance that a teacher leaves during the plan period (with --years: in each year).") var leavingRate = 0.03
    @Flag(help: "Add zero-class schools and a subject nobody teaches.") var stress = false
    @Option(help: ArgumentHelp("Plan over these school years, each named by the year it begins: 2025-2030 (both included; the first is today's) or 2025 alone. Writes horizon:, classes.csv and staff-years.csv.",
                               valueName: "first-last"))
    var years: String?
    @Option(name: .customLong("payroll-path"), parsing: .unconditional,
            help: ArgumentHelp("With --years: the payroll change the last year reaches, as a share of today's headcount, on a straight line from the first year (which keeps --payroll-change): -5% over 2025-2030 is -1%, -2%, ... -5% of the headcount in 2026 to 2030, whole teachers. 0 (the default): budget-neutral.",
                               valueName: "percent"))
    var payrollPath: String?
    @Flag(help: "Write retraining.csv: lower-secondary literature and civic education and primary class teachers to preschool (a year's course, 3/4 of --cost-hire), lower-secondary maths to informatics (a short course, 1/4 of --cost-hire).")
    var retraining = false
    @Flag(help: "Write roster.csv: one row per teacher (invented ids, no names) agreeing with staff.csv and staff-years.csv, with points, volunteers, exempt and must_move teachers, leavers, birth dates, sex and homes near the school.")
    var roster = false

    @Option(parsing: .unconditional, help: "Allowed change of total headcount (0 budget-neutral; negative streamlines).")
    var payrollChange = 0
    @Flag(name: .customLong("no-hiring"), help: "Forbid hires.") var noHiring = false
    @Flag(name: .customLong("any-level"), help: "Allow moves between schools of different levels.") var anyLevel = false
    @Option(help: ArgumentHelp("Transfer scope: any or area.", valueName: "any|area")) var scope = "any"
    @Option(help: "Longest allowed transfer, km.") var maxDistanceKm: Double?
    @Option(help: "Largest share of a school's teachers that may leave by transfer.") var maxOutShare: Double?
    @Flag(help: "Allow fractional (shared) teachers.") var sharing = false

    @Option(help: "Cost per teacher transferred.") var costMove = 1.0
    @Option(help: "Cost per teacher-kilometre transferred.") var costPerKm = 0.02
    @Option(help: "Cost per teacher hired.") var costHire = 2.0
    @Option(help: "Cost per teacher released.") var costRelease = 5.0

    func validate() throws {
        guard schools >= 1, schools <= 1_000_000 else { throw ValidationError("--schools must be between 1 and 1000000.") }
        if let province, ProvincePreset(rawValue: province) == nil {
            throw ValidationError("--province must be one of: \(ProvincePreset.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        if norms && normRules { throw ValidationError("--norms and --norm-rules exclude each other.") }
        guard TransferScope(rawValue: scope) != nil else { throw ValidationError("--scope must be any or area.") }
        if let areas {
            guard province == nil else { throw ValidationError("--areas and --province exclude each other.") }
            guard areas >= 1, areas <= 10_000 else { throw ValidationError("--areas must be between 1 and 10000.") }
        }
        guard (0...1).contains(legacyShare) else { throw ValidationError("--legacy-share must be between 0 and 1.") }
        guard (0...1).contains(leavingRate) else { throw ValidationError("--leaving-rate must be between 0 and 1.") }
        if let years, HorizonOptions.years(years) == nil {
            throw ValidationError("--years must be FIRST-LAST, such as 2025-2030, or one year, years from \(HorizonOptions.yearLimits.lowerBound) to \(HorizonOptions.yearLimits.upperBound).")
        }
        if let payrollPath {
            guard years != nil else { throw ValidationError("--payroll-path needs --years.") }
            guard HorizonOptions.payrollShare(payrollPath) != nil else {
                throw ValidationError("--payroll-path must be a percentage from -100% to 100%, such as -5%, or 0.")
            }
        }
        if let distances { guard distances > 0, distances.isFinite else { throw ValidationError("--distances must be a positive number of km.") } }
        if let maxDistanceKm { guard maxDistanceKm >= 0, maxDistanceKm.isFinite else { throw ValidationError("--max-distance-km must be >= 0.") } }
        if let maxOutShare { guard (0...1).contains(maxOutShare) else { throw ValidationError("--max-out-share must be between 0 and 1.") } }
        for (flag, value) in [("--cost-move", costMove), ("--cost-per-km", costPerKm), ("--cost-hire", costHire), ("--cost-release", costRelease)] {
            guard value >= 0, value.isFinite else { throw ValidationError("\(flag) must be >= 0.") }
        }
    }

    var options: GeneratorOptions {
        var o = GeneratorOptions(schools: schools, areas: areas ?? 10, seed: seed,
                                 province: province.flatMap(ProvincePreset.init(rawValue:)))
        o.name = name
        o.useNorms = norms
        o.normRules = normRules
        o.coordinates = !noCoordinates
        o.distancesWithinKm = distances
        o.qualifications = qualifications
        o.legacyShare = legacyShare
        o.leavingRate = leavingRate
        o.stress = stress
        o.policy = Policy(payrollChange: payrollChange, hiring: !noHiring, sameLevel: !anyLevel, transferScope: TransferScope(rawValue: scope) ?? .any,
                          maxDistanceKm: maxDistanceKm, maxOutShare: maxOutShare, sharing: sharing)
        o.costs = Costs(move: costMove, perKm: costPerKm, hire: costHire, release: costRelease)
        o.horizon = years.flatMap(HorizonOptions.years).map {
            HorizonOptions(years: $0, payrollShare: payrollPath.flatMap(HorizonOptions.payrollShare) ?? 0)
        }
        o.retraining = retraining
        o.roster = roster
        return o
    }

    func run() throws {
        let scenario = ScenarioGenerator.generate(options)
        do {
            try ScenarioFolder.write(scenario, to: URL(fileURLWithPath: out), force: force)
        } catch let error as ScenarioFolder.WriteError {
            throw GenerateError(message: error.description)
        }
        let teachers = scenario.staff.reduce(0) { $0 + $1.teachers }
        let areaCount = Set(scenario.schools.map(\.area)).count
        let span = scenario.horizon.map { h in
            ", years \(h.years.first!)" + (h.years.count > 1 ? "-\(h.years.last!)" : "")
        } ?? ""
        print("Wrote \(out): \(scenario.schools.count) schools, \(teachers) teachers, \(areaCount) areas\(span).")
    }
}

struct GenerateError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
