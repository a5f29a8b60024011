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
        if hundredths.truncatingRemainder(dividingBy: 100) == 0, abs(hundredths) < 1e17 {
            return String(Int64(hundredths / 100))
        }
        var text = String(format: "%.2f", hundredths / 100)
        if text.hasSuffix("0") { text.removeLast() }
        return text
    }
}
