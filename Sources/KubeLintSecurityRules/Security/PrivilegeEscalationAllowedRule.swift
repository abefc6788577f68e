import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintTreeFacts
import KubeLintYAML

package struct PrivilegeEscalationAllowedRule: ResourceRule {
    package init() {}

    package static let facts: [any Fact.Type] = [PodSpecCache.self]

    package static let description = RuleDescription(
        id: "privilege-escalation-allowed",
        severity: .warning,
        category: .security,
        summary: "A container lets its processes gain more privileges than they started with",
        rationale: """
            With `allowPrivilegeEscalation: true`, a process can gain privileges through \
            set-user-ID programs or file capabilities, so an attacker who gets a shell as an \
            unprivileged user can become root in the container. Adding `SYS_ADMIN` amounts to \
            the same. (A privileged container escalates too: see `privileged-container`.)
            """,
        remediation: "Set `securityContext.allowPrivilegeEscalation: false` and do not add `SYS_ADMIN`.",
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
                    securityContext:
                      allowPrivilegeEscalation: ↓true
                  - name: fuse
                    image: fuse:1.0
                    securityContext:
                      capabilities:
                        add: [↓SYS_ADMIN]
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
                    securityContext:
                      allowPrivilegeEscalation: false
                      capabilities:
                        add: [NET_BIND_SERVICE]
                """),
        ],
        equivalents: ["kube-linter:privilege-escalation-container"]
    )

    package func check(_ resource: Resource, context: LintContext) -> [Finding] {
        guard let pod = context.podSpec(of: resource) else { return [] }
        var findings: [Finding] = []
        for container in pod.containers {
            if let field = container.securityField("allowPrivilegeEscalation"), field.bool == true {
                findings.append(finding("\(container.label) allows privilege escalation: its processes can become root through set-user-ID programs", at: field.mark, in: resource))
            }
            for (node, _) in container.securityField("capabilities")?.field("add")?.items ?? [] where MappingReader.string(node) == "SYS_ADMIN" {
                findings.append(finding("\(container.label) adds SYS_ADMIN, which gives its processes most of root's powers over the node", at: node.start, in: resource))
            }
        }
        return findings
    }
}
