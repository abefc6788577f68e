import KubeLintContracts
import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintTreeFacts
import KubeLintYAML

package struct RequestsDifferFromLimitsRule: ResourceRule {
    package init() {}

    package static let facts: [any Fact.Type] = [PodSpecCache.self]

    package static let description = RuleDescription(
        id: "requests-differ-from-limits",
        severity: .info,
        category: .optional,
        summary: "A container's request of CPU, memory or ephemeral storage differs from its limit",
        rationale: """
            A container that may use more than it requests lives on what its neighbours leave: \
            nodes are overcommitted by the difference, and under pressure such pods are \
            throttled or evicted first. Requests equal to limits (the Guaranteed class for CPU \
            and memory) make a pod's share certain, at the price of idle reserved resources; \
            this rule is for teams that choose that.
            """,
        remediation: "Set each request equal to its limit.",
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
                    resources:
                      requests: {cpu: 250m, memory: ↓128Mi}
                      limits: {cpu: 250m, memory: 512Mi}
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
                      requests: {cpu: "0.25", memory: 512Mi}
                      limits: {cpu: 250m, memory: 512Mi}
                """),
        ],
        equivalents: [
            "kube-score:container-resource-requests-equal-limits", "kube-score:container-cpu-requests-equal-limits",
            "kube-score:container-memory-requests-equal-limits", "kube-score:container-ephemeral-storage-request-equals-limit",
        ]
    )

    static let resourceNames = ["cpu", "memory", "ephemeral-storage"]

    package func check(_ resource: Resource, context: LintContext) -> [Finding] {
        guard let pod = context.podSpec(of: resource) else { return [] }
        var findings: [Finding] = []
        for container in pod.containers {
            guard let resources = container.node["resources"], let requests = resources["requests"],
                  let limits = resources["limits"] else { continue }
            for name in Self.resourceNames {
                guard let request = requests[name], let requested = request.scalar?.text,
                      let limited = limits[name]?.scalar?.text, !Quantity.equal(requested, limited) else { continue }
                findings.append(finding(
                    "\(container.label) requests \(requested) of \(name) but may use \(limited); its share depends on its neighbours",
                    at: request.start, in: resource
                ))
            }
        }
        return findings
    }
}
