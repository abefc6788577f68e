import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintTreeFacts
import KubeLintYAML

package struct UnsafeProcMountRule: ResourceRule {
    package init() {}

    package static let facts: [any Fact.Type] = [PodSpecCache.self]

    package static let description = RuleDescription(
        id: "unsafe-proc-mount",
        severity: .warning,
        category: .security,
        summary: "A container unmasks /proc",
        rationale: """
            Container runtimes hide and make read-only the parts of `/proc` that expose or \
            control the node's kernel. `procMount: Unmasked` removes that masking, which only \
            nested container runtimes in a user namespace should need.
            """,
        remediation: "Remove `procMount` (or set it to `Default`).",
        triggeringExamples: [
            Example("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: nested
                spec:
                  containers:
                  - name: nested
                    image: runner:1.0
                    securityContext:
                      procMount: ↓Unmasked
                """),
        ],
        nonTriggeringExamples: [
            Example("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: nested
                spec:
                  containers:
                  - name: nested
                    image: runner:1.0
                    securityContext:
                      procMount: Default
                """),
        ],
        equivalents: ["kube-linter:unsafe-proc-mount"]
    )

    package func check(_ resource: Resource, context: LintContext) -> [Finding] {
        guard let pod = context.podSpec(of: resource) else { return [] }
        return pod.containers.compactMap { container in
            guard let field = container.securityField("procMount"), let value = field.string, value == "Unmasked" else { return nil }
            return finding("\(container.label) unmasks /proc: the kernel settings the runtime hides are open to it", at: field.mark, in: resource)
        }
    }
}
