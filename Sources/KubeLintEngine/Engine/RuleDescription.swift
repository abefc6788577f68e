import KubeLintModel
/// A manifest that shows a rule at work. In a triggering example, each `↓` marks where a
/// finding must point (the marker is removed before the text is parsed); the generic example
/// test checks that the rule reports exactly there.
package struct Example: Sendable, Hashable {
    package var yaml: String
    /// Extra files that belong to the same tree (name → content), for cross-file rules.
    package var otherFiles: [String: String]
    /// Configuration the example runs with, as `.kubelint.yaml` text; nil for defaults.
    package var configuration: String?
    /// The Kubernetes release the example targets; nil for the default.
    package var kubernetesVersion: KubernetesVersion?
    /// A contract (docs/contracts.md) the example is checked against, governing the whole tree.
    /// `↓` markers may appear here too, for findings that point at the contract.
    package var contract: String?

    package init(
        _ yaml: String, otherFiles: [String: String] = [:], configuration: String? = nil,
        kubernetesVersion: KubernetesVersion? = nil, contract: String? = nil
    ) {
        self.yaml = yaml
        self.otherFiles = otherFiles
        self.configuration = configuration
        self.kubernetesVersion = kubernetesVersion
        self.contract = contract
    }

    package static let marker: Character = "↓"
}

package enum RuleCategory: String, Sendable, CaseIterable {
    /// The input could not be read or parsed; makes the run exit 2.
    case input
    /// YAML that parses but means something other than what was written.
    case yaml
    /// Files in the tree that are not manifests kubelint can check (tool configuration, data,
    /// Helm templates).
    case files
    /// Objects the API server would reject.
    case schema
    /// References between objects that do not resolve.
    case references
    /// Workload settings that break at run time.
    case workloads
    /// Team contracts from `rules/`.
    case contracts
    /// Suppressions that are malformed or no longer match anything.
    case suppressions
    /// Pods the API server's Pod Security admission rejects (or warns about) in a namespace the
    /// tree labels with a Pod Security level.
    case admission
    /// Reliability practice: probes, requests and limits, disruption budgets, spreading,
    /// pinned images, update strategy, replicas. In the `recommended` and `all` profiles.
    case practice
    /// Pod security, host access and RBAC. In the `security` and `all` profiles.
    case security
    /// Practices that suit some teams and not others (pull policy, equal requests and limits,
    /// node affinity). In the `all` profile only.
    case optional

    /// The category's place in listings (`allCases` order).
    package var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }
}

/// Everything about a rule that is not its code: the single source of `kubelint rules`,
/// `kubelint explain`, docs/rules.md, SARIF rule metadata and the example tests.
package struct RuleDescription: Sendable {
    package var id: String
    package var severity: Severity
    package var category: RuleCategory
    /// One line, starting with a capital and without a final period.
    package var summary: String
    /// Why the rule exists: what breaks without it.
    package var rationale: String
    /// What to change to satisfy it.
    package var remediation: String
    package var triggeringExamples: [Example]
    package var nonTriggeringExamples: [Example]
    /// The checks of other linters with the same meaning, as `tool:check`
    /// (`kube-linter:no-liveness-probe`, `kube-score:pod-probes`): for migrating, for measuring
    /// agreement, and for honouring kube-linter's `ignore-check.kube-linter.io/<check>`
    /// annotations. See `PeerChecks`.
    package var equivalents: [String]

    package init(
        id: String, severity: Severity, category: RuleCategory, summary: String,
        rationale: String, remediation: String,
        triggeringExamples: [Example] = [], nonTriggeringExamples: [Example] = [],
        equivalents: [String] = []
    ) {
        self.id = id
        self.severity = severity
        self.category = category
        self.summary = summary
        self.rationale = rationale
        self.remediation = remediation
        self.triggeringExamples = triggeringExamples
        self.nonTriggeringExamples = nonTriggeringExamples
        self.equivalents = equivalents
    }
}
