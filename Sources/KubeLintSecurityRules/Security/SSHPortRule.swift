import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintTreeFacts
import KubeLintYAML

package struct SSHPortRule: ResourceRule {
    package init() {}

    package static let description = RuleDescription(
        id: "ssh-port",
        severity: .warning,
        category: .security,
        summary: "A container exposes port 22 (SSH)",
        rationale: """
            An SSH server in a container is a second way in, with its own keys and users, \
            beside `kubectl exec` and its RBAC and audit trail; and a service that is not SSH \
            but listens on 22 will be probed as one. Port 22 over TCP is reported.
            """,
        remediation: "Remove the SSH server and use `kubectl exec` (or `kubectl debug`); move anything else to another port.",
        triggeringExamples: [
            Example("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: bastion
                spec:
                  containers:
                  - name: sshd
                    image: sshd:9.8
                    ports:
                    - containerPort: ↓22
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
                    image: coredns:1.11
                    ports:
                    - {containerPort: 22, protocol: UDP}
                """),
        ],
        equivalents: ["kube-linter:ssh-port"]
    )

    package func check(_ resource: Resource, context: LintContext) -> [Finding] {
        guard let spec = resource.podTemplate?.spec else { return [] }
        var findings: [Finding] = []
        for container in spec.allContainers {
            for port in container.ports {
                guard let number = port.containerPort, number.value == 22,
                      (port.protocol?.value).map({ $0.isEmpty || $0 == "TCP" }) ?? true else { continue }
                findings.append(finding("container \(ContainerWords.name(container)) exposes port 22, the SSH port", at: number.mark, in: resource))
            }
        }
        return findings
    }
}
