import KubeLintEngine
import KubeLintModel
import KubeLintTreeFacts
import KubeLintSchema
import KubeLintYAML

package struct DuplicateEnvRule: ResourceRule {
    package init() {}

    package static let description = RuleDescription(
        id: "duplicate-env",
        severity: .warning,
        category: .workloads,
        summary: "A container sets the same environment variable twice",
        rationale: """
            With a variable listed twice in a container's `env`, the later entry wins and the \
            earlier one is silently ignored (the API server only warns that it "hides previous \
            definition"). The ignored value is often the one someone meant to change.
            """,
        remediation: "Remove one of the two entries, keeping the value the container should see.",
        triggeringExamples: [
            Example("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                spec:
                  containers:
                  - name: web
                    image: nginx
                    env:
                    - {name: LOG_LEVEL, value: debug}
                    - {name: ↓LOG_LEVEL, value: info}
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
                    image: nginx
                    env:
                    - {name: LOG_LEVEL, value: debug}
                  - name: sidecar
                    image: envoy
                    env:
                    - {name: LOG_LEVEL, value: info}
                """),
        ],
        equivalents: ["kube-linter:duplicate-env-var", "kube-score:environment-variable-key-duplication"]
    )

    package func check(_ resource: Resource, context: LintContext) -> [Finding] {
        guard let spec = resource.podTemplate?.spec else { return [] }
        var findings: [Finding] = []
        for container in spec.allContainers {
            var first: [String: Located<String>] = [:]
            for variable in container.env {
                guard let name = variable.name, !name.value.isEmpty else { continue }
                guard let earlier = first[name.value] else {
                    first[name.value] = name
                    continue
                }
                first[name.value] = name
                findings.append(finding(
                    "container \(ContainerWords.name(container)) sets \(name.value) twice (before at line \(earlier.mark.line)); "
                        + "this later entry wins",
                    at: name.mark, in: resource,
                    related: [Finding.Related(location: FileLocation(file: resource.source.file, mark: earlier.mark), message: "earlier \(name.value), ignored")]
                ))
            }
        }
        return findings
    }
}
