/// Every heading and label of the readable plan (the workbook's sheets and the readable CSVs),
/// in one table, so that another language is one more instance (`--lang vi` later) and no
/// text is spelled anywhere else.
///
/// Not labels, and never translated: the names of the sheets Transfers and Hires and releases
/// and the contract's plan.csv column names heading their first columns
/// (`PlanSheets.transfersSheet`, `.hiresSheet`, `.contractColumns`: `evaluate --plan plan.xlsx`
/// reads them back by these names), the actions (`transfer`, `hire`...), the authorities
/// (`commune`, `province`) and summary.json's keys, which are data.
public struct WorkbookLabels: Sendable, Equatable {
    // Sheet names (at most 31 characters).
    public var summarySheet: String
    public var yearsSheet: String
    public var schoolsSheet: String
    public var bySchoolSheet: String
    public var byAreaSheet: String
    public var assignmentsSheet: String
    public var decisionsSheet: String
    /// "Commune " + the commune's name, for its decision list's sheet.
    public var communeSheetPrefix: String
    public var provinceSheet: String
    public var releasesSheet: String

    // Summary.
    public var figure: String
    public var value: String
    public var key: String
    public var scenario: String
    public var status: String
    public var method: String
    public var weightedShortageBefore: String
    public var weightedShortage: String
    public var cost: String
    public var transfers: String
    public var hires: String
    public var releases: String
    public var retrained: String
    public var payrollBefore: String
    public var payrollAfter: String
    public var mipGap: String
    public var payrollChange: String
    public var hiring: String
    public var sameLevel: String
    public var transferScope: String
    public var maxDistanceKm: String
    public var maxOutShare: String
    public var sharing: String
    public var costMove: String
    public var costPerKm: String
    public var costHire: String
    public var costRelease: String
    public var yes: String
    public var no: String
    public var noLimit: String

    // Columns.
    public var year: String
    public var payroll: String
    public var payrollCap: String
    public var schoolID: String
    public var schoolName: String
    public var area: String
    public var level: String
    public var subject: String
    public var sendingName: String
    public var sendingArea: String
    public var receivingName: String
    public var receivingArea: String
    public var authority: String
    public var required: String
    public var before: String
    public var after: String
    public var shortage: String
    public var norm: String
    public var present: String
    public var balance: String
    public var schools: String
    public var surplus: String
    public var sent: String
    public var received: String
    public var withinArea: String
    public var hired: String
    public var released: String
    public var retrainedAway: String
    public var retrainedIn: String
    public var netChange: String
    public var total: String
    public var teacher: String
    public var action: String
    public var fromSchool: String
    public var toSchool: String
    public var toSubject: String
    public var reason: String
    public var decisionCount: String

    public static let english = WorkbookLabels(
        summarySheet: "Summary", yearsSheet: "Years", schoolsSheet: "Schools", bySchoolSheet: "By school", byAreaSheet: "By area", assignmentsSheet: "Assignments",
        decisionsSheet: "Decisions", communeSheetPrefix: "Commune ", provinceSheet: "Province",
        releasesSheet: "Releases",
        figure: "Figure", value: "Value", key: "summary.json key", scenario: "Scenario", status: "Status",
        method: "Method", weightedShortageBefore: "Weighted shortage before (W0)",
        weightedShortage: "Weighted shortage after (W)", cost: "Cost (C)", transfers: "Transfers", hires: "Hires",
        releases: "Releases", retrained: "Retrained", payrollBefore: "Payroll before", payrollAfter: "Payroll after",
        mipGap: "MIP gap", payrollChange: "Payroll change allowed (payroll_change)", hiring: "Hiring allowed",
        sameLevel: "Transfers within a level only", transferScope: "Transfer scope",
        maxDistanceKm: "Longest transfer (km)", maxOutShare: "Most a school may send (share of its teachers)",
        sharing: "Teachers may split their time", costMove: "Cost of a transfer", costPerKm: "Cost per km",
        costHire: "Cost of a hire", costRelease: "Cost of a release", yes: "yes", no: "no", noLimit: "no limit",
        year: "year", payroll: "Payroll", payrollCap: "Payroll cap", schoolID: "school_id", schoolName: "School",
        area: "Area", level: "Level", subject: "subject", sendingName: "Sending school", sendingArea: "Sending area",
        receivingName: "Receiving school", receivingArea: "Receiving area", authority: "Authority (signs the move)",
        required: "required", before: "before", after: "after", shortage: "shortage", norm: "Norm (định mức)",
        present: "Present after the plan (có mặt)", balance: "Surplus + / shortage − (thừa/thiếu)",
        schools: "Schools", surplus: "surplus", sent: "Sent", received: "Received",
        withinArea: "Moved within the area", hired: "Hired", released: "Released", retrainedAway: "Retrained away",
        retrainedIn: "Retrained in", netChange: "Net change", total: "Total", teacher: "Teacher", action: "Action",
        fromSchool: "From school", toSchool: "To school", toSubject: "To subject", reason: "Reason",
        decisionCount: "Decisions")
}
