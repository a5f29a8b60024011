/// What a generated horizon covers (docs/MODEL.md section 6): its years and the payroll path.
/// How classes, leavers and requirements change over the years is the generator's shape
/// (`ClassTrend`, `LeaverSchedule`), not an option, so that a horizon reads like a province.
public struct HorizonOptions: Sendable, Equatable {
    /// Consecutive school years, each named by the year it begins; the first is today's
    /// (schools.csv and staff.csv describe it).
    public var years: ClosedRange<Int>
    /// The payroll change the last year reaches, as a share of today's headcount (-0.05: 5%
    /// fewer teachers by then); the years between follow a straight line (`PayrollPath`).
    /// 0: budget-neutral, every year at `policy.payroll_change`.
    public var payrollShare: Double

    public init(years: ClosedRange<Int>, payrollShare: Double = 0) {
        self.years = years
        self.payrollShare = payrollShare
    }

    /// The years the scenario format accepts (docs/MODEL.md section 6).
    public static let yearLimits = 1900...2200

    /// "2025-2030" (both ends included) or "2025" (a horizon of one year); nil for anything
    /// else, including years outside `yearLimits` and a range that runs backwards.
    public static func years(_ text: String) -> ClosedRange<Int>? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) }),
              let first = Int(parts[0]), let last = Int(parts[parts.count - 1]),
              yearLimits.contains(first), yearLimits.contains(last), first <= last else { return nil }
        return first...last
    }

    /// "-5%" gives -0.05; "0" (or "0%") is budget-neutral. A figure other than 0 needs its
    /// "%", so that "-5" cannot be misread as five teachers. nil outside -100%...100%.
    public static func payrollShare(_ text: String) -> Double? {
        let trimmed = text.hasSuffix("%") ? String(text.dropLast()) : text
        guard let value = Double(trimmed), value.isFinite, (-100...100).contains(value),
              text.hasSuffix("%") || value == 0 else { return nil }
        return value / 100
    }
}
