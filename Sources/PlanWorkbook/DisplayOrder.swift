import Foundation

/// Names in the order a Vietnamese reader looks for them: by their letters without accents
/// first ("Cẩm Phả" before "Cô Tô", not after it as code points would put it), then as written,
/// so the order is total and the same on every machine (no locale is consulted).
enum DisplayOrder {
    static func sorted(_ names: some Sequence<String>) -> [String] {
        let keyed: [(key: String, name: String)] = names.map { name in
            (name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil), name)
        }
        return keyed.sorted { a, b in a.key != b.key ? a.key < b.key : a.name < b.name }.map(\.name)
    }
}
