/// A small seeded generator (SplitMix64, Steele, Lea and Flood 2014) with the few draws the
/// generator needs, all in plain integer and IEEE arithmetic, so the same seed gives the same
/// numbers on every platform and every Swift version. (The standard library's random APIs
/// promise no such thing, and `SystemRandomNumberGenerator` is not seedable at all.)
public struct SplitMix64: Sendable {
    private var state: UInt64

    /// `stream` separates independent sequences drawn from one seed.
    public init(seed: UInt64, stream: UInt64 = 0) {
        state = seed ^ (stream &* 0xD1B5_4A32_D192_ED03)
        _ = next()
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1), 53 bits.
    public mutating func uniform() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// Uniform in [low, high).
    public mutating func uniform(_ low: Double, _ high: Double) -> Double {
        low + (high - low) * uniform()
    }

    /// Uniform integer in the range (the modulo bias is below 2^-50 for the ranges used here).
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    /// Approximately standard normal: the Irwin-Hall sum of four uniforms, rescaled (mean 0,
    /// variance 1, bounded by +-3.46). No logarithms or cosines, so bit-identical everywhere.
    public mutating func normal() -> Double {
        let sum = uniform() + uniform() + uniform() + uniform()
        return (sum - 2) * 3.0.squareRoot()
    }

    public mutating func bernoulli(_ p: Double) -> Bool {
        uniform() < p
    }

    /// floor(x) plus one with probability frac(x): an integer with expectation x (x >= 0).
    public mutating func stochasticRound(_ x: Double) -> Int {
        guard x > 0 else { return 0 }
        let whole = x.rounded(.down)
        return Int(whole) + (bernoulli(x - whole) ? 1 : 0)
    }

    /// Fisher-Yates, written out so its order never depends on the standard library's choice.
    public mutating func shuffle<T>(_ items: inout [T]) {
        guard items.count > 1 else { return }
        for i in stride(from: items.count - 1, to: 0, by: -1) {
            let j = Int(next() % UInt64(i + 1))
            if i != j { items.swapAt(i, j) }
        }
    }
}
