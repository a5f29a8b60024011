import Foundation

/// Numbers as a person reads them in the readable CSVs: whole numbers as whole numbers, other
/// figures with at most 2 decimals and no trailing zero (2.5, 2.53, 0.2 for
/// 0.1999999999999993), never "-0". The contract's files keep the round-trip form
/// (`NumberText`); this is for display only, and a readable file is not read back.
public enum DisplayNumber {
    public static func text(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "" : (value > 0 ? "inf" : "-inf") }
        let hundredths = (value * 100).rounded()
        if hundredths == 0 { return "0" }
        guard abs(hundredths) < 1e17 else { return String(format: "%.0f", value) }
        // Whole and hundredths by integer arithmetic: String(format:) is slow, and a plan
        // workbook of 3,500 schools shows half a million numbers.
        let all = Int64(hundredths), sign = all < 0 ? "-" : ""
        let (whole, cents) = all.magnitude.quotientAndRemainder(dividingBy: 100)
        if cents == 0 { return sign + String(whole) }
        if cents % 10 == 0 { return sign + String(whole) + "." + String(cents / 10) }
        return sign + String(whole) + (cents < 10 ? ".0" : ".") + String(cents)
    }
}
