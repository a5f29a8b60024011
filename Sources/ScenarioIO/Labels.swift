import Foundation

/// The language of what people read: the headings and labels of the reports, the plan workbook
/// and the tables `check`, `compare` and `evaluate` print. Codes never change with it (subject
/// and level codes, the contract's file columns), nor do CSV and JSON outputs.
public enum Language: String, Sendable, CaseIterable {
    case en, vi

    /// "en" or "vi" as `--lang` and scenario.yaml's `lang` take it; nil for anything else.
    public init?(code: String) {
        self.init(rawValue: code.lowercased())
    }
}

/// The label catalogue: every text a person reads is written in English in the code, as the key,
/// and looked up here. English returns the key itself (so English output is exactly what the
/// code says), Vietnamese its entry in `Labels.vietnamese` (Labels+Vietnamese.swift); a key
/// without an entry stays English rather than fail.
///
/// Placeholders `{0}`, `{1}`, ... in a key stand for the arguments, so that a language may put
/// them in another order:
///
///     let l = Labels(.vi)
///     l("{0} classes", 12)   // "12 lớp"
public struct Labels: Sendable, Equatable {
    public let language: Language

    public init(_ language: Language = .en) {
        self.language = language
    }

    public static let english = Labels(.en)

    /// `english` in this language, its placeholders replaced by `arguments` in order.
    public func callAsFunction(_ english: String, _ arguments: Any...) -> String {
        let text = language == .en ? english : (Self.table(language)[english] ?? english)
        guard !arguments.isEmpty else { return text }
        var out = text
        for (k, argument) in arguments.enumerated() {
            out = out.replacingOccurrences(of: "{\(k)}", with: String(describing: argument))
        }
        return out
    }

    /// Whether this language has its own text for `english` (English has every key).
    public func has(_ english: String) -> Bool {
        language == .en || Self.table(language)[english] != nil
    }

    /// The entries of a language other than English.
    static func table(_ language: Language) -> [String: String] {
        switch language {
        case .en: return [:]
        case .vi: return vietnamese
        }
    }

    /// The language's value for the HTML `lang` attribute.
    public var htmlLanguage: String { language.rawValue }
}
