import RedeployDomain

/// roster.csv for a generated scenario (docs/MODEL.md section 7): one row per teacher of
/// staff.csv, in staff.csv's order, that agrees with staff.csv and staff-years.csv exactly (the
/// teachers of each school and subject, and its leavers in each year). No one is named: a
/// teacher is an invented id (`QN-000123`: the province's initials, or `GV` for generic areas,
/// and a number in file order).
///
/// - points: 0 to 100, whole, rising with age (seniority) plus a random part;
/// - about 10% volunteers, 3% exempt (reason `age` from 55, else `illness` or `disability`; an exempt
///   teacher does not volunteer), 2% must_move (never exempt, never leaving, never in a held
///   post, and only in a subject another school of the level has);
/// - leavers: for each pair, the teachers staff.csv (first year) and staff-years.csv (later
///   years) count, picked by a shuffle of the pair's teachers; `leaving_year` is the year they
///   leave (`referenceYear` without a horizon, where any year means "during the plan");
/// - birth date and sex: women are most preschool and primary teachers and fewer higher up;
///   ages at the start of the reference year from 23 to 60 for men and 23 to 56 for women
///   (below each one's statutory age in 2025), leavers near that age;
/// - home: within about 3 km of the school, only where the school has coordinates.
///
/// Drawn from its own stream of the seed (9), so no other file changes with a roster.
enum RosterDraw {
    static let stream: UInt64 = 9
    /// Today's school year when the scenario has no horizon.
    static let referenceYear = 2025
    static let reasons = ["age", "illness", "disability"]

    static func prefix(_ province: ProvincePreset?) -> String {
        switch province {
        case .quangNinh: return "QN"
        case .socTrang: return "ST"
        case nil: return "GV"
        }
    }

    static func femaleShare(_ level: String) -> Double {
        switch level {
        case "preschool": return 0.98
        case "primary": return 0.8
        case "lower_secondary": return 0.72
        default: return 0.62
        }
    }

    static func roster(_ scenario: Scenario, province: ProvincePreset?, heldSubjects: Set<String>,
                       seed: UInt64) -> [RosterRow] {
        var rng = SplitMix64(seed: seed, stream: stream)
        let years = scenario.horizon?.years ?? [referenceYear]
        let first = years[0]
        let schoolByID = Dictionary(scenario.schools.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        // Later years' leavers of each pair.
        var later: [String: [Int: Int]] = [:]
        for row in scenario.horizon?.staffYears ?? [] {
            if let leaving = row.leaving, leaving > 0 {
                later[row.schoolID + "\u{1F}" + row.subject, default: [:]][row.year, default: 0] += leaving
            }
        }
        // Schools of each level that have each subject: a must_move teacher needs another one.
        var schoolsWith: [String: Set<String>] = [:]
        for row in scenario.staff {
            guard let school = schoolByID[row.schoolID] else { continue }
            schoolsWith[school.level + "\u{1F}" + row.subject, default: []].insert(row.schoolID)
        }
        let total = scenario.staff.reduce(0) { $0 + max(0, $1.teachers) }
        let width = max(6, String(total).count)
        let prefix = prefix(province)

        var rows: [RosterRow] = []
        rows.reserveCapacity(total)
        for staffRow in scenario.staff where staffRow.teachers > 0 {
            let school = schoolByID[staffRow.schoolID]
            let level = school?.level ?? ""
            let n = staffRow.teachers
            // Leaving year of each teacher of the pair: the shuffled first ones leave.
            var schedule: [Int?] = []
            schedule += [Int?](repeating: first, count: min(n, staffRow.leaving))
            let pairLater = later[staffRow.schoolID + "\u{1F}" + staffRow.subject] ?? [:]
            for year in years.dropFirst() {
                let count = pairLater[year] ?? 0
                schedule += [Int?](repeating: year, count: max(0, min(count, n - schedule.count)))
            }
            schedule += [Int?](repeating: nil, count: n - schedule.count)
            rng.shuffle(&schedule)
            let movable = !heldSubjects.contains(staffRow.subject)
                && (schoolsWith[level + "\u{1F}" + staffRow.subject]?.count ?? 0) >= 2

            for leaving in schedule {
                let female = rng.bernoulli(femaleShare(level))
                let oldest = female ? 56 : 60
                let age: Int
                if let leaving {
                    age = max(23, oldest - (leaving - first) - rng.int(in: 0...1))
                } else {
                    age = rng.int(in: 23...oldest)
                }
                // Born in the year that makes them `age` on 1 September of the reference year.
                let month = rng.int(in: 1...12)
                let day = rng.int(in: 1...CalendarDate.days(inMonth: month, of: first - age))
                let bornYear = month >= 9 ? first - age - 1 : first - age
                let birth = CalendarDate(year: bornYear, month: month,
                                         day: min(day, CalendarDate.days(inMonth: month, of: bornYear)))
                let points = Double(min(100, 2 * (age - 23) + rng.int(in: 0...30)))
                let exemptDraw = rng.uniform(), volunteerDraw = rng.uniform(), moveDraw = rng.uniform()
                let reasonDraw = rng.int(in: 1...(reasons.count - 1))
                let exempt = exemptDraw < 0.03 ? reasons[age >= 55 ? 0 : reasonDraw] : ""
                let mustMove = exempt.isEmpty && leaving == nil && movable && moveDraw < 0.02
                let volunteer = exempt.isEmpty && volunteerDraw < 0.1
                let dLat = rng.uniform(-0.027, 0.027), dLon = rng.uniform(-0.029, 0.029)
                var homeLat: Double? = nil, homeLon: Double? = nil
                if let lat = school?.latitude, let lon = school?.longitude {
                    homeLat = Geometry.round5(lat + dLat)
                    homeLon = Geometry.round5(lon + dLon)
                }
                rows.append(RosterRow(
                    teacherID: prefix + "-" + String(rows.count + 1).leftPadded(to: width),
                    schoolID: staffRow.schoolID, subject: staffRow.subject, points: points,
                    volunteer: volunteer, exemptReason: exempt, mustMove: mustMove, leavingYear: leaving,
                    birthDate: birth, sex: female ? .female : .male, homeLatitude: homeLat, homeLongitude: homeLon))
            }
        }
        return rows
    }
}
