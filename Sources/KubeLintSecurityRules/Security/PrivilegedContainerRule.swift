import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintTreeFacts
import KubeLintYAML

package struct PrivilegedContainerRule: ResourceRule {
    package init() {}

    package static let facts: [any Fact.Type] = [PodSpecCache.self]

    package static let description = RuleDescription(
        id: "privileged-container",
        severity: .warning,
        category: .security,
        summary: "A container runs privileged",
        rationale: """
            A privileged container has every capability and every device of its node, and can \
            leave its container at will: whoever controls it controls the node and every pod on \
            it. Only node agents that manage the host itself (CNI plugins, storage drivers) \
            need it.
            """,
        remediation: "Remove `privileged: true`; add the one capability the container needs instead, if any.",
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
                      privileged: ↓true
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
                      privileged: false
                """),
        ],
        equivalents: ["kube-linter:privileged-container", "kube-score:container-security-context-privileged"]
    )

    package func check(_ resource: Resource, context: LintContext) -> [Finding] {
        guard let pod = context.podSpec(of: resource) else { return [] }
        return pod.containers.compactMap { container in
            guard let field = container.securityField("privileged"), field.bool == true else { return nil }
            return finding("\(container.label) runs privileged: it has every capability and device of its node", at: field.mark, in: resource)
        }
    }
}
