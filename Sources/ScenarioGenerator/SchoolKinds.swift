import RedeployDomain

/// The attributes per-school norm rules size a school by (pupils, region, sessions, type,
/// infant groups), drawn for `GeneratorOptions.normRules`. Every combination drawn is one the
/// rules preset has a figure for: no boarding primary, no specialised lower secondary.
///
/// The draws come from their own stream of the seed (6), four per school whatever the school,
/// so that the option changes no other stream and the schools of one area never shift the
/// draws of another's.
enum SchoolKinds {
    static let stream: UInt64 = 6

    /// Region of Circular 20/2023 art. 3 by the kind of area: disadvantaged areas are region 1
    /// (the smallest classes), rural lowlands region 2, cities and towns region 3.
    static func region(_ kind: AreaKind) -> Int {
        switch kind {
        case .mountain, .island, .remote: return 1
        case .rural: return 2
        case .urban, .town: return 3
        }
    }

    /// Pupils a class the generator aims at, by level and region: the regional class sizes of
    /// Circular 20/2023 art. 3 (primary 25/30/35, secondary 35/40/45); preschool about 25.
    static func classSize(level: Int, region: Int) -> Int {
        switch level {
        case 0: return 25
        case 1: return [25, 30, 35][region - 1]
        default: return [35, 40, 45][region - 1]
        }
    }

    /// Pupils over (classes x class size): most schools a little below their class size, some
    /// above it (which brings extra teachers under the rules).
    static let pupilFactor = 0.85...1.12
    /// Share of primary schools in disadvantaged areas that teach one session a day.
    static let oneSessionShare = 0.15
    /// Lower-secondary schools in mountain and remote areas: ethnic boarding (PTDTNT) and
    /// semi-boarding (PTDTBT) shares.
    static let boardingShare = 0.10
    static let semiBoardingShare = 0.30
    /// Primary schools in mountain areas that are semi-boarding (PTDTBT tiểu học).
    static let primarySemiBoardingShare = 0.10
    /// Schools for pupils with disabilities, among lower-secondary and primary schools.
    static let lowerSecondaryDisabilityShare = 0.03
    static let primaryDisabilityShare = 0.02
    /// Preschool: share of the classes that are infant groups (nhóm trẻ).
    static let infantGroupShare = 0.20...0.35

    /// The attributes of each draft's school, in draft order, for `classes` classes each
    /// (the classes a school was staffed for: a school that lost its classes under `stress`
    /// is sized as it was).
    static func draw(_ drafts: [ScenarioGenerator.Draft], areas: [AreaSpec], seed: UInt64) -> [Attributes] {
        var rng = SplitMix64(seed: seed, stream: stream)
        var out: [Attributes] = []
        out.reserveCapacity(drafts.count)
        for draft in drafts {
            let (u1, u2, u3, u4) = (rng.uniform(), rng.uniform(), rng.uniform(), rng.uniform())
            let kind = areas[draft.area].kind
            let level = draft.levelIndex
            let classes = draft.staffedClasses
            let region = region(kind)
            let factor = pupilFactor.lowerBound + (pupilFactor.upperBound - pupilFactor.lowerBound) * u1
            let pupils = Int((Double(classes * classSize(level: level, region: region)) * factor).rounded())
            var type = SchoolType.regular
            var sessions = 2
            var infantGroups = 0
            switch level {
            case 0:
                let share = infantGroupShare.lowerBound + (infantGroupShare.upperBound - infantGroupShare.lowerBound) * u4
                infantGroups = min(classes, Int((Double(classes) * share).rounded()))
            case 1:
                if kind == .mountain, u3 < primarySemiBoardingShare {
                    type = .semiBoarding
                } else if u3 >= 1 - primaryDisabilityShare {
                    type = .disability
                } else if kind.isDisadvantaged, u2 < oneSessionShare {
                    sessions = 1  // semi-boarding and disability schools keep their pupils all day
                }
            case 2:
                if kind == .mountain || kind == .remote, u3 < boardingShare {
                    type = .boarding
                } else if kind == .mountain || kind == .remote, u3 < boardingShare + semiBoardingShare {
                    type = .semiBoarding
                } else if u3 >= 1 - lowerSecondaryDisabilityShare {
                    type = .disability
                }
            default:
                break  // upper secondary: regular, but for the two schools `special` picks
            }
            out.append(Attributes(pupils: pupils, region: region, sessions: sessions, type: type, infantGroups: infantGroups))
        }
        for (index, type) in special(drafts, areas: areas) { out[index].type = type }
        return out
    }

    struct Attributes: Equatable {
        var pupils: Int
        var region: Int
        var sessions: Int
        var type: SchoolType
        var infantGroups: Int
    }

    /// One specialised upper-secondary school (THPT chuyên) in the most urban area that has an
    /// upper-secondary school, and one provincial ethnic boarding school (PTDTNT tỉnh) in the
    /// largest mountain area that has one, if the province has a mountain area. Each is the
    /// first upper-secondary school of its area. Indices into `drafts`.
    static func special(_ drafts: [ScenarioGenerator.Draft], areas: [AreaSpec]) -> [(Int, SchoolType)] {
        var firstUpper: [Int: Int] = [:]
        for (index, draft) in drafts.enumerated() where draft.levelIndex == 3 && firstUpper[draft.area] == nil {
            firstUpper[draft.area] = index
        }
        let urbanity: [AreaKind] = [.urban, .town, .rural, .remote, .mountain, .island]
        func largestFirst(_ a: Int, _ b: Int) -> Bool {
            areas[a].weight != areas[b].weight ? areas[a].weight > areas[b].weight : a < b
        }
        var picks: [(Int, SchoolType)] = []
        let byUrbanity = areas.indices.sorted { a, b in
            let (ra, rb) = (urbanity.firstIndex(of: areas[a].kind)!, urbanity.firstIndex(of: areas[b].kind)!)
            return ra != rb ? ra < rb : largestFirst(a, b)
        }
        if let area = byUrbanity.first(where: { firstUpper[$0] != nil }) {
            picks.append((firstUpper[area]!, .specialised))
        }
        let mountains = areas.indices.filter { areas[$0].kind == .mountain }.sorted(by: largestFirst)
        if let area = mountains.first(where: { firstUpper[$0] != nil }), !picks.contains(where: { $0.0 == firstUpper[area]! }) {
            picks.append((firstUpper[area]!, .provincialBoarding))
        }
        return picks
    }
}
