import RedeployDomain

/// Who leaves in each year of a horizon. `GeneratorOptions.leavingRate` is the chance that a
/// teacher leaves in one school year: staff.csv's `leaving` holds the first year's leavers,
/// drawn as without a horizon, and each later year draws among the teachers still there, so
/// the leavers of a pair over all the years never exceed its teachers. Held posts (the fixed
/// posts of norm rules) lose nobody, as in staff.csv.
///
/// The draws come from their own stream of the seed (8), year by year and pair by pair in
/// staff.csv's order, so a shorter horizon is the first years of a longer one and no other
/// part of the scenario changes with a horizon.
enum LeaverSchedule {
    static let stream: UInt64 = 8

    /// The leavers of each staff row (by index) in each of `years` years, the first staff.csv's.
    static func leavers(_ staff: [StaffRow], years: Int, rate: Double, held: Set<String>, seed: UInt64) -> [[Int]] {
        var rng = SplitMix64(seed: seed, stream: stream)
        var out = staff.map { [$0.leaving] }
        var left = staff.map { max(0, $0.teachers - $0.leaving) }
        for _ in 1..<max(1, years) {
            for (i, row) in staff.enumerated() {
                var leaving = 0
                if !held.contains(row.subject) {
                    for _ in 0..<left[i] where rng.bernoulli(rate) { leaving += 1 }
                }
                left[i] -= leaving
                out[i].append(leaving)
            }
        }
        return out
    }
}
