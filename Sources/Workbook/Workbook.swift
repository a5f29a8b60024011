/// Excel workbooks (Office Open XML, `.xlsx`): a zip of XML parts, read and written as sheets of
/// cells. This module knows cells, sheets and styles, nothing of schools.
public enum Workbook {}
