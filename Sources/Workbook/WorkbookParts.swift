import Foundation

/// The XML parts of a workbook being written, in the order they go into the zip.
struct WorkbookParts {
    let writer: WorkbookWriter
    private var styles: [WorkbookWriter.Style] = [.plain]
    private var styleIndex: [WorkbookWriter.Style: Int] = [.plain: 0]
    private var strings = SharedStringTable()

    init(_ writer: WorkbookWriter) {
        self.writer = writer
    }

    static let mainNS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRelNS = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

    mutating func parts() throws(WorkbookError) -> [(String, Data)] {
        try checkNames()
        var sheetXML: [Data] = []
        for sheet in writer.sheets { sheetXML.append(try worksheet(sheet)) }
        let hasStrings = writer.sharedStrings && !strings.isEmpty
        var parts: [(String, Data)] = [
            ("[Content_Types].xml", contentTypes(hasStrings)),
            ("_rels/.rels", packageRels()),
            ("xl/workbook.xml", workbook()),
            ("xl/_rels/workbook.xml.rels", workbookRels(hasStrings)),
            ("xl/styles.xml", stylesPart()),
        ]
        if hasStrings { parts.append(("xl/sharedStrings.xml", sharedStringsPart())) }
        for (k, xml) in sheetXML.enumerated() { parts.append(("xl/worksheets/sheet\(k + 1).xml", xml)) }
        return parts
    }

    private func checkNames() throws(WorkbookError) {
        guard !writer.sheets.isEmpty else { throw WorkbookError(file: "workbook", message: "has no sheet: a workbook needs one") }
        var seen: Set<String> = []
        for sheet in writer.sheets {
            let name = sheet.name
            guard !name.isEmpty, name.count <= 31, !name.contains(where: { "[]:*?/\\".contains($0) }),
                  !name.hasPrefix("'"), !name.hasSuffix("'") else {
                throw WorkbookError(file: "workbook", sheet: name, message: "is not a sheet name Excel accepts "
                                        + "(1 to 31 characters, none of [ ] : * ? / \\, no quote at either end)")
            }
            guard seen.insert(name.lowercased()).inserted else {
                throw WorkbookError(file: "workbook", sheet: name, message: "appears twice (names are compared ignoring case)")
            }
        }
    }

    // MARK: Package parts

    private func contentTypes(_ hasStrings: Bool) -> Data {
        let ct = "application/vnd.openxmlformats-officedocument.spreadsheetml"
        var xml = Self.header + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        xml += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        xml += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        xml += "<Override PartName=\"/xl/workbook.xml\" ContentType=\"\(ct).sheet.main+xml\"/>"
        xml += "<Override PartName=\"/xl/styles.xml\" ContentType=\"\(ct).styles+xml\"/>"
        if hasStrings { xml += "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"\(ct).sharedStrings+xml\"/>" }
        for k in writer.sheets.indices {
            xml += "<Override PartName=\"/xl/worksheets/sheet\(k + 1).xml\" ContentType=\"\(ct).worksheet+xml\"/>"
        }
        return Data((xml + "</Types>").utf8)
    }

    private func packageRels() -> Data {
        Data((Self.header + "<Relationships xmlns=\"\(Self.packageRelNS)\">"
            + "<Relationship Id=\"rId1\" Type=\"\(Self.relNS)/officeDocument\" Target=\"xl/workbook.xml\"/>"
            + "</Relationships>").utf8)
    }

    private func workbook() -> Data {
        var xml = Self.header + "<workbook xmlns=\"\(Self.mainNS)\" xmlns:r=\"\(Self.relNS)\">"
        xml += "<bookViews><workbookView/></bookViews><sheets>"
        for (k, sheet) in writer.sheets.enumerated() {
            xml += "<sheet name=\"\(XMLEscape.attribute(sheet.name))\" sheetId=\"\(k + 1)\" r:id=\"rId\(k + 1)\"/>"
        }
        return Data((xml + "</sheets></workbook>").utf8)
    }

    private func workbookRels(_ hasStrings: Bool) -> Data {
        var xml = Self.header + "<Relationships xmlns=\"\(Self.packageRelNS)\">"
        let n = writer.sheets.count
        for k in 0..<n {
            xml += "<Relationship Id=\"rId\(k + 1)\" Type=\"\(Self.relNS)/worksheet\" Target=\"worksheets/sheet\(k + 1).xml\"/>"
        }
        xml += "<Relationship Id=\"rId\(n + 1)\" Type=\"\(Self.relNS)/styles\" Target=\"styles.xml\"/>"
        if hasStrings {
            xml += "<Relationship Id=\"rId\(n + 2)\" Type=\"\(Self.relNS)/sharedStrings\" Target=\"sharedStrings.xml\"/>"
        }
        return Data((xml + "</Relationships>").utf8)
    }

    // MARK: Worksheets

    private mutating func worksheet(_ sheet: WorkbookWriter.Sheet) throws(WorkbookError) -> Data {
        guard sheet.rows.count <= Workbook.maxRows else {
            throw WorkbookError(file: "workbook", sheet: sheet.name, message: "has \(sheet.rows.count) rows, more than Excel's \(Workbook.maxRows)")
        }
        var xml = Self.header + "<worksheet xmlns=\"\(Self.mainNS)\" xmlns:r=\"\(Self.relNS)\">"
        if sheet.frozenRows > 0, sheet.frozenRows < Workbook.maxRows {
            let top = CellReference(row: sheet.frozenRows + 1, column: 1)!
            xml += "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"\(sheet.frozenRows)\" topLeftCell=\"\(top)\" "
                + "activePane=\"bottomLeft\" state=\"frozen\"/><selection pane=\"bottomLeft\" activeCell=\"\(top)\" sqref=\"\(top)\"/>"
                + "</sheetView></sheetViews>"
        } else {
            xml += "<sheetViews><sheetView workbookViewId=\"0\"/></sheetViews>"
        }
        xml += "<sheetFormatPr defaultRowHeight=\"15\"/>"
        let widths = sheet.columnWidths.prefix(Workbook.maxColumns).enumerated().compactMap { k, w in w.map { (k + 1, $0) } }
        if !widths.isEmpty {
            xml += "<cols>"
            for (column, width) in widths where width.isFinite && width > 0 {
                xml += "<col min=\"\(column)\" max=\"\(column)\" width=\"\(CellNumber.shortest(min(width, 255)))\" customWidth=\"1\"/>"
            }
            xml += "</cols>"
        }
        xml += "<sheetData>"
        var data = SheetXML(head: xml, references: writer.references)
        for (r, cells) in sheet.rows.enumerated() {
            guard cells.count <= Workbook.maxColumns else {
                throw WorkbookError(file: "workbook", sheet: sheet.name, row: r + 1,
                                    message: "has \(cells.count) cells in a row, more than Excel's \(Workbook.maxColumns)")
            }
            data.startRow(r + 1)
            // Each cell read in place (`cells[c]`), not copied out by `enumerated()`: a copy
            // retained and released the cell's text and its style's strings, a quarter of
            // writing the XML (0.013 s of 0.047 s for s3500's plan workbook).
            for c in cells.indices {
                let style = data.cachedStyle(cells[c].style, column: c) ?? data.cache(styleIndex(cells[c].style), cells[c].style, column: c)
                switch cells[c].value {
                case .empty:
                    if style != 0 { data.emptyCell(column: c, style: style) }
                case .number(let number):
                    guard number.isFinite else {
                        throw WorkbookError(file: "workbook", sheet: sheet.name, cell: CellReference(row: r + 1, column: c + 1),
                                            message: "is \(number): a cell holds finite numbers only")
                    }
                    data.numberCell(column: c, style: style, number)
                case .bool(let value):
                    data.boolCell(column: c, style: style, value)
                case .text(let text):
                    // Characters are counted only when the UTF-8 bytes could be too many.
                    if text.utf8.count > 32_767, text.count > 32_767 {
                        throw WorkbookError(file: "workbook", sheet: sheet.name, cell: CellReference(row: r + 1, column: c + 1),
                                            message: "holds \(text.count) characters, more than Excel's 32,767")
                    }
                    if writer.sharedStrings {
                        data.sharedStringCell(column: c, style: style, strings.index(text))
                    } else {
                        data.inlineStringCell(column: c, style: style, Self.textElement(text))
                    }
                }
            }
            data.endRow()
        }
        return data.finish(tail: "</sheetData>"
            + "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>"
            + "</worksheet>")
    }

    /// `<t>text</t>`, keeping leading and trailing spaces and line breaks.
    static func textElement(_ text: String) -> String {
        let escaped = XMLEscape.text(OOXMLText.escaped(text))
        let keep = text.first.map { $0.isWhitespace } == true || text.last.map { $0.isWhitespace } == true
        return keep ? "<t xml:space=\"preserve\">\(escaped)</t>" : "<t>\(escaped)</t>"
    }

    private func sharedStringsPart() -> Data {
        let head = Self.header + "<sst xmlns=\"\(Self.mainNS)\" count=\"\(strings.uses)\" uniqueCount=\"\(strings.count)\">"
        return Data(head.utf8) + strings.elements(Self.textElement) + Data("</sst>".utf8)
    }

    // MARK: Styles

    private mutating func styleIndex(_ style: WorkbookWriter.Style) -> Int {
        if let k = styleIndex[style] { return k }
        styleIndex[style] = styles.count
        styles.append(style)
        return styles.count - 1
    }

    /// Fonts: 0 regular, 1 bold. Fills: 0 none and 1 gray125 (both required by Excel), then one
    /// solid fill per colour in first-use order. Number formats: custom ids from 164.
    private func stylesPart() -> Data {
        var formats: [String] = []
        var fills: [String] = []
        for style in styles {
            if let f = style.numberFormat, !formats.contains(f), NumberFormatIDs.builtin[f] == nil { formats.append(f) }
            if let fill = style.fill.map(Self.colour), !fills.contains(fill) { fills.append(fill) }
        }
        var xml = Self.header + "<styleSheet xmlns=\"\(Self.mainNS)\">"
        if !formats.isEmpty {
            xml += "<numFmts count=\"\(formats.count)\">"
            for (k, f) in formats.enumerated() {
                xml += "<numFmt numFmtId=\"\(164 + k)\" formatCode=\"\(XMLEscape.attribute(f))\"/>"
            }
            xml += "</numFmts>"
        }
        xml += "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
            + "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font></fonts>"
        xml += "<fills count=\"\(2 + fills.count)\"><fill><patternFill patternType=\"none\"/></fill>"
            + "<fill><patternFill patternType=\"gray125\"/></fill>"
        for fill in fills {
            xml += "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FF\(fill)\"/><bgColor indexed=\"64\"/></patternFill></fill>"
        }
        xml += "</fills>"
        xml += "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        xml += "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        xml += "<cellXfs count=\"\(styles.count)\">"
        for style in styles {
            let format = style.numberFormat.map { NumberFormatIDs.builtin[$0] ?? 164 + formats.firstIndex(of: $0)! } ?? 0
            let font = style.bold ? 1 : 0
            let fill = style.fill.map { 2 + fills.firstIndex(of: Self.colour($0))! } ?? 0
            xml += "<xf numFmtId=\"\(format)\" fontId=\"\(font)\" fillId=\"\(fill)\" borderId=\"0\" xfId=\"0\""
            if format != 0 { xml += " applyNumberFormat=\"1\"" }
            if font != 0 { xml += " applyFont=\"1\"" }
            if fill != 0 { xml += " applyFill=\"1\"" }
            xml += "/>"
        }
        xml += "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        return Data((xml + "</styleSheet>").utf8)
    }

    /// `RRGGBB` upper-cased; anything else is black rather than a file Excel refuses.
    static func colour(_ text: String) -> String {
        let hex = text.hasPrefix("#") ? String(text.dropFirst()) : text
        guard hex.count == 6, hex.allSatisfy(\.isHexDigit) else { return "000000" }
        return hex.uppercased()
    }
}

/// Excel's built-in number formats that a writer may name by their code.
enum NumberFormatIDs {
    static let builtin: [String: Int] = ["General": 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4,
                                         "0%": 9, "0.00%": 10]
}

/// Text escaped for XML content and attribute values.
enum XMLEscape {
    static func text(_ s: String) -> String {
        guard s.contains(where: { $0 == "&" || $0 == "<" || $0 == ">" }) else { return s }
        return s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }

    static func attribute(_ s: String) -> String {
        text(s).replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "\n", with: "&#10;")
            .replacingOccurrences(of: "\r", with: "&#13;").replacingOccurrences(of: "\t", with: "&#9;")
    }
}

/// Numbers as a cell stores them: the shortest text that reads back as the same double, whole
/// numbers without `.0`, and an exponent as Excel writes one (`1E-07`).
public enum CellNumber {
    public static func shortest(_ value: Double) -> String {
        if value == 0 { return "0" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        let text = value.description  // Swift prints the shortest round-trip form
        // Most numbers have no exponent: a byte scan, not a search through Characters.
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }),
              let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) else { return text }
        var mantissa = String(text[..<e])
        if mantissa.hasSuffix(".0") { mantissa.removeLast(2) }
        var exponent = String(text[text.index(after: e)...])
        var sign = "+"
        if exponent.hasPrefix("-") || exponent.hasPrefix("+") { sign = String(exponent.removeFirst()) }
        while exponent.count > 1, exponent.hasPrefix("0") { exponent.removeFirst() }
        return mantissa + "E" + sign + exponent
    }
}
