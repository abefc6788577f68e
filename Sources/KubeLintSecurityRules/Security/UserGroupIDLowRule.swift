import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintTreeFacts
import KubeLintYAML

package struct UserGroupIDLowRule: ResourceRule {
    package init() {}

    package static let facts: [any Fact.Type] = [PodSpecCache.self]

    package static let description = RuleDescription(
        id: "user-group-id-low",
        severity: .info,
        category: .security,
        summary: "A container runs with a user or group ID below 10000",
        rationale: """
            Low user and group IDs are those of the node's own accounts and system services. A \
            process that escapes its container keeps its IDs, and with a low one it owns \
            whatever that node account owns. IDs of 10000 and above belong to nobody on the \
            node. Containers that set no ID run with their image's, usually a low one.
            """,
        remediation: "Set `runAsUser` and `runAsGroup` to 10000 or more in the pod's or the container's securityContext (and build the image to work with them).",
        triggeringExamples: [
            Example("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                spec:
                  securityContext:
                    runAsUser: ↓1000
                  containers:
                  - name: web
                    image: nginx:1.27
                    securityContext:
                      runAsGroup: 20000
                  - name: ↓agent
                    image: agent:1.0
                """),
        ],
        nonTriggeringExamples: [
            Example("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                spec:
                  securityContext:
                    runAsUser: 10001
                    runAsGroup: 10001
                  containers:
                  - name: web
                    image: nginx:1.27
                """),
        ],
        equivalents: ["kube-score:container-security-context-user-group-id"]
    )

    package func check(_ resource: Resource, context: LintContext) -> [Finding] {
        guard let pod = context.podSpec(of: resource) else { return [] }
        var findings: [Finding] = []
        var reported: Set<Int> = []
        for container in pod.containers {
            let user = pod.effectiveSecurity("runAsUser", of: container)
            let group = pod.effectiveSecurity("runAsGroup", of: container)
            var low: [PodField] = []
            var unset: [String] = []
            for (key, field) in [("runAsUser", user), ("runAsGroup", group)] {
                if let field, let id = field.int {
                    if id < 10000 { low.append(field) }
                } else {
                    unset.append(key)
                }
            }
            // A pod-level ID is reported once, not for every container that inherits it.
            for field in low where reported.insert(field.mark.offset).inserted {
                findings.append(finding("\(field.path) is \(field.int ?? 0), below 10000: an ID the node's own accounts may have", at: field.mark, in: resource))
            }
            if !unset.isEmpty {
                findings.append(finding(
                    "\(container.label) sets no \(unset.joined(separator: " or ")); it runs with its image's IDs, usually low ones",
                    at: container.mark, in: resource
                ))
            }
        }
        return findings
    }
}
