import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintTreeFacts
import KubeLintYAML

package struct PrivilegedPortRule: ResourceRule {
    package init() {}

    package static let description = RuleDescription(
        id: "privileged-port",
        severity: .info,
        category: .security,
        summary: "A container listens on a port below 1024",
        rationale: """
            Binding a port below 1024 takes root or the `NET_BIND_SERVICE` capability, so a \
            container that declares one usually runs with more privilege than it needs. A \
            Service can map its port 80 to a container's 8080 instead.
            """,
        remediation: "Listen on a port of 1024 or above and let the Service's `port` be the low one.",
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
                    ports:
                    - containerPort: ↓80
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
                    image: nginxinc/nginx-unprivileged:1.27
                    ports:
                    - containerPort: 8080
                """),
        ],
        equivalents: ["kube-linter:privileged-ports"]
    )

    package func check(_ resource: Resource, context: LintContext) -> [Finding] {
        guard let spec = resource.podTemplate?.spec else { return [] }
        var findings: [Finding] = []
        for container in spec.allContainers {
            for port in container.ports {
                guard let number = port.containerPort, number.value > 0, number.value < 1024 else { continue }
                findings.append(finding("container \(ContainerWords.name(container)) listens on port \(number.value), which needs root or NET_BIND_SERVICE to bind", at: number.mark, in: resource))
            }
        }
        return findings
    }
}
