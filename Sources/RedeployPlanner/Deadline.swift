import LinearProgramming

/// The end of one run's time budget, shared by all its stages, so that `--time-limit` bounds
/// the whole run (network simplex, column generation, branch-and-cut, explanations) and not
/// each stage on its own.
public struct Deadline: Sendable {
    private let end: ContinuousClock.Instant?

    /// `seconds` from now; nil, or more than a year (infinity included), for no limit.
    public init(seconds: Double?) {
        guard let seconds, seconds < 365 * 86_400 else {
            end = nil
            return
        }
        end = ContinuousClock.now + .seconds(max(0, seconds))
    }

    /// Seconds left (0 once past), or nil without a limit.
    public var remaining: Double? {
        end.map { max(0, ($0 - ContinuousClock.now).inSeconds) }
    }

    public var hasPassed: Bool { remaining == 0 }
}
