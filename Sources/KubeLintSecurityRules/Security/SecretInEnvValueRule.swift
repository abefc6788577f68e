import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintTreeFacts
import KubeLintYAML

package struct SecretInEnvValueRule: ResourceRule {
    package init() {}

    package static let description = RuleDescription(
        id: "secret-in-env-value",
        severity: .warning,
        category: .security,
        summary: "An environment variable named like a secret has its value written in the manifest",
        rationale: """
            A password or token written as an env `value` is in the repository, in every copy \
            of the manifest, and readable by anyone who may read the workload. Variables whose \
            name says SECRET, PASSWORD, PASSWD, TOKEN, API_KEY or PRIVATE_KEY should take their \
            value from a Secret.
            """,
        remediation: "Move the value into a Secret and read it with `valueFrom.secretKeyRef` (or mount the Secret as a file).",
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
                    - name: ↓DATABASE_PASSWORD
                      value: hunter2
                    - name: ↓stripe_secret_key
                      value: sk_live_x
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
                    env:
                    - name: DATABASE_PASSWORD
                      valueFrom:
                        secretKeyRef: {name: database, key: password}
                    - name: TOKEN_TTL_SECONDS
                      value: ""
                """),
        ],
        equivalents: ["kube-linter:env-var-secret"]
    )

    static let secretWords = ["SECRET", "PASSWORD", "PASSWD", "TOKEN", "API_KEY", "APIKEY", "PRIVATE_KEY"]

    package func check(_ resource: Resource, context: LintContext) -> [Finding] {
        guard let spec = resource.podTemplate?.spec else { return [] }
        var findings: [Finding] = []
        for container in spec.allContainers {
            for variable in container.env {
                guard let name = variable.name, let value = variable.value, !value.value.isEmpty,
                      Self.secretWords.contains(where: name.value.uppercased().contains) else { continue }
                findings.append(finding(
                    "env \(name.value) of container \(ContainerWords.name(container)) is named like a secret and its value is written in the manifest",
                    at: name.mark, in: resource
                ))
            }
        }
        return findings
    }
}
