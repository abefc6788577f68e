import KubeLintContracts
import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintTreeFacts
import KubeLintYAML

package struct EphemeralStorageUnsetRule: ResourceRule {
    package init() {}

    package static let facts: [any Fact.Type] = [PodSpecCache.self]

    package static let description = RuleDescription(
        id: "ephemeral-storage-unset",
        severity: .info,
        category: .optional,
        summary: "A container sets no ephemeral-storage request or limit",
        rationale: """
            Logs, `emptyDir` volumes and writes to the container's own filesystem use the \
            node's disk. Without a request the scheduler does not count them; without a limit \
            one container can fill the disk, and the kubelet then evicts pods of the node until \
            it has room, its neighbours included.
            """,
        remediation: "Set `resources.requests.ephemeral-storage` and `resources.limits.ephemeral-storage`.",
        triggeringExamples: [
            Example("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                spec:
                  containers:
                  - name: web
                    image: nginx:1.27
                    ↓resources:
                      requests: {cpu: 100m, memory: 128Mi}
                      limits: {memory: 128Mi}
                """),
        ],
        nonTriggeringExamples: [
            Example("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                spec:
                  containers:
                  - name: web
                    image: nginx:1.27
                    resources:
                      requests: {ephemeral-storage: 1Gi}
                      limits: {ephemeral-storage: 2Gi}
                """),
        ],
        equivalents: ["kube-score:container-ephemeral-storage-request-and-limit"]
    )

    package func check(_ resource: Resource, context: LintContext) -> [Finding] {
        guard let pod = context.podSpec(of: resource) else { return [] }
        return pod.containers.compactMap { container in
            let resources = container.node.pair("resources")
            let requests = ContainerResources(resources?.value["requests"])
            let limits = ContainerResources(resources?.value["limits"])
            var missing: [String] = []
            if !requests.has("ephemeral-storage"), !limits.has("ephemeral-storage") { missing.append("request") }
            if !limits.has("ephemeral-storage") { missing.append("limit") }
            guard !missing.isEmpty else { return nil }
            return finding(
                "\(container.label) sets no ephemeral-storage \(missing.joined(separator: " or ")); its logs and scratch files can fill the node's disk",
                at: resources?.key.start ?? container.mark, in: resource
            )
        }
    }
}
