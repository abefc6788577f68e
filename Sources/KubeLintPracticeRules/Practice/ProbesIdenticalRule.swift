import KubeLintContracts
import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintTreeFacts
import KubeLintYAML

package struct ProbesIdenticalRule: ResourceRule {
    package init() {}

    package static let facts: [any Fact.Type] = [PodSpecCache.self]

    package static let description = RuleDescription(
        id: "probes-identical",
        severity: .warning,
        category: .practice,
        summary: "A container's liveness and readiness probes check the same thing",
        rationale: """
            Readiness asks "may this pod take traffic now?", liveness "must this container be \
            restarted?". When both run the same check, a pod that is merely busy or waiting for \
            a dependency is restarted instead of being taken out of rotation for a while, and a \
            short overload turns into a restart storm across the whole Deployment.
            """,
        remediation: "Give the liveness probe a check of the process alone (or more failures before it acts), distinct from readiness.",
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
                    ↓livenessProbe:
                      httpGet: {path: /health, port: 8080}
                    readinessProbe:
                      httpGet: {path: /health, port: 8080}
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
                    livenessProbe:
                      httpGet: {path: /live, port: 8080}
                    readinessProbe:
                      httpGet: {path: /ready, port: 8080}
                """),
        ],
        equivalents: ["kube-score:pod-probes-identical"]
    )

    package func check(_ resource: Resource, context: LintContext) -> [Finding] {
        guard let pod = context.podSpec(of: resource) else { return [] }
        return pod.containers.compactMap { container in
            guard let liveness = container.field("livenessProbe"), let readiness = container.field("readinessProbe"),
                  let check = Self.check(of: liveness.value), check == Self.check(of: readiness.value) else { return nil }
            return finding(
                "\(container.label) runs the same check (\(check)) for liveness and readiness; when it fails, the kubelet restarts a container that only needed a pause",
                at: liveness.keyMark, in: resource
            )
        }
    }

    /// What a probe checks, ignoring timings: the handler and its target.
    static func check(of probe: Node) -> String? {
        if let http = probe["httpGet"] {
            return "httpGet \(http["path"].flatMap(MappingReader.string) ?? "/") on port \(Self.text(http["port"]))"
        }
        if let tcp = probe["tcpSocket"] { return "tcpSocket on port \(Self.text(tcp["port"]))" }
        if let grpc = probe["grpc"] { return "grpc on port \(Self.text(grpc["port"]))" }
        if let command = probe["exec"]?["command"]?.items {
            return "exec " + command.map { Self.text($0) }.joined(separator: " ")
        }
        return nil
    }

    private static func text(_ node: Node?) -> String { node?.scalar?.text ?? "?" }
}
