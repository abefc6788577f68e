import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintTreeFacts
import KubeLintYAML

package struct UnsafeSysctlRule: ResourceRule {
    package init() {}

    package static let facts: [any Fact.Type] = [PodSpecCache.self]

    package static let description = RuleDescription(
        id: "unsafe-sysctl",
        severity: .warning,
        category: .security,
        summary: "A pod sets a kernel parameter that is not namespaced to it",
        rationale: """
            Kubernetes counts a few sysctls as safe: they are isolated to the pod. Every other \
            one (shared memory, message queues, most of `net.*` and `kernel.*`) reaches beyond \
            the pod to its node or its neighbours, and the kubelet refuses the pod \
            (`SysctlForbidden`) unless the node was started with `--allowed-unsafe-sysctls`. The \
            safe set is the target release's.
            """,
        remediation: "Remove the sysctl, or run the pod on nodes set up for it (and accept what it changes there).",
        triggeringExamples: [
            Example("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: db
                spec:
                  securityContext:
                    sysctls:
                    - {name: kernel.shm_rmid_forced, value: "1"}
                    - {name: ↓kernel.shmmax, value: "68719476736"}
                  containers:
                  - name: db
                    image: postgres:16
                """),
        ],
        nonTriggeringExamples: [
            Example("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                spec:
                  securityContext:
                    sysctls:
                    - {name: net.ipv4.ip_local_port_range, value: "1024 65535"}
                  containers:
                  - name: web
                    image: nginx:1.27
                """),
        ],
        equivalents: ["kube-linter:unsafe-sysctls"]
    )

    package func check(_ resource: Resource, context: LintContext) -> [Finding] {
        guard let pod = context.podSpec(of: resource) else { return [] }
        let version = context.configuration.kubernetesVersion
        let safe = Set(PodSecurityEvaluation.safeSysctls.filter { version >= .v1($0.since) }.flatMap(\.names))
        return (pod.field("securityContext")?.field("sysctls")?.items ?? []).compactMap { node, _ in
            guard let nameNode = node["name"], let name = MappingReader.string(nameNode), !safe.contains(name) else { return nil }
            return finding("sysctl \(name) is not one Kubernetes counts as safe: it reaches beyond the pod, and the kubelet refuses the pod unless its node allows it", at: nameNode.start, in: resource)
        }
    }
}
