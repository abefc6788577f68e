import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintTreeFacts
import KubeLintYAML

package struct SecretInEnvironmentRule: ResourceRule {
    package init() {}

    package static let facts: [any Fact.Type] = [PodSpecCache.self]

    package static let description = RuleDescription(
        id: "secret-in-environment",
        severity: .info,
        category: .security,
        summary: "A container reads a Secret into its environment",
        rationale: """
            Environment variables leak: they are inherited by every child process, printed by \
            crash reports and debug endpoints, and shown by `kubectl describe` of the pod's \
            processes. A Secret mounted as a file is readable only by who opens it, and its \
            updates reach the running pod (CIS Kubernetes Benchmark 5.4.1).
            """,
        remediation: "Mount the Secret as a volume and read the file; keep `secretKeyRef` only for software that cannot.",
        triggeringExamples: [
            Example("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                spec:
                  containers:
                  - name: web
                    image: web:1.0
                    env:
                    - name: DATABASE_PASSWORD
                      valueFrom:
                        ↓secretKeyRef: {name: database, key: password}
                    envFrom:
                    - ↓secretRef: {name: api-keys}
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
                    image: web:1.0
                    volumeMounts:
                    - {name: database, mountPath: /etc/secrets/database, readOnly: true}
                  volumes:
                  - name: database
                    secret: {secretName: database}
                """),
        ],
        equivalents: ["kube-linter:read-secret-from-env-var"]
    )

    package func check(_ resource: Resource, context: LintContext) -> [Finding] {
        guard let pod = context.podSpec(of: resource) else { return [] }
        var findings: [Finding] = []
        for container in pod.containers {
            for node in container.node["env"]?.items ?? [] {
                guard let reference = node["valueFrom"]?.pair("secretKeyRef") else { continue }
                let name = node["name"].flatMap(MappingReader.string) ?? "?"
                findings.append(finding("env \(name) of \(container.label) reads a Secret into the environment", at: reference.key.start, in: resource))
            }
            for node in container.node["envFrom"]?.items ?? [] {
                guard let reference = node.pair("secretRef") else { continue }
                let secret = reference.value["name"].flatMap(MappingReader.string) ?? "?"
                findings.append(finding("\(container.label) reads every key of Secret \(secret) into the environment", at: reference.key.start, in: resource))
            }
        }
        return findings
    }
}
