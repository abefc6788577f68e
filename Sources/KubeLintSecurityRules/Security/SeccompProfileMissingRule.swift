import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintTreeFacts
import KubeLintYAML

package struct SeccompProfileMissingRule: ResourceRule {
    package init() {}

    package static let facts: [any Fact.Type] = [PodSpecCache.self]

    package static let description = RuleDescription(
        id: "seccomp-profile-missing",
        severity: .warning,
        category: .security,
        summary: "A container runs without a seccomp profile",
        rationale: """
            Unless a pod asks for one, Kubernetes runs containers `Unconfined`: every system \
            call of the kernel is open to them, including the rarely used ones behind most \
            container escapes. The runtime's default profile (`RuntimeDefault`) blocks those \
            and nothing ordinary applications use.
            """,
        remediation: "Set `securityContext.seccompProfile.type: RuntimeDefault` in the pod (or each container).",
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
                  - name: agent
                    image: agent:1.0
                    securityContext:
                      seccompProfile: {type: ↓Unconfined}
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
                    seccompProfile: {type: RuntimeDefault}
                  containers:
                  - name: web
                    image: nginx:1.27
                  - name: agent
                    image: agent:1.0
                    securityContext:
                      seccompProfile: {type: Localhost, localhostProfile: agent.json}
                """),
        ],
        equivalents: ["kube-score:container-seccomp-profile"]
    )

    package func check(_ resource: Resource, context: LintContext) -> [Finding] {
        guard let pod = context.podSpec(of: resource) else { return [] }
        // Before 1.19 (and still read by older clusters): the pod annotation.
        if let annotation = pod.metadata?["annotations"]?["seccomp.security.alpha.kubernetes.io/pod"].flatMap(MappingReader.string),
           annotation != "unconfined" { return [] }
        return pod.containers.compactMap { container in
            guard let type = pod.effectiveSecurity("seccompProfile", of: container)?.field("type") else {
                return finding("\(container.label) has no seccomp profile, so every system call is open to it", at: container.mark, in: resource)
            }
            guard type.string == "Unconfined" else { return nil }
            return finding("\(container.label) runs Unconfined (\(type.path)), so every system call is open to it", at: type.mark, in: resource)
        }
    }
}
