import KubeLintContracts
import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintTreeFacts
import KubeLintYAML

package struct ProbePortUndeclaredRule: ResourceRule {
    package init() {}

    package static let description = RuleDescription(
        id: "probe-port-undeclared",
        severity: .info,
        category: .practice,
        summary: "A probe checks a port number its container does not declare",
        rationale: """
            The kubelet probes a numbered port whether the container declares it or not, so \
            nothing breaks; but a container that lists its ports and probes another one is \
            often probing the wrong port (an old default, another container's). Containers that \
            declare no ports at all are not judged. A named port that does not exist is \
            `probe-port-missing`.
            """,
        remediation: "Declare the probed port in the container's `ports` (with a name the probe can use), or correct the probe.",
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
                    - containerPort: 8080
                    readinessProbe:
                      httpGet: {path: /ready, port: ↓80}
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
                    - containerPort: 8080
                    readinessProbe:
                      httpGet: {path: /ready, port: 8080}
                  - name: agent
                    image: agent:1.0
                    livenessProbe:
                      tcpSocket: {port: 9000}
                """),
        ],
        equivalents: ["kube-linter:liveness-port", "kube-linter:readiness-port", "kube-linter:startup-port"]
    )

    package func check(_ resource: Resource, context: LintContext) -> [Finding] {
        guard let spec = resource.podTemplate?.spec else { return [] }
        var findings: [Finding] = []
        for container in spec.allContainers where !container.ports.isEmpty {
            let numbers = Set(container.ports.compactMap { $0.containerPort?.value })
            for (kind, probe) in ProbeKind.probes(of: container) {
                guard let port = probe.port, case .int(let number) = port.value, !numbers.contains(number) else { continue }
                let declared = numbers.sorted().map(String.init).joined(separator: ", ")
                findings.append(finding(
                    "\(kind.rawValue) of container \(ContainerWords.name(container)) checks port \(number), which the container does not declare (it declares \(declared))",
                    at: port.mark, in: resource
                ))
            }
        }
        return findings
    }
}
