/// How rules run: which are on, at what severity, and the facts about the cluster that the tree
/// itself cannot tell.
public struct LintConfiguration: Sendable {
    /// Namespace of objects that name none.
    public var defaultNamespace: String
    public var disabledRules: Set<String>
    public var severityOverrides: [String: Severity]
    /// The Kubernetes release the manifests are meant for: which apiVersions are served,
    /// deprecated or removed, and which fields exist.
    public var kubernetesVersion: KubernetesVersion

    public init(
        defaultNamespace: String = "default",
        disabledRules: Set<String> = [],
        severityOverrides: [String: Severity] = [:],
        kubernetesVersion: KubernetesVersion = .defaultTarget
    ) {
        self.defaultNamespace = defaultNamespace
        self.disabledRules = disabledRules
        self.severityOverrides = severityOverrides
        self.kubernetesVersion = kubernetesVersion
    }

    public func isEnabled(_ ruleID: String) -> Bool { !disabledRules.contains(ruleID) }
}
