import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintTreeFacts
import KubeLintYAML

package struct SensitiveHostMountRule: ResourceRule {
    package init() {}

    package static let facts: [any Fact.Type] = [PodSpecCache.self]

    package static let description = RuleDescription(
        id: "sensitive-host-mount",
        severity: .warning,
        category: .security,
        summary: "A pod mounts a system directory of its node",
        rationale: """
            A `hostPath` volume of `/`, `/boot`, `/dev`, `/etc`, `/lib`, `/proc`, `/sys` or \
            `/usr` hands the node's system files to the pod: its passwords and keys, its \
            kernel's settings, its devices. Written to, they are the node.
            """,
        remediation: "Mount only the directory the pod needs (read-only), or get the data another way (a ConfigMap, the downward API).",
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
                    - {name: host-etc, mountPath: /host/etc}
                  volumes:
                  - name: host-etc
                    hostPath: {path: ↓/etc}
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
        equivalents: ["kube-linter:sensitive-host-mounts"]
    )

    static let systemDirectories: Set<String> = ["/", "/boot", "/dev", "/etc", "/lib", "/proc", "/sys", "/usr"]

    package func check(_ resource: Resource, context: LintContext) -> [Finding] {
        guard let pod = context.podSpec(of: resource) else { return [] }
        return pod.hostPathMounts.compactMap { volume in
            guard Self.systemDirectories.contains(volume.normalizedPath) else { return nil }
            return finding("volume \(volume.volumeName) mounts the node's \(volume.normalizedPath) into the pod", at: volume.path.mark, in: resource)
        }
    }
}
