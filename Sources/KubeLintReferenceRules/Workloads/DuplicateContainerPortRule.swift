import KubeLintEngine
import KubeLintModel
import KubeLintTreeFacts
import KubeLintSchema
import KubeLintYAML

package struct DuplicateContainerPortRule: ResourceRule {
    package init() {}

    package static let description = RuleDescription(
        id: "duplicate-container-port",
        severity: .warning,
        category: .workloads,
        summary: "The same port number and protocol is declared twice in one pod",
        rationale: """
            The containers of a pod share one network namespace: a port number and protocol \
            (and host port) can be declared once. The API server accepts a repeat but warns \
            ("duplicate port definition"), and the repeat is usually a copy-paste of the line \
            above that was meant to be another port.
            """,
        remediation: "Remove the repeated entry, or give it the port number it was meant to have.",
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
                    ports:
                    - {name: http, containerPort: 8080}
                    - {name: metrics, containerPort: ↓8080}
                """),
        ],
        nonTriggeringExamples: [
            Example("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: dns
                spec:
                  containers:
                  - name: dns
                    image: coredns
                    ports:
                    - {name: dns, containerPort: 53, protocol: UDP}
                    - {name: dns-tcp, containerPort: 53, protocol: TCP}
                """),
        ]
    )

    private struct PortKey: Hashable {
        var number: Int
        var proto: String
        var hostPort: Int
    }

    package func check(_ resource: Resource, context: LintContext) -> [Finding] {
        guard let spec = resource.podTemplate?.spec else { return [] }
        var findings: [Finding] = []
        var first: [PortKey: (container: Container, port: Located<Int>)] = [:]
        // Init containers run before the others and one by one: they do not hold ports alongside them.
        for container in spec.containers {
            for port in container.ports {
                guard let number = port.containerPort else { continue }
                let proto = port.protocol.map { $0.value.isEmpty ? "TCP" : $0.value } ?? "TCP"
                let key = PortKey(number: number.value, proto: proto, hostPort: port.hostPort?.value ?? 0)
                guard let earlier = first[key] else {
                    first[key] = (container, number)
                    continue
                }
                let place = earlier.container.mark == container.mark ? "" : " (in container \(ContainerWords.name(earlier.container)))"
                findings.append(finding(
                    "port \(number.value)/\(proto) is declared twice in the pod\(place), first at line \(earlier.port.mark.line); "
                        + "the API server warns of a duplicate port definition",
                    at: number.mark, in: resource,
                    related: [Finding.Related(location: FileLocation(file: resource.source.file, mark: earlier.port.mark), message: "first \(number.value)/\(proto)")]
                ))
            }
        }
        return findings
    }
}
