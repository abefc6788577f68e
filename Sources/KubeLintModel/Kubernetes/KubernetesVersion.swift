/// A Kubernetes release, as far as the API cares: major and minor (`1.13`).
public struct KubernetesVersion: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var major: Int
    public var minor: Int

    public init(major: Int, minor: Int) {
        self.major = major
        self.minor = minor
    }

    /// Reads `1.13`, `v1.13`, `1.13.11` or `1.13.11-gke.14` (patch and build are ignored: the
    /// API of a release does not change between patches). Nil for anything else.
    public init?(parsing text: String) {
        var rest = Substring(text)
        if rest.first == "v" || rest.first == "V" { rest = rest.dropFirst() }
        let parts = rest.split(separator: ".", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count >= 2,
              let major = Int(parts[0]), let minor = Int(parts[1]),
              major >= 1, minor >= 0, major < 100, minor < 1000 else { return nil }
        if parts.count == 3 {
            let patch = parts[2].prefix { $0.isNumber }
            guard !patch.isEmpty else { return nil }
        }
        self.init(major: major, minor: minor)
    }

    /// The release kubelint assumes when none is given: the newest release whose API the schema
    /// tables were generated from (see scripts/generate-kubernetes-schema.py and README).
    public static let defaultTarget = knownReleases.upperBound

    public static func < (lhs: KubernetesVersion, rhs: KubernetesVersion) -> Bool {
        (lhs.major, lhs.minor) < (rhs.major, rhs.minor)
    }

    public var description: String { "\(major).\(minor)" }

    /// `1.minor`, for tables that only know Kubernetes 1.x.
    public static func v1(_ minor: Int) -> KubernetesVersion { KubernetesVersion(major: 1, minor: minor) }
}
