extension Labels {
    /// Vietnamese for every English label, keyed by the English text (see `Labels`).
    static let vietnamese: [String: String] = [:]
}
