import Testing
@testable import Workbook

@Suite struct WorkbookModuleTests {
    @Test func moduleLinks() {
        #expect(String(describing: Workbook.self) == "Workbook")
    }
}
