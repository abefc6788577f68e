import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintTreeFacts
import KubeLintYAML

/// The Pod Security Standards levels that restrict pods (`privileged` restricts nothing).
enum PodSecurityLevel: String, Comparable {
    case baseline
    case restricted

    static func < (lhs: PodSecurityLevel, rhs: PodSecurityLevel) -> Bool {
        lhs == .baseline && rhs == .restricted
    }
}

/// How a namespace applies a level: `enforce` rejects pods, `warn` and `audit` let them in.
enum PodSecurityMode: String, CaseIterable {
    case enforce, warn, audit
}

/// One mode of a namespace's Pod Security labels: the level, and the version of the standards
/// it is judged by (`pod-security.kubernetes.io/<mode>` and `<mode>-version`).
struct PodSecurityPolicy {
    var mode: PodSecurityMode
    var level: PodSecurityLevel
    /// The standards' version applied: the label's, but never newer than the cluster (the API
    /// server judges a newer version, and `latest`, by its own release).
    var version: KubernetesVersion
    /// The `-version` label as written (`v1.29`), or nil for `latest` or none.
    var pinnedVersion: String?
    var namespace: String
    /// The Namespace object, for related positions.
    var namespaceObject: Resource

    static let labelPrefix = "pod-security.kubernetes.io/"

    /// Pod Security admission is on by default from Kubernetes 1.23 (beta); before, the labels
    /// do nothing.
    static let firstRelease = KubernetesVersion(major: 1, minor: 23)

    /// "Pod Security level "restricted" (v1.29)", for messages.
    var levelDescription: String {
        "Pod Security level \"\(level.rawValue)\"" + (pinnedVersion.map { " (\($0))" } ?? "")
    }
}

extension LintContext {
    /// The Pod Security modes the Namespace object of `namespace` in the tree sets, restricting
    /// ones only; empty when the tree has no such Namespace or the target release predates the
    /// admission controller.
    func podSecurityPolicies(in namespace: String) -> [PodSecurityPolicy] {
        let target = configuration.kubernetesVersion
        guard target >= PodSecurityPolicy.firstRelease, !namespace.isEmpty,
              let object = index.object(kind: "Namespace", namespace: "", name: namespace) else { return [] }
        let labels = object.metadata.labels
        guard labels.entries.contains(where: { $0.key.hasPrefix(PodSecurityPolicy.labelPrefix) }) else { return [] }
        return PodSecurityMode.allCases.compactMap { mode in
            let key = PodSecurityPolicy.labelPrefix + mode.rawValue
            guard let level = labels[key].flatMap(PodSecurityLevel.init(rawValue:)) else { return nil }
            let written = labels[key + "-version"]
            var version = target
            var pinned: String?
            if let written, written != "latest" {
                // An unreadable version is refused on the Namespace itself; nothing to predict.
                guard written.hasPrefix("v"), let parsed = KubernetesVersion(parsing: written) else { return nil }
                version = min(parsed, target)
                pinned = written
            }
            return PodSecurityPolicy(
                mode: mode, level: level, version: version, pinnedVersion: pinned, namespace: namespace, namespaceObject: object
            )
        }
    }
}
