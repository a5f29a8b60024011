import ArgumentParser
import RedeployDomain
import ScenarioIO

extension Language: ExpressibleByArgument {}

/// `--lang en|vi` on solve, report, check, compare and evaluate: the language of the reports,
/// the workbook and the tables people read. The command line wins over scenario.yaml's `lang`,
/// which wins over English. Codes, CSV and JSON never change with it.
enum LanguageOption {
    static let help = ArgumentHelp("Language of the reports and tables: en (default) or vi; overrides scenario.yaml's lang.",
                                   valueName: "en|vi")

    static func labels(_ option: Language?, _ scenario: Scenario?) -> Labels {
        Labels(option ?? scenario?.lang.flatMap(Language.init(code:)) ?? .en)
    }
}
