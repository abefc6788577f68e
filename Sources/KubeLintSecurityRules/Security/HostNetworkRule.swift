import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintTreeFacts
import KubeLintYAML

package struct HostNetworkRule: ResourceRule {
    package init() {}

    package static let facts: [any Fact.Type] = [PodSpecCache.self]

    package static let description = RuleDescription(
        id: "host-network",
        severity: .warning,
        category: .security,
        summary: "A pod shares its node's network namespace",
        rationale: """
            With `hostNetwork: true` the pod's processes use the node's own network interfaces: \
            they can listen on any of its ports, reach services bound to the node's loopback, \
            watch its traffic, and bypass NetworkPolicies.
            """,
        remediation: "Remove `hostNetwork: true`; expose ports through a Service instead.",
        triggeringExamples: [Example(HostNamespaceSharing.example("hostNetwork", marked: true))],
        nonTriggeringExamples: [Example(HostNamespaceSharing.example("hostNetwork", marked: false))],
        equivalents: ["kube-linter:host-network"]
    )

    package func check(_ resource: Resource, context: LintContext) -> [Finding] {
        HostNamespaceSharing.findings(self, key: "hostNetwork", consequence: "the pod uses the node's network interfaces and bypasses NetworkPolicies", in: resource, context: context)
    }
}
