import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintTreeFacts
import KubeLintYAML

package struct RunAsRootRule: ResourceRule {
    package init() {}

    package static let facts: [any Fact.Type] = [PodSpecCache.self]

    package static let description = RuleDescription(
        id: "run-as-root",
        severity: .warning,
        category: .security,
        summary: "A container may run as root",
        rationale: """
            A container runs as the user its image names, often root, unless the pod or the \
            container sets `runAsNonRoot: true` (the kubelet then refuses to start it as root) \
            or a `runAsUser` other than 0. Root in a container is root on the node's kernel: \
            one escape away from the node. `runAsNonRoot: true` together with `runAsUser: 0` \
            never starts at all, and group 0 (`runAsGroup: 0`) gives root's files to the process.
            """,
        remediation: "Set `runAsNonRoot: true` and a `runAsUser` (and `runAsGroup`) other than 0, in the pod's or the container's securityContext.",
        triggeringExamples: [
            Example("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                spec:
                  containers:
                  - name: ↓web
                    image: nginx:1.27
                  - name: agent
                    image: agent:1.0
                    securityContext:
                      runAsNonRoot: true
                      runAsUser: ↓0
                      runAsGroup: ↓0
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
                    runAsNonRoot: true
                  containers:
                  - name: web
                    image: nginx:1.27
                  - name: agent
                    image: agent:1.0
                    securityContext:
                      runAsUser: 1000
                """),
        ],
        equivalents: ["kube-linter:run-as-non-root"]
    )

    package func check(_ resource: Resource, context: LintContext) -> [Finding] {
        guard let pod = context.podSpec(of: resource) else { return [] }
        var findings: [Finding] = []
        for container in pod.containers {
            let user = pod.effectiveSecurity("runAsUser", of: container)
            let nonRoot = pod.effectiveSecurity("runAsNonRoot", of: container)
            if let group = pod.effectiveSecurity("runAsGroup", of: container), group.int == 0 {
                findings.append(finding("\(container.label) runs with group 0 (\(group.path)), which owns root's files", at: group.mark, in: resource))
            }
            if let user, user.int.map({ $0 > 0 }) == true { continue }
            if nonRoot?.bool == true {
                if let user, user.int == 0 {
                    findings.append(finding("\(container.label) sets runAsNonRoot and runAsUser 0 (\(user.path)); the kubelet refuses to start it", at: user.mark, in: resource))
                }
                continue
            }
            if let user, user.int == 0 {
                findings.append(finding("\(container.label) runs as root (\(user.path) is 0)", at: user.mark, in: resource))
            } else {
                findings.append(finding("\(container.label) sets neither runAsNonRoot: true nor a runAsUser other than 0; it runs as root if its image says so", at: container.mark, in: resource))
            }
        }
        return findings
    }
}
