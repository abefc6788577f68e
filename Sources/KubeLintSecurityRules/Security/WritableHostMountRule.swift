import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintTreeFacts
import KubeLintYAML

package struct WritableHostMountRule: ResourceRule {
    package init() {}

    package static let facts: [any Fact.Type] = [PodSpecCache.self]

    package static let description = RuleDescription(
        id: "writable-host-mount",
        severity: .warning,
        category: .security,
        summary: "A container mounts a directory of its node writable",
        rationale: """
            A container that can write to a `hostPath` volume changes the node itself: it can \
            plant files the node or other pods later run or trust. Log shippers and other \
            agents that only read host files need the mount read-only.
            """,
        remediation: "Set `readOnly: true` on the container's volume mount.",
        triggeringExamples: [
            Example("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: agent
                spec:
                  containers:
                  - name: agent
                    image: agent:1.0
                    volumeMounts:
                    - ↓{name: logs, mountPath: /var/log/pods}
                  volumes:
                  - name: logs
                    hostPath: {path: /var/log/pods}
                """),
        ],
        nonTriggeringExamples: [
            Example("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: agent
                spec:
                  containers:
                  - name: agent
                    image: agent:1.0
                    volumeMounts:
                    - {name: logs, mountPath: /var/log/pods, readOnly: true}
                  volumes:
                  - name: logs
                    hostPath: {path: /var/log/pods}
                """),
        ],
        equivalents: ["kube-linter:writable-host-mount"]
    )

    package func check(_ resource: Resource, context: LintContext) -> [Finding] {
        guard let pod = context.podSpec(of: resource) else { return [] }
        var findings: [Finding] = []
        for volume in pod.hostPathMounts {
            for (container, mount) in volume.mounts {
                guard mount["readOnly"]?.scalar?.resolved != .bool(true) else { continue }
                findings.append(finding(
                    "\(container.label) mounts the node's \(volume.normalizedPath) writable (volume \(volume.volumeName))",
                    at: mount.start, in: resource
                ))
            }
        }
        return findings
    }
}
