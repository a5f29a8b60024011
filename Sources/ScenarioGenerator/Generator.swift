import RedeployDomain

/// What to generate. Everything that shapes the output is here, so the same options give the
/// same scenario, byte for byte once written.
public struct GeneratorOptions: Sendable, Equatable {
    public var schools: Int
    /// Number of generic areas ("Khu vực 01"...); ignored when `province` is set.
    public var areas: Int
    public var seed: UInt64
    /// Real area names, centres and staffing shape of a province; nil: generic areas.
    public var province: ProvincePreset?
    /// Scenario name; nil: a descriptive default.
    public var name: String?
    /// true: a norms table and staff rows without `required`; false: explicit `required`.
    public var useNorms: Bool = false
    /// true: norm rules per school (`norms: builtin:vn-2026`, `Curriculum.rulesPresetName`)
    /// instead of a table or explicit `required`: every school gets pupils, a region, sessions,
    /// a type and infant groups (schools.csv gains those columns), staff rows leave `required`
    /// empty, staff are drawn around each school's own norm, and each school the rules give a
    /// fixed post (the Young Pioneer leader of primary and lower-secondary schools) has one
    /// teacher in it. Takes the place of `useNorms`. false: the files are byte for byte what
    /// they were before the option existed.
    public var normRules: Bool = false
    /// Write lat/lon in schools.csv (positions are generated either way, for distances).
    public var coordinates: Bool = true
    /// Write distances.csv with road-like distances for same-level pairs within this many km.
    public var distancesWithinKm: Double? = nil
    /// Add the integrated-subject qualifications (physics, chemistry, biology teach natural
    /// science; history, geography teach history & geography) to the policy.
    public var qualifications: Bool = true
    /// Share of lower-secondary natural science and history & geography teachers recorded by
    /// their legacy single subject (physics, chemistry, biology; history, geography).
    public var legacyShare: Double = 0.4
    /// Chance that a teacher leaves (retires) during the plan period; with a horizon, during
    /// each of its years (`LeaverSchedule`).
    public var leavingRate: Double = 0.03
    /// Add fields that stress a solver honestly: about 1% of schools with zero classes (merged
    /// or suspended, their teachers still on the books), and an `ethnic_language` subject that
    /// some disadvantaged primary schools need and nobody teaches.
    public var stress: Bool = false
    /// Policy of the scenario; `qualifications` above adds to its list.
    public var policy: Policy = Policy()
    public var costs: Costs = Costs(move: 1, perKm: 0.02, hire: 2, release: 5)
    /// Years to plan over, with classes, leavers and payroll changing from year to year
    /// (`HorizonOptions`); nil: one year, the files byte for byte what they were before the
    /// option existed.
    public var horizon: HorizonOptions? = nil
    /// Write retraining.csv with the courses of `RetrainingCourses`; false: no retraining.
    public var retraining: Bool = false
    /// Write roster.csv, one row per teacher, agreeing with staff.csv and staff-years.csv
    /// (`RosterDraw`); false: no roster, the other files unchanged either way.
    public var roster: Bool = false

    public init(schools: Int, areas: Int = 10, seed: UInt64 = 1, province: ProvincePreset? = nil) {
        self.schools = schools
        self.areas = areas
        self.seed = seed
        self.province = province
    }
}

/// Synthetic scenarios shaped on public aggregates (docs/NORM-PRESETS.md, scenarios/README.md): the
/// mix of levels, class counts by level and area kind, surplus in cities and shortage in mountain,
/// island and remote areas (weighted above 1), legacy single-subject teachers, about 3% leaving,
/// positions clustered by area. No real school or person is named.
public enum ScenarioGenerator {
    static let levelCodes = ["MN", "TH", "THCS", "THPT"]
    static let levelNames = ["Trường Mầm non", "Trường Tiểu học", "Trường THCS", "Trường THPT"]
    static let preschoolNames = ["Hoa Sen", "Hoa Mai", "Sơn Ca", "Hướng Dương", "Hoa Hồng", "Sao Mai",
                                 "Bình Minh", "Hoa Ban", "Tuổi Thơ", "Ánh Dương", "Hoa Phượng", "Họa Mi"]
    static let defaultLevelStaffing = ProvincePreset.quangNinh.levelStaffing
    /// The stress subject nobody teaches: 2 periods a week of an ethnic minority language.
    public static let untaughtSubject = "ethnic_language"

    /// The areas a generation uses (the province's, or generic ones drawn from the seed).
    public static func areas(_ options: GeneratorOptions) -> [AreaSpec] {
        options.province?.areas ?? AreaPlanner.generic(count: options.areas, seed: options.seed)
    }

    public static func generate(_ options: GeneratorOptions) -> Scenario {
        let areas = areas(options)
        let levelStaffing = options.province?.levelStaffing ?? defaultLevelStaffing
        let perArea = largestRemainder(total: max(0, options.schools), weights: areas.map(\.weight))

        // 1. Schools: levels, classes, positions (stream 2).
        var layout = SplitMix64(seed: options.seed, stream: 2)
        var drafts: [Draft] = []
        drafts.reserveCapacity(max(0, options.schools))
        for (a, area) in areas.enumerated() {
            let counts = levelCounts(perArea[a], shares: area.kind.levelShares)
            let areaFactor = 1 + 0.025 * layout.normal()
            for (level, count) in counts.enumerated() where count > 0 {
                let width = max(2, String(count).count)
                for k in 1...count {
                    let classes = layout.int(in: area.kind.classes(level: level))
                    let spread = area.kind.spreadDegrees
                    let lat = Geometry.round5(area.latitude + spread * layout.normal())
                    let lon = Geometry.round5(area.longitude + spread * layout.normal())
                    let school = School(
                        id: "\(area.code)-\(levelCodes[level])\(String(k).leftPadded(to: width))",
                        name: schoolName(level: level, area: area.name, number: k, of: count),
                        area: area.name, level: Curriculum.levels[level], classes: classes,
                        latitude: lat, longitude: lon, priority: area.priority)
                    drafts.append(Draft(school: school, area: a, levelIndex: level, staffedClasses: classes,
                                        staffing: area.kind.staffing * areaFactor * (levelStaffing[school.level] ?? 1)))
                }
            }
        }

        // 2. Stress: some schools lose their classes but keep their teachers (stream 5).
        var stressRNG = SplitMix64(seed: options.seed, stream: 5)
        var untaught = [Bool](repeating: false, count: drafts.count)
        if options.stress, !drafts.isEmpty {
            var anyZero = false
            for i in drafts.indices where stressRNG.bernoulli(0.012) {
                drafts[i].school.classes = 0
                anyZero = true
            }
            if !anyZero { drafts[stressRNG.int(in: 0...(drafts.count - 1))].school.classes = 0 }
            let primaries = drafts.indices.filter { drafts[$0].levelIndex == 1 && drafts[$0].school.classes > 0 }
            let remote = primaries.filter { areas[drafts[$0].area].kind.isDisadvantaged }
            let candidates = remote.isEmpty ? primaries : remote
            var anyUntaught = false
            for i in candidates where stressRNG.bernoulli(remote.isEmpty ? 0.1 : 0.25) {
                untaught[i] = true
                anyUntaught = true
            }
            if !anyUntaught, !candidates.isEmpty { untaught[candidates[stressRNG.int(in: 0...(candidates.count - 1))]] = true }
        }

        // 2b. Norm rules: each school's pupils, region, sessions, type, infant groups (stream 6).
        let rules: NormRules? = options.normRules ? Curriculum.rules : nil
        var sized: [School] = []
        if rules != nil {
            let attributes = SchoolKinds.draw(drafts, areas: areas, seed: options.seed)
            for i in drafts.indices {
                let a = attributes[i]
                drafts[i].school.region = a.region
                drafts[i].school.sessions = a.sessions
                drafts[i].school.type = a.type
                var asStaffed = drafts[i].school
                asStaffed.classes = drafts[i].staffedClasses
                asStaffed.pupils = a.pupils
                asStaffed.infantGroups = a.infantGroups
                sized.append(asStaffed)
                // A school that lost its classes lost its pupils and groups with them.
                let kept = drafts[i].school.classes == drafts[i].staffedClasses
                drafts[i].school.pupils = kept ? a.pupils : 0
                drafts[i].school.infantGroups = kept ? a.infantGroups : 0
            }
        }

        // 3. Staff by subject (stream 3), legacy subjects split off (stream 4).
        var staffing = SplitMix64(seed: options.seed, stream: 3)
        var legacyRNG = SplitMix64(seed: options.seed, stream: 4)
        var staff: [StaffRow] = []
        staff.reserveCapacity(drafts.count * 10)
        let statesRequired = !options.useNorms && rules == nil
        for (i, draft) in drafts.enumerated() {
            let school = draft.school
            let schoolFactor = 1 + 0.06 * staffing.normal()
            var posts: [(subject: String, count: Double)] = []
            let needs: [SubjectNeed]
            if let rules {
                (needs, posts) = ruledNeeds(school, sized: sized[i], rules: rules)
            } else {
                needs = Curriculum.needs(school.level).map { need in
                    SubjectNeed(subject: need.subject, required: requirement(classes: school.classes, perClass: need.perClass),
                                typical: Double(draft.staffedClasses) * need.perClass,
                                staffing: need.staffing, specialist: need.specialist)
                }
            }
            for need in needs {
                let required = need.required
                let typical = need.typical
                let noise = 1 + (need.specialist ? 0.15 : 0.05) * staffing.normal()
                let teachers = staffing.stochasticRound(typical * draft.staffing * need.staffing * schoolFactor * noise)
                var leaving = 0
                for _ in 0..<teachers where staffing.bernoulli(options.leavingRate) { leaving += 1 }
                let stated: Double? = statesRequired ? required : nil

                guard school.level == "lower_secondary", let legacy = Curriculum.legacy[need.subject],
                      options.legacyShare > 0 else {
                    if teachers > 0 || required > 0 {
                        staff.append(StaffRow(schoolID: school.id, subject: need.subject, teachers: teachers,
                                              leaving: leaving, required: stated))
                    }
                    continue
                }
                var counts = [Int](repeating: 0, count: legacy.count + 1)
                var leavers = counts
                for k in 0..<teachers {
                    var slot = 0
                    if legacyRNG.bernoulli(options.legacyShare) {
                        let u = legacyRNG.uniform()
                        var cumulative = 0.0
                        slot = legacy.count
                        for (s, entry) in legacy.enumerated() {
                            cumulative += entry.share
                            if u < cumulative { slot = s + 1; break }
                        }
                    }
                    counts[slot] += 1
                    if k < leaving { leavers[slot] += 1 }
                }
                if counts[0] > 0 || required > 0 {
                    staff.append(StaffRow(schoolID: school.id, subject: need.subject, teachers: counts[0],
                                          leaving: leavers[0], required: stated))
                }
                for (s, entry) in legacy.enumerated() where counts[s + 1] > 0 {
                    staff.append(StaffRow(schoolID: school.id, subject: entry.subject, teachers: counts[s + 1],
                                          leaving: leavers[s + 1], required: statesRequired ? 0 : nil))
                }
            }
            // Each fixed post of the rules held by one teacher, whom the norm keeps at the school.
            for post in posts {
                staff.append(StaffRow(schoolID: school.id, subject: post.subject,
                                      teachers: Int(post.count.rounded(.up)), leaving: 0, required: nil))
            }
            if untaught[i] {
                staff.append(StaffRow(schoolID: school.id, subject: untaughtSubject, teachers: 0, leaving: 0,
                                      required: untaughtRequirement(classes: school.classes)))
            }
        }

        var policy = options.policy
        if options.qualifications {
            for q in Curriculum.integratedQualifications where !policy.qualifications.contains(q) {
                policy.qualifications.append(q)
            }
        }
        let norms: [NormRow]? = options.useNorms && rules == nil ? Curriculum.norms : nil
        let distances = options.distancesWithinKm.map { roadDistances(drafts, areas: areas, withinKm: $0) } ?? []
        var schools = drafts.map(\.school)
        if !options.coordinates {
            for i in schools.indices { schools[i].latitude = nil; schools[i].longitude = nil }
        }
        var scenario = Scenario(name: options.name ?? defaultName(options, areaCount: areas.count), schools: schools,
                                staff: staff, norms: norms, normRules: rules, distances: distances, policy: policy,
                                costs: options.costs)
        if options.retraining {
            scenario.retraining = RetrainingCourses.rows(levels: Set(schools.map(\.level)), hire: options.costs.hire)
        }
        if let horizon = options.horizon {
            let plan = HorizonPlan(options: horizon, seed: options.seed, leavingRate: options.leavingRate,
                                   explicitRequired: statesRequired,
                                   heldSubjects: Set(rules?.levels.values.flatMap { $0.fixedPosts.map(\.subject) } ?? []))
            scenario.horizon = plan.horizon(for: scenario, kinds: drafts.map { areas[$0.area].kind })
        }
        if options.roster {
            scenario.roster = RosterDraw.roster(scenario, province: options.province,
                                                heldSubjects: Set(rules?.levels.values.flatMap { $0.fixedPosts.map(\.subject) } ?? []),
                                                seed: options.seed)
        }
        return scenario
    }

    /// An explicit requirement, as staff.csv states it: classes x teachers a class, to 0.01.
    /// Today's and each later year's are this one formula, so that they agree.
    static func requirement(classes: Int, perClass: Double) -> Double {
        round2(Double(classes) * perClass)
    }

    /// The requirement of `untaughtSubject`: 2 periods a week a class, 23 periods a teacher.
    static func untaughtRequirement(classes: Int) -> Double {
        round2(Double(classes) * 2 / 23)
    }

    /// What one subject of a school needs, and the teachers its staff is drawn around.
    struct SubjectNeed {
        var subject: String
        /// The need of the school as it is (0 for a school that lost its classes).
        var required: Double
        /// Teachers a school staffed to the timetable has, before area and level effects.
        var typical: Double
        var staffing: Double
        var specialist: Bool
    }

    /// A school's subject needs under norm rules, in the order of the rules' subjects, and its
    /// fixed posts. `sized` is the school as it was staffed (its classes before `stress`).
    ///
    /// Schools are staffed to the timetable, not to the most the norm allows: the typical
    /// staff of a subject is its share of the school's maximum times, for the level, the
    /// timetable's teachers a class (`Curriculum.needs`, which the level shapes of
    /// `ProvincePreset.levelStaffing` are set against) over the rules' maximum a class of a
    /// regular school. So a regular school is staffed as without rules, and a school the rules
    /// allow more (boarding, specialised, infant groups, pupils above the class size) has
    /// proportionally more teachers.
    static func ruledNeeds(_ school: School, sized: School, rules: NormRules)
        -> (needs: [SubjectNeed], posts: [(subject: String, count: Double)]) {
        // SchoolKinds draws only schools the rules have figures for (the tests derive them all).
        guard let level = rules.levels[school.level],
              let asStaffed = try? NormEngine.derive(sized, rules: rules),
              let actual = try? NormEngine.derive(school, rules: rules) else {
            preconditionFailure("\(rules.name) has no norm for generated school \(school.id)")
        }
        let calibration = Curriculum.timetableShare(school.level, rules: rules)
        let postCounts = actual.posts
        let staffedNeed = Dictionary(asStaffed.needs.map { ($0.subject, $0.required) }, uniquingKeysWith: +)
        let actualNeed = Dictionary(actual.needs.map { ($0.subject, $0.required) }, uniquingKeysWith: +)
        var order: [String] = []
        for subject in level.subjects where !subject.spread && !order.contains(subject.subject) {
            order.append(subject.subject)
        }
        for need in asStaffed.needs where !order.contains(need.subject) { order.append(need.subject) }
        var needs: [SubjectNeed] = []
        for subject in order where postCounts[subject] == nil {
            let typical = (staffedNeed[subject] ?? 0) * calibration
            let perClass = sized.classes > 0 ? typical / Double(sized.classes) : 0
            needs.append(SubjectNeed(subject: subject, required: actualNeed[subject] ?? 0, typical: typical,
                                     staffing: Curriculum.subjectStaffing[subject] ?? 1, specialist: perClass < 0.15))
        }
        let posts = postCounts.sorted { $0.key < $1.key }.map { (subject: $0.key, count: $0.value) }
        return (needs, posts)
    }

    struct Draft {
        var school: School
        var area: Int
        var levelIndex: Int
        /// Classes the staff was sized for (differs from `school.classes` for a school that
        /// lost its classes under `stress`).
        var staffedClasses: Int
        /// Teachers against need: area kind x area x level.
        var staffing: Double
    }

    static func defaultName(_ options: GeneratorOptions, areaCount: Int) -> String {
        let place = options.province.map { "\($0.displayName) (synthetic)" } ?? "Synthetic province"
        return "\(place): \(options.schools) schools in \(areaCount) areas, seed \(options.seed)"
    }

    static func schoolName(level: Int, area: String, number: Int, of count: Int) -> String {
        if level == 0, number <= preschoolNames.count, count > 1 {
            return "\(levelNames[0]) \(preschoolNames[number - 1]) \(area)"
        }
        return count == 1 ? "\(levelNames[level]) \(area)" : "\(levelNames[level]) \(area) số \(number)"
    }

    static func round2(_ x: Double) -> Double { (x * 100).rounded() / 100 }

    /// Splits `total` in proportion to `weights`: floors, then the largest remainders (ties to
    /// the first).
    static func largestRemainder(total: Int, weights: [Double]) -> [Int] {
        let sum = weights.reduce(0, +)
        guard sum > 0, !weights.isEmpty else { return weights.map { _ in 0 } }
        let quotas = weights.map { Double(total) * $0 / sum }
        var counts = quotas.map { Int($0.rounded(.down)) }
        let order = quotas.indices.sorted { a, b in
            let (ra, rb) = (quotas[a] - Double(counts[a]), quotas[b] - Double(counts[b]))
            return ra != rb ? ra > rb : a < b
        }
        var left = total - counts.reduce(0, +)
        for index in order where left > 0 {
            counts[index] += 1
            left -= 1
        }
        return counts
    }

    /// Schools of each level in an area of `n` schools; an area of 3 or more has at least one
    /// preschool, primary and lower secondary school.
    static func levelCounts(_ n: Int, shares: [Double]) -> [Int] {
        var counts = largestRemainder(total: n, weights: shares)
        if n >= 3 {
            for level in 0..<3 where counts[level] == 0 {
                let donor = counts.indices.max { counts[$0] < counts[$1] }!
                counts[donor] -= 1
                counts[level] += 1
            }
        }
        return counts
    }

    /// Road-like distances: the great-circle distance times 1.25 (1.6 across water, between an
    /// island area and another area), to 0.1 km, for same-level pairs within `withinKm`.
    static func roadDistances(_ drafts: [Draft], areas: [AreaSpec], withinKm: Double) -> [DistanceRow] {
        var rows: [DistanceRow] = []
        let degreeKm = 111.2
        for level in Curriculum.levels.indices {
            let members = drafts.filter { $0.levelIndex == level }
            for i in members.indices {
                let a = members[i].school
                guard let lat1 = a.latitude, let lon1 = a.longitude else { continue }
                for j in (i + 1)..<members.count {
                    let b = members[j].school
                    guard let lat2 = b.latitude, let lon2 = b.longitude else { continue }
                    if abs(lat1 - lat2) * degreeKm * 1.25 > withinKm { continue }
                    let crossesWater = members[i].area != members[j].area
                        && (areas[members[i].area].kind == .island || areas[members[j].area].kind == .island)
                    let km = Geo.haversineKm(lat1: lat1, lon1: lon1, lat2: lat2, lon2: lon2) * (crossesWater ? 1.6 : 1.25)
                    let rounded = (km * 10).rounded() / 10
                    if rounded <= withinKm { rows.append(DistanceRow(from: a.id, to: b.id, km: rounded)) }
                }
            }
        }
        return rows
    }
}
