/// The `horizon.payroll_change` of a generated horizon: a straight line from the first year,
/// which keeps `policy.payroll_change` (its budget is set when the plan is made), to
/// `share` x today's headcount in the last year, rounded to whole teachers in each year.
/// Each figure counts against today's headcount, as the scenario format reads it, so a 5%
/// cut over 2025-2030 is -1%, -2%, ... -5% in 2026 to 2030. A horizon of one year reaches the
/// whole change in it.
enum PayrollPath {
    static func changes(years: [Int], headcount: Int, share: Double) -> [Int: Int] {
        guard share != 0, let last = years.last else { return [:] }
        let total = Double(headcount) * share
        guard years.count > 1 else { return [last: Int(total.rounded())] }
        var path: [Int: Int] = [:]
        let steps = Double(years.count - 1)
        for (k, year) in years.enumerated() where k > 0 {
            path[year] = Int((total * Double(k) / steps).rounded())
        }
        return path
    }
}
