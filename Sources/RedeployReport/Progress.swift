import Foundation

/// A one-line progress display on standard error for long solves: the stage, the time
/// elapsed, and from GLPK's log the simplex iteration and objective, or in branch-and-cut the
/// best plan found (its objective), the bound and the gap. The line is redrawn in place
/// (carriage return + erase line) at most a few times a second, and every second on its own
/// so the clock moves while GLPK is silent.
///
/// It is silent unless standard error is a terminal (`isatty(2)`): logs, pipes and CI see
/// nothing, and outputs stay byte-identical. Use with `solve`:
///
///     let progress = SolveProgress.standardError(enabled: !verbose)
///     progress.stage("solving")
///     let log = verbose ? printLog : progress.solverLog   // nil when not a terminal
///     ... Planner(options: .init(timeLimit: timeLimit, log: log)).solve(instance) ...
///     progress.stage("writing")
///     ...
///     progress.finish()   // before printing the summary on standard output
public final class SolveProgress: @unchecked Sendable {
    public let isEnabled: Bool
    private let write: @Sendable (String) -> Void
    private let lock = NSLock()
    private let start = ContinuousClock.now
    private var stageName = ""
    private var detail = ""
    private var passes = 0
    private var lastDraw: ContinuousClock.Instant?
    private var shownWidth = 0
    private var timer: DispatchSourceTimer?
    private var finished = false

    /// Progress on standard error when it is a terminal (and `enabled`: pass `!verbose` so it
    /// does not mix with GLPK's own log); otherwise a reporter that does nothing.
    public static func standardError(enabled: Bool = true) -> SolveProgress {
        SolveProgress(enabled: enabled && isatty(2) == 1) { text in FileHandle.standardError.write(Data(text.utf8)) }
    }

    /// `write` receives the text to print (with its control characters); `ticks` redraws every
    /// second from a background timer.
    public init(enabled: Bool, ticks: Bool = true, write: @escaping @Sendable (String) -> Void) {
        isEnabled = enabled
        self.write = write
        if enabled && ticks {
            let timer = DispatchSource.makeTimerSource(queue: DispatchQueue.global(qos: .utility))
            timer.schedule(deadline: .now() + 1, repeating: 1)
            timer.setEventHandler { [weak self] in self?.draw(force: true) }
            timer.resume()
            self.timer = timer
        }
    }

    deinit { timer?.cancel() }

    /// Starts a named stage ("loading", "solving", "checking", "writing").
    public func stage(_ name: String) {
        guard isEnabled else { return }
        lock.withLock {
            stageName = name
            detail = ""
            passes = 0
        }
        draw(force: true)
    }

    /// A log handler for `Planner.Options(log:)` that feeds this display, or nil when disabled
    /// (then GLPK stays quiet as without a log).
    public var solverLog: (@Sendable (String) -> Void)? {
        guard isEnabled else { return nil }
        return { [self] line in self.solverLine(line) }
    }

    /// One line of GLPK's terminal output.
    public func solverLine(_ line: String) {
        guard isEnabled, let update = Self.parse(line) else { return }
        lock.withLock {
            if update.newPass { passes += 1 }
            if let text = update.detail { detail = text }
        }
        draw(force: false)
    }

    /// Clears the line and stops the clock.
    public func finish() {
        guard isEnabled else { return }
        timer?.cancel()
        lock.withLock {
            guard !finished else { return }
            finished = true
            if shownWidth > 0 { write("\r\u{1B}[K") }
            shownWidth = 0
        }
    }

    /// The current line, without control characters (for tests).
    public var line: String {
        lock.withLock { render(elapsed: ContinuousClock.now - start) }
    }

    private func render(elapsed: Duration) -> String {
        var parts = ["redeploy: \(stageName.isEmpty ? "working" : stageName)\(passes > 1 ? " (pass \(passes))" : "")",
                     Self.clock(elapsed)]
        if !detail.isEmpty { parts.append(detail) }
        return parts.joined(separator: " · ")
    }

    private func draw(force: Bool) {
        guard isEnabled else { return }
        lock.withLock {
            guard !finished else { return }
            let now = ContinuousClock.now
            if !force, let last = lastDraw, now - last < .milliseconds(200) { return }
            lastDraw = now
            let text = render(elapsed: now - start)
            shownWidth = text.count
            write("\r\u{1B}[K" + text)
        }
    }

    static func clock(_ d: Duration) -> String {
        let seconds = Int(d.components.seconds)
        return seconds < 60 ? "\(seconds) s" : String(format: "%d:%02d", seconds / 60, seconds % 60)
    }

    struct Update: Equatable {
        var newPass = false
        var detail: String?
    }

    /// What a GLPK log line says: simplex `*  4645: obj = 9.5e+02 inf = 0.0e+00 (0)` or
    /// branch-and-cut `+  123: mip = 1.08e+02 >= 1.07e+02 0.4% (12; 0)`.
    static func parse(_ line: String) -> Update? {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("Integer optimization begins") {
            return Update(newPass: false, detail: "branch-and-cut: starting")
        }
        guard let colon = trimmed.firstIndex(of: ":") else { return nil }
        let head = trimmed[..<colon].filter { !$0.isWhitespace }
        let tokens = trimmed[trimmed.index(after: colon)...].split(separator: " ").map(String.init)
        if head.hasPrefix("+"), let mip = tokens.firstIndex(of: "mip"), mip + 2 < tokens.count {
            var parts: [String] = []
            let best = tokens[mip + 2]
            if let value = Double(best) { parts.append("best plan \(Format.fixed(value, 2))") } else { parts.append("no plan yet") }
            if let ge = tokens.firstIndex(of: ">="), ge + 1 < tokens.count, let bound = Double(tokens[ge + 1]) {
                parts.append("bound \(Format.fixed(bound, 2))")
            }
            if let gap = tokens.first(where: { $0.hasSuffix("%") }) { parts.append("gap \(gap)") }
            return Update(newPass: false, detail: "branch-and-cut: " + parts.joined(separator: ", "))
        }
        let digits = head.drop { $0 == "*" || $0 == "#" || $0 == " " }
        if let iteration = Int(digits), let obj = tokens.firstIndex(of: "obj"), obj + 2 < tokens.count, let value = Double(tokens[obj + 2]) {
            return Update(newPass: iteration == 0, detail: "simplex iteration \(iteration), objective \(Format.fixed(value, 2))")
        }
        return nil
    }
}
