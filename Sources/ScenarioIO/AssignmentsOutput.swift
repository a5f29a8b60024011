import RedeployDomain

/// DIR/assignments.csv (docs/MODEL.md section 7): one row per named teacher taking a transfer,
/// release or retraining of the plan, with the authority that signs it and the reason they were
/// chosen. It holds personal data (points, homes), so it is written only where the plan is, and
/// nothing of it goes to standard output.
public enum AssignmentsOutput {
    public static func csv(_ assignments: [Assignment], hasHorizon: Bool, options: CSVWriter.Options = .plain) -> String {
        var header = ["teacher_id"]
        if hasHorizon { header.append("year") }
        header += ["action", "from_school", "to_school", "subject", "to_subject", "points", "volunteer",
                   "home_km_before", "home_km_after", "authority", "reason"]
        var csv = CSVWriter(header: header, options: options)
        for a in assignments {
            var row = [a.teacherID]
            if hasHorizon { row.append(a.year.map(String.init) ?? "") }
            row += [a.action.rawValue, a.fromSchool, a.toSchool ?? "", a.subject, a.toSubject ?? "",
                    NumberText.format(a.points), a.volunteer ? "true" : "false", NumberText.format(a.homeKmBefore),
                    NumberText.format(a.homeKmAfter), a.authority?.rawValue ?? "", a.reason]
            csv.appendRow(row)
        }
        return csv.text
    }
}
