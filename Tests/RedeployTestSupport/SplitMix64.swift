/// SplitMix64 (Steele, Lea and Flood 2014): a tiny seeded generator, so that every "random"
/// test input is the same on every run and every machine, and a failure can be replayed.
/// The state starts at the seed itself and no output is skipped, as in the copies the tests
/// had before this one. (The scenario generator has its own, with streams: that one is
/// product code and must not change with the tests.)
public struct SplitMix64: RandomNumberGenerator, Sendable {
    public var state: UInt64

    public init(seed: UInt64) { state = seed }

    @inlinable
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
