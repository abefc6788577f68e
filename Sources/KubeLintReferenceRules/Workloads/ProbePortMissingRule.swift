import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintTreeFacts
import KubeLintYAML

package struct ProbePortMissingRule: ResourceRule {
    package init() {}

    package static let description = RuleDescription(
        id: "probe-port-missing",
        severity: .error,
        category: .workloads,
        summary: "A probe names a port its container does not declare",
        rationale: """
            A probe may name its port (`port: http`) instead of giving the number; the kubelet \
            then looks the name up among the container's own `ports`. When no port of the \
            container has that name the probe cannot run and counts as failed: a failing \
            liveness or startup probe restarts the container again and again, a failing \
            readiness probe keeps the pod out of its Services for good. The API server accepts \
            the pod, so nothing reports it before the pods misbehave.
            """,
        remediation: "Name the port the probe uses in the container's `ports` (or give the probe the port number).",
        triggeringExamples: [
            Example("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                spec:
                  selector:
                    matchLabels: {app: web}
                  template:
                    metadata:
                      labels: {app: web}
                    spec:
                      containers:
                      - name: web
                        image: nginx:1.27
                        ports:
                        - name: http
                          containerPort: 8080
                        livenessProbe:
                          httpGet: {path: /healthz, port: ↓health}
                        readinessProbe:
                          tcpSocket: {port: ↓htpp}
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
                    ports:
                    - name: http
                      containerPort: 8080
                    livenessProbe:
                      httpGet: {path: /healthz, port: 9090}
                    readinessProbe:
                      httpGet: {path: /ready, port: http}
                """),
        ],
        equivalents: ["kube-linter:liveness-port", "kube-linter:readiness-port", "kube-linter:startup-port"]
    )

    package func check(_ resource: Resource, context: LintContext) -> [Finding] {
        guard let spec = resource.podTemplate?.spec else { return [] }
        var findings: [Finding] = []
        for container in spec.allContainers {
            let names = Set(container.ports.compactMap { $0.name?.value })
            for (kind, probe) in ProbeKind.probes(of: container) {
                // A number written as a string ("8080") is tried as a number by the kubelet, and
                // reported by invalid-port-name.
                guard let port = probe.port, case .string(let name) = port.value, !name.isEmpty,
                      !name.allSatisfy({ $0.isASCII && $0.isNumber }), !names.contains(name) else { continue }
                findings.append(finding(
                    "\(kind.rawValue) of container \(ContainerWords.name(container)) targets port '\(name)', "
                        + "which the container does not declare; \(kind.consequence)",
                    at: port.mark, in: resource
                ))
            }
        }
        return findings
    }
}
