/// Why a program cannot be handed to GLPK. Every case here is a misuse that would make GLPK
/// print a message and abort the process, or silently mean something else; the solver
/// layer refuses it first, as a Swift error.
public enum LinearProgramError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalidBound(kind: Kind, index: Int, lower: Double, upper: Double)
    case invertedBounds(kind: Kind, index: Int, lower: Double, upper: Double)
    case fractionalIntegerBound(column: Int, lower: Double, upper: Double)
    case nonFiniteCost(column: Int, value: Double)
    case nonFiniteObjectiveConstant(Double)
    case nonFiniteCoefficient(row: Int, column: Int, value: Double)
    case indexOutOfRange(row: Int, column: Int)
    case duplicateEntry(row: Int, column: Int)
    case invalidName(kind: Kind, index: Int, reason: String)
    case tooLarge(what: String, count: Int)
    case invalidOption(String)

    public enum Kind: String, Sendable { case row, column, problem }

    public var description: String {
        switch self {
        case let .invalidBound(kind, index, lower, upper):
            return "\(kind.rawValue) \(index): bounds [\(lower), \(upper)] are not numbers or point the wrong way to infinity"
        case let .invertedBounds(kind, index, lower, upper):
            return "\(kind.rawValue) \(index): lower bound \(lower) is above upper bound \(upper)"
        case let .fractionalIntegerBound(column, lower, upper):
            return "column \(column): integer column has fractional bounds [\(lower), \(upper)]"
        case let .nonFiniteCost(column, value):
            return "column \(column): objective coefficient \(value) is not finite"
        case let .nonFiniteObjectiveConstant(value):
            return "objective constant \(value) is not finite"
        case let .nonFiniteCoefficient(row, column, value):
            return "entry (\(row), \(column)): coefficient \(value) is not finite"
        case let .indexOutOfRange(row, column):
            return "entry (\(row), \(column)): row or column index out of range"
        case let .duplicateEntry(row, column):
            return "entry (\(row), \(column)) is given more than once"
        case let .invalidName(kind, index, reason):
            return "\(kind.rawValue) \(index): name \(reason)"
        case let .tooLarge(what, count):
            return "\(what): \(count) is more than GLPK can index"
        case let .invalidOption(message):
            return message
        }
    }
}

extension LinearProgram {
    /// GLPK's limit on names (manual: 1 to 255 characters).
    public static let maximumNameLength = 255

    /// Checks everything GLPK would abort on. Returns the matrix without zero entries,
    /// sorted by column then row, as GLPK wants it.
    public func validated() throws(LinearProgramError) -> ValidatedMatrix {
        let limit = Int(Int32.max) - 1
        if columns.count > limit { throw .tooLarge(what: "columns", count: columns.count) }
        if rows.count > limit { throw .tooLarge(what: "rows", count: rows.count) }
        if entryValues.count > limit { throw .tooLarge(what: "matrix entries", count: entryValues.count) }
        if !objectiveConstant.isFinite { throw .nonFiniteObjectiveConstant(objectiveConstant) }
        try Self.checkName(name, kind: .problem, index: 0)
        for (i, row) in rows.enumerated() {
            try Self.checkBounds(row.lower, row.upper, kind: .row, index: i)
            try Self.checkName(row.name, kind: .row, index: i)
        }
        for (j, column) in columns.enumerated() {
            try Self.checkBounds(column.lower, column.upper, kind: .column, index: j)
            if !column.cost.isFinite { throw .nonFiniteCost(column: j, value: column.cost) }
            if column.isInteger, !Self.isWhole(column.lower) || !Self.isWhole(column.upper) {
                throw .fractionalIntegerBound(column: j, lower: column.lower, upper: column.upper)
            }
            try Self.checkName(column.name, kind: .column, index: j)
        }
        return try validatedMatrix()
    }

    private func validatedMatrix() throws(LinearProgramError) -> ValidatedMatrix {
        var order: [Int] = []
        order.reserveCapacity(entryValues.count)
        for k in entryValues.indices {
            let (i, j, v) = (Int(entryRows[k]), Int(entryColumns[k]), entryValues[k])
            guard i >= 0, i < rows.count, j >= 0, j < columns.count else {
                throw .indexOutOfRange(row: i, column: j)
            }
            guard v.isFinite else { throw .nonFiniteCoefficient(row: i, column: j, value: v) }
            if v != 0 { order.append(k) }
        }
        order.sort { a, b in
            entryColumns[a] != entryColumns[b] ? entryColumns[a] < entryColumns[b] : entryRows[a] < entryRows[b]
        }
        var matrix = ValidatedMatrix(capacity: order.count)
        for (n, k) in order.enumerated() {
            if n > 0, entryColumns[order[n - 1]] == entryColumns[k], entryRows[order[n - 1]] == entryRows[k] {
                throw .duplicateEntry(row: Int(entryRows[k]), column: Int(entryColumns[k]))
            }
            matrix.append(row: entryRows[k], column: entryColumns[k], value: entryValues[k])
        }
        return matrix
    }

    private static func isWhole(_ value: Double) -> Bool {
        value.isInfinite || value == value.rounded()
    }

    private static func checkBounds(_ lower: Double, _ upper: Double, kind: LinearProgramError.Kind,
                                    index: Int) throws(LinearProgramError) {
        if lower.isNaN || upper.isNaN || lower == .infinity || upper == -.infinity {
            throw .invalidBound(kind: kind, index: index, lower: lower, upper: upper)
        }
        if lower > upper { throw .invertedBounds(kind: kind, index: index, lower: lower, upper: upper) }
    }

    private static func checkName(_ name: String, kind: LinearProgramError.Kind,
                                  index: Int) throws(LinearProgramError) {
        if name.utf8.count > maximumNameLength {
            throw .invalidName(kind: kind, index: index, reason: "is longer than \(maximumNameLength) bytes")
        }
        if name.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F }) {
            throw .invalidName(kind: kind, index: index, reason: "contains a control character")
        }
    }
}

/// The matrix of a validated program in GLPK's layout: 1-based, with a dummy entry at 0,
/// no zeros, no duplicates.
public struct ValidatedMatrix: Sendable {
    public private(set) var rowIndices: [Int32] = [0]
    public private(set) var columnIndices: [Int32] = [0]
    public private(set) var values: [Double] = [0]

    init(capacity: Int) {
        rowIndices.reserveCapacity(capacity + 1)
        columnIndices.reserveCapacity(capacity + 1)
        values.reserveCapacity(capacity + 1)
    }

    mutating func append(row: Int32, column: Int32, value: Double) {
        rowIndices.append(row + 1)
        columnIndices.append(column + 1)
        values.append(value)
    }

    public var count: Int { values.count - 1 }
}
