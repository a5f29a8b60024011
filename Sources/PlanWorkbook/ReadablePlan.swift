import ScenarioIO

/// What `solve --spreadsheet` and `--xlsx FILE` add to the contract's files, made before any of
/// them is written: the readable CSVs (to be written with plan.csv, all or nothing) and the
/// workbook, staged beside its path and renamed into place by `commit()` once everything else
/// is written. A failure anywhere before leaves no workbook and, the CSVs going with plan.csv,
/// no readable file either.
///
///     let readable = try ReadablePlan(PlanView(instance: instance, output: output), spreadsheet: spreadsheet, xlsx: xlsx)
///     defer { readable.discard() }
///     try AtomicFiles.write(output.files(instance) + readable.csvFiles, into: out)
///     try readable.commit()
public struct ReadablePlan {
    public let csvFiles: [AtomicFiles.File]
    let workbook: StagedFile?

    /// The view is built only when one of the two is asked for.
    public init(_ view: @autoclosure () -> PlanView, spreadsheet: Bool, xlsx: String?,
                labels: WorkbookLabels = .english) throws {
        guard spreadsheet || xlsx != nil else {
            (csvFiles, workbook) = ([], nil)
            return
        }
        let sheets = PlanSheets(view(), labels: labels)
        csvFiles = spreadsheet ? ReadableCSV.files(sheets) : []
        workbook = try xlsx.map { path in try StagedFile(try PlanWorkbookFile.data(sheets), at: path) }
    }

    /// Puts the workbook in place.
    public func commit() throws {
        try workbook?.commit()
    }

    /// Removes a workbook still staged (a failure after staging it); after `commit()`, nothing.
    public func discard() {
        workbook?.discard()
    }
}
