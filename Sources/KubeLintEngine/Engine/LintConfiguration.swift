import KubeLintModel
/// How rules run: which are on, at what severity, and the facts about the cluster that the tree
/// itself cannot tell. Read from `.kubelint.yaml` by `ConfigurationParser`.
package struct LintConfiguration: Sendable {
    /// Namespace of objects that name none.
    package var defaultNamespace: String
    /// The rules a run uses unless named one by one below (`profile:`, `--profile`).
    package var profile: RuleProfile = .default
    /// Rules switched off by name; they win over the profile.
    package var disabledRules: Set<String>
    /// Rules switched on by name (`enabled: true`, or a `severity`), whatever the profile.
    package var enabledRules: Set<String> = []
    package var severityOverrides: [String: Severity]
    /// The Kubernetes release the manifests are meant for: which apiVersions are served,
    /// deprecated or removed, and which fields exist.
    package var kubernetesVersion: KubernetesVersion {
        didSet { isKubernetesVersionChosen = true }
    }
    /// Whether someone chose `kubernetesVersion` (`--kube-version`, `kubernetesVersion` in the
    /// configuration, a caller) rather than leaving kubelint's default: messages that depend on
    /// the release say when it is only the default.
    package private(set) var isKubernetesVersionChosen: Bool
    /// "target 1.13", or, when nobody chose the release, that it is only kubelint's default and
    /// how to set it: the words every message that depends on the release ends with.
    package var targetWording: String {
        if isKubernetesVersionChosen { return "target \(kubernetesVersion)" }
        return "target \(kubernetesVersion), kubelint's default: set --kube-version or kubernetesVersion to the cluster's release"
    }
    /// Objects that exist in the cluster but not in the tree (made by hand, by the platform):
    /// references to them resolve.
    package var externalObjects: [ExternalObject]
    /// What was wrong with the configuration or a contract; reported by `config-invalid` and
    /// `contract-invalid`, and makes the run exit 2.
    package var problems: [ConfigurationProblem]
    /// Suppressions written in the configuration (`ignore`).
    package var ignores: [IgnoreEntry] = []
    /// The keys that modules above the engine read (`configuration[Section.self]`).
    var sections = ConfigurationSections()
    /// A finding's file relative to the configuration file's directory, for the `path` of
    /// `ignore` entries; nil when the file is outside it. The driver sets it from the
    /// configuration file's location; by default paths are taken as they are displayed.
    package var relativePath: @Sendable (String) -> String? = { $0 }

    package init(
        defaultNamespace: String = "default",
        disabledRules: Set<String> = [],
        severityOverrides: [String: Severity] = [:],
        kubernetesVersion: KubernetesVersion? = nil,
        externalObjects: [ExternalObject] = [],
        problems: [ConfigurationProblem] = []
    ) {
        self.defaultNamespace = defaultNamespace
        self.disabledRules = disabledRules
        self.severityOverrides = severityOverrides
        self.kubernetesVersion = kubernetesVersion ?? .defaultTarget
        self.isKubernetesVersionChosen = kubernetesVersion != nil
        self.externalObjects = externalObjects
        self.problems = problems
    }

    /// Whether the rule runs: named off, named on, else as the profile says.
    package func isEnabled(_ rule: RuleDescription) -> Bool {
        if disabledRules.contains(rule.id) { return false }
        if enabledRules.contains(rule.id) { return true }
        return profile.includes(rule.category)
    }

    /// Whether the configuration declares this object as living outside the tree.
    package func isExternal(kind: String, namespace: String, name: String) -> Bool {
        externalObjects.contains { $0.matches(kind: kind, namespace: namespace, name: name, defaultNamespace: defaultNamespace) }
    }

    /// Whether pods declared external (`kind: Pod` with `labels`) in `namespace` are selected:
    /// `selects` is asked with each declared set of labels.
    package func externalPodsExist(in namespace: String, where selects: (StringMap) -> Bool) -> Bool {
        for entry in externalObjects {
            if let labels = entry.podLabels(in: namespace, defaultNamespace: defaultNamespace), selects(labels) { return true }
        }
        return false
    }
}
