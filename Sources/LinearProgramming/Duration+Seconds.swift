extension Duration {
    /// The duration in seconds, for time limits and logs, which GLPK and the command line count
    /// in seconds. One definition for every layer that measures a solve.
    public var inSeconds: Double {
        Double(components.seconds) + Double(components.attoseconds) * 1e-18
    }
}
