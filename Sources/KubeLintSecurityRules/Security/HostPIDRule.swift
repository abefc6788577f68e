import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintTreeFacts
import KubeLintYAML

package struct HostPIDRule: ResourceRule {
    package init() {}

    package static let facts: [any Fact.Type] = [PodSpecCache.self]

    package static let description = RuleDescription(
        id: "host-pid",
        severity: .warning,
        category: .security,
        summary: "A pod shares its node's process namespace",
        rationale: """
            With `hostPID: true` the pod sees every process of its node, its command lines and \
            environment (secrets included), and a privileged one can enter them.
            """,
        remediation: "Remove `hostPID: true`.",
        triggeringExamples: [Example(HostNamespaceSharing.example("hostPID", marked: true))],
        nonTriggeringExamples: [Example(HostNamespaceSharing.example("hostPID", marked: false))],
        equivalents: ["kube-linter:host-pid"]
    )

    package func check(_ resource: Resource, context: LintContext) -> [Finding] {
        HostNamespaceSharing.findings(self, key: "hostPID", consequence: "the pod sees every process of its node", in: resource, context: context)
    }
}
