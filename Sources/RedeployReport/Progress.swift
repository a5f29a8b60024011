import Foundation

/// Progress of a long solve on standard error: the stage, the time elapsed, and from GLPK's log
/// the simplex iteration and objective, or in branch-and-cut the best plan found (its
/// objective), the bound and the gap.
///
/// Two styles. On a terminal (`isatty(2)`) one line is redrawn in place (carriage return +
/// erase line) at most a few times a second, and every second on its own so the clock moves
/// while GLPK is silent. Elsewhere (a log, a pipe, CI) a whole line is written only after a
/// stretch of silence (10 s): quick solves print nothing, and a long one still says what it
/// is doing, so that nobody mistakes a long solve for a hung one. Outputs stay byte-identical
/// either way: this is standard error only. Use with `solve`:
///
///     let progress = SolveProgress.standardError(animated: !verbose)
///     progress.stage("solving")
///     let log = verbose ? printLog : progress.solverLog
///     ... Planner(options: .init(timeLimit: timeLimit, log: log)).solve(instance) ...
///     progress.stage("writing")
///     ...
///     progress.finish()   // before printing the summary on standard output
public final class SolveProgress: @unchecked Sendable {
    public enum Style: Sendable, Equatable {
        /// One line redrawn in place, for a terminal.
        case line
        /// A whole line after each `silence` without output, for logs and pipes.
        case heartbeat(silence: Duration)
    }

    /// nil: prints nothing at all.
    public let style: Style?
    public var isEnabled: Bool { style != nil }
    private let write: @Sendable (String) -> Void
    private let lock = NSLock()
    private let start = ContinuousClock.now
    private var stageName = ""
    private var detail = ""
    private var passes = 0
    private var lastDraw: ContinuousClock.Instant?
    private var lastWrite = ContinuousClock.now
    private var shownWidth = 0
    private var timer: DispatchSourceTimer?
    private var finished = false

    /// On a terminal, the redrawn line (when `animated`: pass `!verbose` so it does not mix
    /// with GLPK's own log); otherwise, and under --verbose, a line after every 10 s of silence.
    public static func standardError(animated: Bool = true) -> SolveProgress {
        let style: Style = animated && isatty(2) == 1 ? .line : .heartbeat(silence: .seconds(10))
        return SolveProgress(style: style) { text in FileHandle.standardError.write(Data(text.utf8)) }
    }

    /// `write` receives the text to print (with its control characters); `ticks` runs the
    /// background timer that redraws the line every second, or checks for silence.
    public init(style: Style?, ticks: Bool = true, write: @escaping @Sendable (String) -> Void) {
        self.style = style
        self.write = write
        if style != nil && ticks {
            let timer = DispatchSource.makeTimerSource(queue: DispatchQueue.global(qos: .utility))
            let period: DispatchTimeInterval = style == .line ? .seconds(1) : .milliseconds(100)
            timer.schedule(deadline: .now() + period, repeating: period)
            timer.setEventHandler { [weak self] in self?.tick() }
            timer.resume()
            self.timer = timer
        }
    }

    /// The redrawn line when `enabled`, else nothing.
    public convenience init(enabled: Bool, ticks: Bool = true, write: @escaping @Sendable (String) -> Void) {
        self.init(style: enabled ? .line : nil, ticks: ticks, write: write)
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

    private func tick() {
        guard let style else { return }
        switch style {
        case .line:
            draw(force: true)
        case .heartbeat:
            beat(at: .now)
        }
    }

    /// In the heartbeat style, writes the current line when nothing was written for the
    /// silence before `now`.
    func beat(at now: ContinuousClock.Instant) {
        guard case let .heartbeat(silence) = style else { return }
        lock.withLock {
            guard !finished, now - lastWrite >= silence else { return }
            lastWrite = now
            write(render(elapsed: now - start) + "\n")
        }
    }

    /// Redraws the terminal line (the heartbeat style draws only on its own schedule).
    private func draw(force: Bool) {
        guard style == .line else { return }
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
