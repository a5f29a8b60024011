import Foundation
import Testing
@testable import ScenarioIO
import RedeployDomain

/// scenario.yaml's `lang` (issue 17): the language of what people read, en or vi.
@Suite("The lang key")
struct LanguageKeyTests {
    @Test func langIsReadAndCarriedOnTheScenario() throws {
        #expect(try TempScenario().load().lang == nil)
        #expect(try TempScenario(["scenario.yaml": TempScenario.baseYAML + "lang: vi\n"]).load().lang == "vi")
        #expect(try TempScenario(["scenario.yaml": TempScenario.baseYAML + "lang: EN\n"]).load().lang == "en")
        #expect(try TempScenario(["scenario.yaml": TempScenario.baseYAML + "lang:\n"]).load().lang == nil)
    }

    @Test(arguments: ["fr", "[vi]", "{a: 1}"])
    func anotherValueIsNamedAtItsLine(_ value: String) throws {
        do {
            _ = try TempScenario(["scenario.yaml": TempScenario.baseYAML + "lang: \(value)\n"]).load()
            Issue.record("expected lang: \(value) to be refused")
        } catch {
            let messages = error.diagnostics.map(\.description)
            #expect(messages.count == 1)
            #expect(messages.first?.hasSuffix("lang: must be en or vi") == true, "\(messages)")
            #expect(messages.first?.contains("scenario.yaml:4:") == true, "\(messages)")
        }
    }

    @Test func labelsAreEnglishByDefaultAndVietnameseOnRequest() {
        let english = Labels(), vietnamese = Labels(.vi)
        #expect(english("of {0} schools", 200) == "of 200 schools")
        #expect(english("no such key {0}", "x") == "no such key x")
        #expect(vietnamese("Weighted shortage") == "Thiếu hụt có trọng số")
        // A key without an entry stays English rather than fail.
        #expect(vietnamese("no such key {0}", "x") == "no such key x")
        #expect(Language(code: "VI") == .vi && Language(code: "de") == nil)
    }
}
