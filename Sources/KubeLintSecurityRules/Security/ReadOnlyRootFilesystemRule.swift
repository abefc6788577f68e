import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintTreeFacts
import KubeLintYAML

package struct ReadOnlyRootFilesystemRule: ResourceRule {
    package init() {}

    package static let facts: [any Fact.Type] = [PodSpecCache.self]

    package static let description = RuleDescription(
        id: "read-only-root-fs-missing",
        severity: .warning,
        category: .security,
        summary: "A container can write to its root filesystem",
        rationale: """
            A writable root filesystem lets an intruder replace the container's programs and \
            leave tools behind, and lets the application write state that vanishes with the \
            pod. With `readOnlyRootFilesystem: true`, the places the application must write \
            are explicit volumes (an `emptyDir` for `/tmp`).
            """,
        remediation: "Set `securityContext.readOnlyRootFilesystem: true` and mount an `emptyDir` where the application writes.",
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
                      readOnlyRootFilesystem: ↓false
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
                      readOnlyRootFilesystem: true
                    volumeMounts:
                    - {name: tmp, mountPath: /tmp}
                  volumes:
                  - name: tmp
                    emptyDir: {}
                """),
        ],
        equivalents: ["kube-linter:no-read-only-root-fs", "kube-score:container-security-context-readonlyrootfilesystem"]
    )

    package func check(_ resource: Resource, context: LintContext) -> [Finding] {
        guard let pod = context.podSpec(of: resource) else { return [] }
        return pod.containers.compactMap { container in
            let field = container.securityField("readOnlyRootFilesystem")
            guard field?.bool != true else { return nil }
            return finding(
                "\(container.label) can write to its root filesystem (readOnlyRootFilesystem is not true)",
                at: field?.mark ?? container.mark, in: resource
            )
        }
    }
}
