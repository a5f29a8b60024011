/// Sheet names Excel accepts: at most 31 characters, none of `[ ] : * ? / \`, not starting or
/// ending with an apostrophe, and unique without regard to case (a second "Hạ Long" becomes
/// "Hạ Long (2)"). Commune names come from schools.csv, so anything may be in them.
struct SheetNames {
    static let maximumLength = 31
    private static let forbidden: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]
    private var taken: Set<String> = []

    /// `wanted` made acceptable and unique among the names given so far.
    mutating func unique(_ wanted: String) -> String {
        let base = Self.clean(wanted)
        var name = base
        var k = 2
        while taken.contains(name.lowercased()) {
            let suffix = " (\(k))"
            name = String(base.prefix(Self.maximumLength - suffix.count)) + suffix
            k += 1
        }
        taken.insert(name.lowercased())
        return name
    }

    static func clean(_ wanted: String) -> String {
        var name = String(wanted.map { forbidden.contains($0) || $0.isNewline ? " " : $0 })
        while name.hasPrefix("'") || name.hasPrefix(" ") { name.removeFirst() }
        name = String(name.prefix(maximumLength))
        while name.hasSuffix("'") || name.hasSuffix(" ") { name.removeLast() }
        return name.isEmpty ? "Sheet" : name
    }
}
