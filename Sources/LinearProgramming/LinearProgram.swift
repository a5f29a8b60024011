/// A linear or mixed-integer program, kept as plain values so that it can be built, checked,
/// copied and handed to any solver. It knows nothing of schools.
///
/// Columns and rows are numbered from 0 in the order they are added. Bounds use
/// `-Double.infinity` and `Double.infinity` for "none". The matrix is a list of entries;
/// an entry whose value is 0 is dropped when the program is solved.
public struct LinearProgram: Sendable, Equatable {
    public enum Sense: Sendable, Equatable { case minimize, maximize }

    public struct Column: Sendable, Equatable {
        public var name: String
        public var lower: Double
        public var upper: Double
        public var cost: Double
        public var isInteger: Bool
    }

    public struct Row: Sendable, Equatable {
        public var name: String
        public var lower: Double
        public var upper: Double
    }

    public var name: String
    public var sense: Sense
    public var objectiveConstant: Double = 0
    public private(set) var columns: [Column] = []
    public private(set) var rows: [Row] = []
    /// The matrix, as three parallel arrays (row index, column index, value).
    public private(set) var entryRows: [Int32] = []
    public private(set) var entryColumns: [Int32] = []
    public private(set) var entryValues: [Double] = []

    public init(name: String = "", sense: Sense = .minimize) {
        self.name = name
        self.sense = sense
    }

    public var columnCount: Int { columns.count }
    public var rowCount: Int { rows.count }
    public var entryCount: Int { entryValues.count }
    public var hasIntegerColumns: Bool { columns.contains { $0.isInteger } }

    /// Adds a column and returns its index.
    @discardableResult
    public mutating func addColumn(name: String = "", lower: Double = 0, upper: Double = .infinity,
                                   cost: Double = 0, isInteger: Bool = false) -> Int {
        columns.append(Column(name: name, lower: lower, upper: upper, cost: cost, isInteger: isInteger))
        return columns.count - 1
    }

    /// Adds a row `lower <= sum(terms) <= upper` and returns its index.
    @discardableResult
    public mutating func addRow(name: String = "", lower: Double = -.infinity, upper: Double = .infinity,
                                terms: [(column: Int, value: Double)] = []) -> Int {
        rows.append(Row(name: name, lower: lower, upper: upper))
        let row = rows.count - 1
        for term in terms { addEntry(row: row, column: term.column, value: term.value) }
        return row
    }

    /// Adds one matrix entry. Indices are checked when the program is validated, not here,
    /// so that a builder can add entries before the rows and columns they name. An index beyond
    /// Int32 is clamped (never wrapped onto a valid index), so validation reports it out of range.
    public mutating func addEntry(row: Int, column: Int, value: Double) {
        entryRows.append(Int32(clamping: row))
        entryColumns.append(Int32(clamping: column))
        entryValues.append(value)
    }

    public mutating func reserve(columns c: Int, rows r: Int, entries e: Int) {
        columns.reserveCapacity(c)
        rows.reserveCapacity(r)
        entryRows.reserveCapacity(e)
        entryColumns.reserveCapacity(e)
        entryValues.reserveCapacity(e)
    }

    public mutating func setBounds(column: Int, lower: Double, upper: Double) {
        columns[column].lower = lower
        columns[column].upper = upper
    }

    public mutating func setBounds(row: Int, lower: Double, upper: Double) {
        rows[row].lower = lower
        rows[row].upper = upper
    }

    public mutating func setCost(column: Int, _ cost: Double) {
        columns[column].cost = cost
    }

    public mutating func setInteger(column: Int, _ isInteger: Bool) {
        columns[column].isInteger = isInteger
    }

    /// The objective value of a point, computed in Swift (for checks, not for solving).
    public func objectiveValue(of x: [Double]) -> Double {
        var total = objectiveConstant
        for (j, column) in columns.enumerated() where column.cost != 0 { total += column.cost * x[j] }
        return total
    }

    /// Row activities `A x` of a point.
    public func rowActivities(of x: [Double]) -> [Double] {
        var activity = [Double](repeating: 0, count: rows.count)
        for k in entryValues.indices {
            activity[Int(entryRows[k])] += entryValues[k] * x[Int(entryColumns[k])]
        }
        return activity
    }
}
