import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintTreeFacts
import KubeLintYAML

package struct HostIPCRule: ResourceRule {
    package init() {}

    package static let facts: [any Fact.Type] = [PodSpecCache.self]

    package static let description = RuleDescription(
        id: "host-ipc",
        severity: .warning,
        category: .security,
        summary: "A pod shares its node's IPC namespace",
        rationale: """
            With `hostIPC: true` the pod can read and write the shared memory and message \
            queues of every process on its node.
            """,
        remediation: "Remove `hostIPC: true`.",
        triggeringExamples: [Example(HostNamespaceSharing.example("hostIPC", marked: true))],
        nonTriggeringExamples: [Example(HostNamespaceSharing.example("hostIPC", marked: false))],
        equivalents: ["kube-linter:host-ipc"]
    )

    package func check(_ resource: Resource, context: LintContext) -> [Finding] {
        HostNamespaceSharing.findings(self, key: "hostIPC", consequence: "the pod shares the memory and message queues of its node's processes", in: resource, context: context)
    }
}
