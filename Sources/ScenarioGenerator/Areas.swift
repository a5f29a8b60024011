/// The kind of an area, which sets the shape of its schools: size, staffing, spread, priority.
/// Mountain, island and remote (disadvantaged lowland, "vùng khó") areas are disadvantaged:
/// smaller schools, shortage, priority above 1.
public enum AreaKind: String, Sendable, Equatable, CaseIterable {
    case urban, town, rural, remote, mountain, island

    public var isDisadvantaged: Bool {
        switch self {
        case .urban, .town, .rural: return false
        case .remote, .mountain, .island: return true
        }
    }

    /// Teachers against need on average (the surplus in the cities, shortage far away).
    var staffing: Double {
        switch self {
        case .urban: return 1.08
        case .town: return 1.03
        case .rural: return 0.98
        case .remote: return 0.9
        case .mountain: return 0.87
        case .island: return 0.84
        }
    }

    public var defaultPriority: Double {
        switch self {
        case .urban, .town, .rural: return 1
        case .remote: return 1.3
        case .mountain, .island: return 1.5
        }
    }

    /// Share of a province's schools, before normalisation.
    var schoolWeight: Double {
        switch self {
        case .urban: return 1.5
        case .town: return 1.1
        case .rural: return 1.0
        case .remote: return 0.9
        case .mountain: return 0.85
        case .island: return 0.35
        }
    }

    /// Standard deviation of school positions around the area's centre, in degrees.
    var spreadDegrees: Double {
        switch self {
        case .urban: return 0.035
        case .town: return 0.045
        case .rural, .remote: return 0.06
        case .mountain: return 0.075
        case .island: return 0.025
        }
    }

    /// Shares of preschool, primary, lower and upper secondary schools.
    var levelShares: [Double] {
        isDisadvantaged ? [0.36, 0.35, 0.24, 0.05] : [0.35, 0.33, 0.24, 0.08]
    }

    /// Classes per school by level (index into Curriculum.levels).
    func classes(level: Int) -> ClosedRange<Int> {
        switch (level, self) {
        case (0, .urban): return 9...20
        case (0, .town): return 7...15
        case (0, .rural): return 6...13
        case (0, .remote): return 5...11
        case (0, .mountain): return 4...9
        case (0, .island): return 3...7
        case (1, .urban): return 18...34
        case (1, .town): return 14...26
        case (1, .rural): return 10...21
        case (1, .remote): return 9...18
        case (1, .mountain): return 7...16
        case (1, .island): return 5...12
        case (2, .urban): return 15...30
        case (2, .town): return 11...22
        case (2, .rural): return 8...17
        case (2, .remote): return 7...14
        case (2, .mountain): return 4...12
        case (2, .island): return 4...8
        case (3, .urban): return 27...45
        case (3, .town): return 22...38
        case (3, .rural): return 18...32
        case (3, .remote): return 15...27
        case (3, .mountain): return 12...24
        case (_, _): return 6...12  // upper secondary on an island
        }
    }
}

/// One area of a province: a former district or a commune cluster.
public struct AreaSpec: Sendable, Equatable {
    public var name: String
    /// Short ASCII code used in school ids.
    public var code: String
    public var kind: AreaKind
    public var priority: Double
    public var latitude: Double
    public var longitude: Double
    /// Relative share of the province's schools.
    public var weight: Double

    public init(name: String, code: String, kind: AreaKind, priority: Double? = nil,
                latitude: Double, longitude: Double, weight: Double? = nil) {
        self.name = name
        self.code = code
        self.kind = kind
        self.priority = priority ?? kind.defaultPriority
        self.latitude = latitude
        self.longitude = longitude
        self.weight = weight ?? kind.schoolWeight
    }
}

/// Provinces whose shape the bundled scenarios follow: real area names and approximate centres,
/// synthetic schools and staff.
public enum ProvincePreset: String, Sendable, CaseIterable {
    case quangNinh = "quang-ninh"
    case socTrang = "soc-trang"

    public var displayName: String {
        switch self {
        case .quangNinh: return "Quảng Ninh"
        case .socTrang: return "Sóc Trăng"
        }
    }

    /// The 13 district-level units of Quảng Ninh; the 11 of Sóc Trăng (before the 2025 merger).
    public var areas: [AreaSpec] {
        switch self {
        case .quangNinh:
            return [
                AreaSpec(name: "Hạ Long", code: "HL", kind: .urban, latitude: 20.955, longitude: 107.075, weight: 3.0),
                AreaSpec(name: "Cẩm Phả", code: "CP", kind: .urban, latitude: 21.015, longitude: 107.29, weight: 1.8),
                AreaSpec(name: "Uông Bí", code: "UB", kind: .urban, latitude: 21.04, longitude: 106.77, weight: 1.2),
                AreaSpec(name: "Móng Cái", code: "MC", kind: .urban, latitude: 21.525, longitude: 107.96, weight: 1.1),
                AreaSpec(name: "Đông Triều", code: "DT", kind: .town, latitude: 21.085, longitude: 106.52, weight: 1.5),
                AreaSpec(name: "Quảng Yên", code: "QY", kind: .town, latitude: 20.94, longitude: 106.81, weight: 1.4),
                AreaSpec(name: "Vân Đồn", code: "VD", kind: .island, latitude: 21.07, longitude: 107.42, weight: 0.6),
                AreaSpec(name: "Tiên Yên", code: "TY", kind: .mountain, latitude: 21.33, longitude: 107.40, weight: 0.7),
                AreaSpec(name: "Bình Liêu", code: "BL", kind: .mountain, priority: 2, latitude: 21.53, longitude: 107.40, weight: 0.5),
                AreaSpec(name: "Ba Chẽ", code: "BC", kind: .mountain, priority: 2, latitude: 21.27, longitude: 107.28, weight: 0.5),
                AreaSpec(name: "Đầm Hà", code: "DH", kind: .rural, latitude: 21.35, longitude: 107.60, weight: 0.5),
                AreaSpec(name: "Hải Hà", code: "HH", kind: .rural, latitude: 21.45, longitude: 107.75, weight: 0.8),
                AreaSpec(name: "Cô Tô", code: "CT", kind: .island, priority: 2, latitude: 20.98, longitude: 107.76, weight: 0.25),
            ]
        case .socTrang:
            return [
                AreaSpec(name: "Sóc Trăng", code: "ST", kind: .urban, latitude: 9.60, longitude: 105.97, weight: 1.6),
                AreaSpec(name: "Châu Thành", code: "CH", kind: .rural, latitude: 9.69, longitude: 105.90, weight: 1.0),
                AreaSpec(name: "Kế Sách", code: "KS", kind: .rural, latitude: 9.77, longitude: 105.99, weight: 1.2),
                AreaSpec(name: "Mỹ Tú", code: "MT", kind: .rural, latitude: 9.63, longitude: 105.80, weight: 1.0),
                AreaSpec(name: "Cù Lao Dung", code: "CL", kind: .island, latitude: 9.65, longitude: 106.20, weight: 0.6),
                AreaSpec(name: "Long Phú", code: "LP", kind: .rural, latitude: 9.61, longitude: 106.12, weight: 0.9),
                AreaSpec(name: "Mỹ Xuyên", code: "MX", kind: .rural, latitude: 9.55, longitude: 105.98, weight: 1.1),
                AreaSpec(name: "Ngã Năm", code: "NN", kind: .town, latitude: 9.56, longitude: 105.60, weight: 0.7),
                AreaSpec(name: "Thạnh Trị", code: "TT", kind: .remote, latitude: 9.47, longitude: 105.72, weight: 0.8),
                AreaSpec(name: "Vĩnh Châu", code: "VC", kind: .remote, latitude: 9.33, longitude: 105.98, weight: 1.1),
                AreaSpec(name: "Trần Đề", code: "TD", kind: .remote, latitude: 9.52, longitude: 106.20, weight: 0.9),
            ]
        }
    }

    /// Staffing against need by level, on top of the area's, set so that teachers per class
    /// come near the national actuals (2024-25: primary 1.40, lower secondary 1.73, upper
    /// secondary 2.01; preschool short of its 2.2, in Sóc Trăng at about 1.7). Generic
    /// provinces use Quảng Ninh's.
    public var levelStaffing: [String: Double] {
        switch self {
        case .quangNinh: return ["preschool": 0.93, "primary": 1.01, "lower_secondary": 1.0, "upper_secondary": 1.03]
        case .socTrang: return ["preschool": 0.79, "primary": 1.0, "lower_secondary": 0.99, "upper_secondary": 1.02]
        }
    }
}

enum AreaPlanner {
    /// Areas for a generic province of `count` areas: names "Khu vực 01"..., kinds in realistic
    /// proportions (about 20% urban, 15% town, 30% disadvantaged, the rest rural) in an order
    /// drawn from the seed, centres on a jittered grid about 33 km apart in northern Vietnam.
    static func generic(count: Int, seed: UInt64) -> [AreaSpec] {
        guard count > 0 else { return [] }
        var rng = SplitMix64(seed: seed, stream: 1)
        func share(_ x: Double) -> Int { Int((Double(count) * x).rounded()) }
        let urban = max(1, share(0.2))
        let disadvantaged = count >= 2 ? max(1, share(0.3)) : 0
        let island = count >= 8 ? max(1, share(0.08)) : 0
        let remote = count >= 6 ? share(0.08) : 0
        let mountain = disadvantaged - island - remote
        let town = max(0, min(share(0.15), count - urban - disadvantaged))
        let rural = count - urban - disadvantaged - town
        var kinds = [AreaKind](repeating: .urban, count: urban)
            + [AreaKind](repeating: .town, count: town) + [AreaKind](repeating: .rural, count: rural)
            + [AreaKind](repeating: .remote, count: remote) + [AreaKind](repeating: .mountain, count: mountain)
            + [AreaKind](repeating: .island, count: island)
        rng.shuffle(&kinds)

        let columns = Int(Double(count).squareRoot().rounded(.up))
        let digits = max(2, String(count).count)
        return kinds.enumerated().map { index, kind in
            let number = String(index + 1).leftPadded(to: digits)
            let row = Double(index / columns), column = Double(index % columns)
            let lat = 20.6 + 0.3 * row + rng.uniform(-0.07, 0.07)
            let lon = 105.4 + 0.3 * column + rng.uniform(-0.07, 0.07)
            return AreaSpec(name: "Khu vực \(number)", code: "K\(number)", kind: kind,
                            latitude: Geometry.round5(lat), longitude: Geometry.round5(lon))
        }
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}

enum Geometry {
    static func round5(_ x: Double) -> Double { (x * 100_000).rounded() / 100_000 }
}
