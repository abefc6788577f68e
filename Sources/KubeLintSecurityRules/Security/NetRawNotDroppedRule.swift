import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintTreeFacts
import KubeLintYAML

package struct NetRawNotDroppedRule: ResourceRule {
    package init() {}

    package static let facts: [any Fact.Type] = [PodSpecCache.self]

    package static let description = RuleDescription(
        id: "net-raw-not-dropped",
        severity: .warning,
        category: .security,
        summary: "A container keeps the NET_RAW capability",
        rationale: """
            Container runtimes grant `NET_RAW` by default. It lets a process craft any packet: \
            spoof addresses, and poison the ARP and DNS of the pods on its node. Few \
            applications need it (ping does, and can use ICMP sockets instead).
            """,
        remediation: "Drop it: `securityContext.capabilities.drop: [ALL]` (or `[NET_RAW]`), and do not add it back.",
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
                  - name: ping
                    image: busybox:1.36
                    securityContext:
                      capabilities:
                        drop: [ALL]
                        add: [↓NET_RAW]
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
                      capabilities:
                        drop: [NET_RAW]
                """),
        ],
        equivalents: ["kube-linter:drop-net-raw-capability"]
    )

    package func check(_ resource: Resource, context: LintContext) -> [Finding] {
        guard let pod = context.podSpec(of: resource) else { return [] }
        var findings: [Finding] = []
        for container in pod.containers {
            let capabilities = container.securityField("capabilities")
            if let added = capabilities?.field("add")?.items.first(where: { MappingReader.string($0.node) == "NET_RAW" }) {
                findings.append(finding("\(container.label) adds NET_RAW: its processes can forge packets on the node's network", at: added.node.start, in: resource))
                continue
            }
            let dropped = capabilities?.field("drop")?.items.compactMap { MappingReader.string($0.node) } ?? []
            guard !dropped.contains("ALL"), !dropped.contains("NET_RAW") else { continue }
            findings.append(finding(
                "\(container.label) does not drop NET_RAW, which the runtime grants by default",
                at: capabilities?.keyMark ?? container.mark, in: resource
            ))
        }
        return findings
    }
}
