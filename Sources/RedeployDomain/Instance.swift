import Foundation

/// The pairs (school, subject) of docs/MODEL.md section 2 with their numbers, the transfer
/// rules of the policy and the distances: everything a model or a checker needs, indexed.
///
/// Schools are sorted by id and subjects by code, and pairs by (school, subject), so that
/// everything built from an instance comes out in the same order for the same scenario.
public struct Instance: Sendable {
    public struct Pair: Sendable, Equatable {
        public var school: Int
        public var subject: Int
        public var teachers: Int
        public var leaving: Int
        public var required: Double
        /// Staying teachers who hold a fixed post the norms give this school (the Young Pioneer
        /// leader, `NormRules`): they are neither moved nor released while the norm asks for
        /// the post, so a plan never pays for a hire with that post.
        public var held: Int = 0
        /// t - l: the staff if nothing is done.
        public var staying: Int { teachers - leaving }
        /// Staying teachers a plan may transfer or release (constraint 1's right-hand side).
        public var movable: Int { staying - held }
    }

    public let name: String
    public let schools: [School]
    public let subjects: [String]
    public let pairs: [Pair]
    public let policy: Policy
    public let costs: Costs
    /// pairs[pairRanges[s]] are the pairs of school s.
    public let pairRanges: [Range<Int>]
    /// canCover[a] = the subjects (sorted) that subject-a teachers may teach: a itself and
    /// every b with (a teaches b) in the qualifications.
    public let canCover: [[Int]]
    public let schoolIndex: [String: Int]
    public let subjectIndex: [String: Int]
    /// locks.csv's rows (docs/MODEL.md section 8), bounds rounded inward for whole teachers.
    public let locks: [LockRule]
    private let listedKm: [SchoolPairKey: Double]
    /// What `transferCost` asks of every school, without copying a `School` (its strings)
    /// for each of the millions of candidate arcs of a large province.
    private let places: [Place]

    /// A school's level and area as small numbers, its coordinates, and cos(latitude), which
    /// the haversine formula needs for every pair it is in.
    struct Place: Sendable {
        var level: Int32
        var area: Int32
        var latitude: Double
        var longitude: Double
        var cosLatitude: Double
        var hasCoordinates: Bool
    }

    struct SchoolPairKey: Hashable, Sendable {
        let low: Int32, high: Int32
        init(_ a: Int, _ b: Int) {
            low = Int32(min(a, b))
            high = Int32(max(a, b))
        }
    }

    /// Derives the instance. The scenario must have passed validation (ids unique and known,
    /// numbers in range); this initializer does not check again.
    public init(_ scenario: Scenario) {
        name = scenario.name
        policy = scenario.policy
        costs = scenario.costs
        schools = scenario.schools.sorted { $0.id < $1.id }
        schoolIndex = Dictionary(uniqueKeysWithValues: schools.enumerated().map { ($1.id, $0) })

        let normByLevel = Self.normTable(scenario.norms)
        let schoolNorms = Self.schoolNorms(schools, scenario.normRules)
        var subjectSet = Set(scenario.staff.map(\.subject))
        for (_, subjects) in normByLevel { subjectSet.formUnion(subjects.keys) }
        for norms in schoolNorms { subjectSet.formUnion(norms.needs.keys) }
        for q in scenario.policy.qualifications { subjectSet.insert(q.teacher); subjectSet.insert(q.teaches) }
        subjects = subjectSet.sorted()
        subjectIndex = Dictionary(uniqueKeysWithValues: subjects.enumerated().map { ($1, $0) })

        var covers = [Set<Int>](repeating: [], count: subjects.count)
        for a in subjects.indices { covers[a].insert(a) }
        var taughtBy = [[Int]](repeating: [], count: subjects.count)
        for q in scenario.policy.qualifications {
            let (a, b) = (subjectIndex[q.teacher]!, subjectIndex[q.teaches]!)
            covers[a].insert(b)
            taughtBy[b].append(a)
        }
        canCover = covers.map { $0.sorted() }

        let built = Self.buildPairs(scenario: scenario, schools: schools, schoolIndex: schoolIndex,
                                    subjects: subjects, subjectIndex: subjectIndex,
                                    normByLevel: normByLevel, schoolNorms: schoolNorms, taughtBy: taughtBy)
        pairs = built.pairs
        pairRanges = built.ranges

        var km: [SchoolPairKey: Double] = [:]
        for row in scenario.distances {
            if let a = schoolIndex[row.from], let b = schoolIndex[row.to] { km[SchoolPairKey(a, b)] = row.km }
        }
        listedKm = km
        places = Self.places(schools)
        locks = LockRule.resolve(scenario.horizon == nil ? scenario.locks : [], schoolIndex: schoolIndex,
                                 subjectIndex: subjectIndex, years: nil, whole: !scenario.policy.sharing)
    }

    private static func places(_ schools: [School]) -> [Place] {
        var levels: [String: Int32] = [:], areas: [String: Int32] = [:]
        return schools.map { school in
            let level = levels[school.level] ?? { levels[school.level] = Int32(levels.count); return Int32(levels.count - 1) }()
            let area = areas[school.area] ?? { areas[school.area] = Int32(areas.count); return Int32(areas.count - 1) }()
            guard let lat = school.latitude, let lon = school.longitude else {
                return Place(level: level, area: area, latitude: 0, longitude: 0, cosLatitude: 0, hasCoordinates: false)
            }
            return Place(level: level, area: area, latitude: lat, longitude: lon,
                         cosLatitude: Geo.cosOfDegrees(lat), hasCoordinates: true)
        }
    }

    private static func normTable(_ norms: [NormRow]?) -> [String: [String: Double]] {
        var table: [String: [String: Double]] = [:]
        for row in norms ?? [] { table[row.level, default: [:]][row.subject] = row.perClass }
        return table
    }

    /// A school's needs and fixed posts under norm rules.
    struct SchoolNorms {
        var needs: [String: Double] = [:]
        var posts: [String: Double] = [:]
    }

    /// Each school's needs under `rules` (none for a school whose level the rules do not know:
    /// the loader has already warned, and refused any other failure).
    private static func schoolNorms(_ schools: [School], _ rules: NormRules?) -> [SchoolNorms] {
        guard let rules else { return [] }
        return schools.map { school in
            guard let derived = try? NormEngine.derive(school, rules: rules) else { return SchoolNorms() }
            return SchoolNorms(needs: Dictionary(derived.needs.map { ($0.subject, $0.required) }, uniquingKeysWith: +),
                               posts: derived.posts)
        }
    }

    private static func buildPairs(scenario: Scenario, schools: [School], schoolIndex: [String: Int],
                                   subjects: [String], subjectIndex: [String: Int], normByLevel: [String: [String: Double]],
                                   schoolNorms: [SchoolNorms], taughtBy: [[Int]]) -> (pairs: [Pair], ranges: [Range<Int>]) {
        var listed = [[Int: StaffRow]](repeating: [:], count: schools.count)
        for row in scenario.staff {
            if let s = schoolIndex[row.schoolID], let a = subjectIndex[row.subject] { listed[s][a] = row }
        }
        var pairs: [Pair] = []
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(schools.count)
        for (s, school) in schools.enumerated() {
            // Per-class tables (a pair wherever per_class > 0, classes or not) or per-school rules.
            let perClass = normByLevel[school.level] ?? [:]
            let ruled = schoolNorms.isEmpty ? SchoolNorms() : schoolNorms[s]
            var present = Set(listed[s].keys)
            for (subject, figure) in perClass where figure > 0 { present.insert(subjectIndex[subject]!) }
            for (subject, need) in ruled.needs where need > 0 { present.insert(subjectIndex[subject]!) }
            // Qualified teachers may be brought in for a subject they cover: close the set.
            var frontier = Array(present)
            while let b = frontier.popLast() {
                for a in taughtBy[b] where !present.contains(a) {
                    present.insert(a)
                    frontier.append(a)
                }
            }
            let start = pairs.count
            for a in present.sorted() {
                let row = listed[s][a]
                let staying = (row?.teachers ?? 0) - (row?.leaving ?? 0)
                let fromNorms = ruled.needs[subjects[a]] ?? perClass[subjects[a]].map { $0 * Double(school.classes) }
                // Held only while the norm asks for the post: a required cell of staff.csv wins.
                let asked = row?.required ?? ruled.posts[subjects[a]] ?? 0
                let post = Int(min(ruled.posts[subjects[a]] ?? 0, asked).rounded(.down))
                pairs.append(Pair(school: s, subject: a, teachers: row?.teachers ?? 0, leaving: row?.leaving ?? 0,
                                  required: row?.required ?? fromNorms ?? 0, held: min(max(0, staying), post)))
            }
            ranges.append(start..<pairs.count)
        }
        return (pairs, ranges)
    }

    /// The index of pair (school, subject), if it is a pair.
    public func pairIndex(school: Int, subject: Int) -> Int? {
        var range = pairRanges[school]
        while !range.isEmpty {
            let mid = range.lowerBound + range.count / 2
            let s = pairs[mid].subject
            if s == subject { return mid }
            range = s < subject ? (mid + 1)..<range.upperBound : range.lowerBound..<mid
        }
        return nil
    }

    /// km(i, j) of docs/MODEL.md 3.3: listed in distances.csv, else haversine from coordinates,
    /// else nil.
    public func km(_ i: Int, _ j: Int) -> Double? {
        if !listedKm.isEmpty, let listed = listedKm[SchoolPairKey(i, j)] { return listed }
        let (a, b) = (places[i], places[j])
        guard a.hasCoordinates && b.hasCoordinates else { return nil }
        return Geo.haversineKm(lat1: a.latitude, lon1: a.longitude, lat2: b.latitude, lon2: b.longitude,
                               cosLat1: a.cosLatitude, cosLat2: b.cosLatitude)
    }

    /// Whether the policy lets teachers move from school i to school j (subject aside).
    public func transferAllowed(from i: Int, to j: Int) -> Bool {
        transferCost(from: i, to: j) != nil
    }

    /// The unit cost of moving a teacher from i to j, or nil where the policy forbids it.
    /// The distance is computed once for both questions: model builders call this for every
    /// candidate arc.
    public func transferCost(from i: Int, to j: Int) -> Double? {
        if i == j { return nil }
        let (a, b) = (places[i], places[j])
        if policy.sameLevel && a.level != b.level { return nil }
        if policy.transferScope == .area && a.area != b.area { return nil }
        if let cap = policy.maxDistanceKm, Self.surelyFartherThan(cap, a, b),
           listedKm.isEmpty || listedKm[SchoolPairKey(i, j)] == nil {
            return nil
        }
        let d = km(i, j)
        if let cap = policy.maxDistanceKm, let d, d > cap { return nil }
        return costs.move + costs.perKm * (d ?? 0)
    }

    /// A great circle is at least as long as its change of latitude, R |dlat|: when that alone
    /// exceeds the cap (with a margin far above rounding), the haversine need not be computed.
    private static func surelyFartherThan(_ cap: Double, _ a: Place, _ b: Place) -> Bool {
        guard a.hasCoordinates && b.hasCoordinates else { return false }
        let arc = Geo.earthRadiusKm * abs(b.latitude - a.latitude) * (Double.pi / 180)
        return arc > cap * (1 + 1e-9) + 1e-9
    }

    /// Unit cost of moving one teacher from i to j: move + per_km x km (unknown km counts 0).
    public func moveCost(from i: Int, to j: Int) -> Double {
        costs.move + costs.perKm * (km(i, j) ?? 0)
    }
}

public enum Geo {
    public static let earthRadiusKm = 6371.0

    /// Great-circle distance on a sphere of radius 6371.0 km (docs/MODEL.md 3.3).
    public static func haversineKm(lat1: Double, lon1: Double, lat2: Double, lon2: Double) -> Double {
        haversineKm(lat1: lat1, lon1: lon1, lat2: lat2, lon2: lon2, cosLat1: cosOfDegrees(lat1), cosLat2: cosOfDegrees(lat2))
    }

    /// The same, with cos(lat) of each end already known (`cosOfDegrees`): the same value to
    /// the last bit, computed once per school instead of once per pair.
    static func haversineKm(lat1: Double, lon1: Double, lat2: Double, lon2: Double,
                            cosLat1: Double, cosLat2: Double) -> Double {
        let rad = Double.pi / 180
        let dLat = (lat2 - lat1) * rad
        let dLon = (lon2 - lon1) * rad
        let h = sinHalfSquared(dLat) + cosLat1 * cosLat2 * sinHalfSquared(dLon)
        return 2 * earthRadiusKm * asin(min(1, h.squareRoot()))
    }

    static func cosOfDegrees(_ degrees: Double) -> Double {
        cos(degrees * (Double.pi / 180))
    }

    private static func sinHalfSquared(_ x: Double) -> Double {
        let s = sin(x / 2)
        return s * s
    }
}
