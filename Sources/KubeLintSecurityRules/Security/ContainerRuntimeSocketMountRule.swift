import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintTreeFacts
import KubeLintYAML

package struct ContainerRuntimeSocketMountRule: ResourceRule {
    package init() {}

    package static let facts: [any Fact.Type] = [PodSpecCache.self]

    package static let description = RuleDescription(
        id: "container-runtime-socket-mount",
        severity: .warning,
        category: .security,
        summary: "A pod mounts the node's container runtime socket",
        rationale: """
            Through `docker.sock`, `containerd.sock` or `crio.sock` a process can start any \
            container on the node, privileged and with the host's filesystem mounted: it \
            controls the node. Build tools and monitoring agents that once needed the socket \
            have alternatives (rootless builders, the kubelet's metrics).
            """,
        remediation: "Remove the volume and its mounts; use a tool that does not need the runtime's socket.",
        triggeringExamples: [
            Example("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: builder
                spec:
                  containers:
                  - name: builder
                    image: docker:27
                    volumeMounts:
                    - {name: docker, mountPath: /var/run/docker.sock}
                  volumes:
                  - name: docker
                    hostPath: {path: ↓/var/run/docker.sock}
                """),
        ],
        nonTriggeringExamples: [
            Example("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: builder
                spec:
                  containers:
                  - name: builder
                    image: moby/buildkit:v0.16.0-rootless
                """),
        ],
        equivalents: ["kube-linter:docker-sock"]
    )

    static let socketNames = ["docker.sock", "containerd.sock", "crio.sock"]

    package func check(_ resource: Resource, context: LintContext) -> [Finding] {
        guard let pod = context.podSpec(of: resource) else { return [] }
        return pod.hostPathMounts.compactMap { volume in
            let path = volume.normalizedPath
            guard Self.socketNames.contains(where: { path.hasSuffix("/" + $0) }) else { return nil }
            return finding("volume \(volume.volumeName) mounts the container runtime's socket \(path); the pod can start any container on the node", at: volume.path.mark, in: resource)
        }
    }
}
