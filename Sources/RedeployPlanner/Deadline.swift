/// The end of one run's time budget, shared by all its stages, so that `--time-limit` bounds
/// the whole run (network simplex, column generation, branch-and-cut, explanations) and not
/// each stage on its own.
public struct Deadline: Sendable {
    private let end: ContinuousClock.Instant?

    /// `seconds` from now; nil for no limit.
    public init(seconds: Double?) {
        end = seconds.map { ContinuousClock.now + .seconds($0) }
    }

    /// Seconds left (0 once past), or nil without a limit.
    public var remaining: Double? {
        end.map { max(0, seconds($0 - ContinuousClock.now)) }
    }

    public var hasPassed: Bool { remaining == 0 }
}
