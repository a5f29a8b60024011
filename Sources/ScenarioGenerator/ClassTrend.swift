/// How the classes of a school change over a horizon: cities and (industrial) towns draw
/// families and grow, rural, remote, mountain and island areas lose pupils and shrink, a few
/// percent a year. Each school has its own yearly rate, drawn once within its area kind's
/// range, so a shorter horizon is the first years of a longer one.
///
/// The draws come from their own stream of the seed (7), one per school whatever the school,
/// so that no other part of the scenario changes with a horizon.
enum ClassTrend {
    static let stream: UInt64 = 7

    /// The yearly change of classes, by area kind; never crossing 0, so that classes only grow
    /// in growing areas and only shrink in shrinking ones.
    static func yearlyRate(_ kind: AreaKind) -> ClosedRange<Double> {
        switch kind {
        case .urban: return 0.01...0.03
        case .town: return 0.02...0.04  // industrial parks: the fastest growth
        case .rural: return -0.025...(-0.01)
        case .remote: return -0.03...(-0.01)
        case .mountain: return -0.035...(-0.015)
        case .island: return -0.02...0
        }
    }

    /// The classes of each school (by index) in each of `years` years, the first today's:
    /// today's classes compounded at the school's rate, rounded to whole classes. Compounding
    /// is repeated multiplication, the same bits on every platform; rounding a monotone
    /// sequence keeps it monotone.
    static func classes(today: [Int], kinds: [AreaKind], years: Int, seed: UInt64) -> [[Int]] {
        var rng = SplitMix64(seed: seed, stream: stream)
        return zip(today, kinds).map { classes, kind in
            let range = yearlyRate(kind)
            let rate = rng.uniform(range.lowerBound, range.upperBound)
            var path = [classes]
            var level = Double(classes)
            for _ in 1..<max(1, years) {
                level *= 1 + rate
                path.append(Int(level.rounded()))
            }
            return path
        }
    }
}
