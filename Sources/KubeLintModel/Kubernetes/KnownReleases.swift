/// The Kubernetes releases kubelint can check against: from the oldest to the newest release
/// whose API the schema tables were sampled from (`SchemaTable.sampledMinorVersions`, generated;
/// a test keeps these bounds equal to the table's). Outside them kubelint would guess, so a target
/// outside is refused, naming the nearest.
extension KubernetesVersion {
    public static let knownReleases: ClosedRange<KubernetesVersion> = .v1(13) ... .v1(37)

    /// How a version is written, for messages about one that is not.
    public static let expectedFormat = "MAJOR.MINOR, such as 1.29 (v1.29 and 1.29.3 are read as 1.29)"

    /// Nil when kubelint knows this release; else what is wrong, naming the nearest known one.
    public var unknownReleaseProblem: String? {
        let known = Self.knownReleases
        guard !known.contains(self) else { return nil }
        let nearest = self < known.lowerBound ? known.lowerBound : known.upperBound
        return "kubelint knows Kubernetes \(known.lowerBound) to \(known.upperBound), not \(self); the nearest is \(nearest)"
    }
}
