import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintYAML

package struct InvalidLabelRule: SchemaProblemRule {
    package init() {}

    package static let description = RuleDescription(
        id: "invalid-label",
        severity: .error,
        category: .schema,
        summary: "A label or annotation key, or a label value, breaks Kubernetes' syntax",
        rationale: """
            Label and annotation keys are an optional DNS subdomain prefix and '/', then a name of \
            at most 63 letters, digits, '-', '_' and '.', starting and ending with a letter or \
            digit. Label values follow the same rules (or are empty). This holds for labels, \
            annotations' keys, `matchLabels`, selector requirements and `nodeSelector`; the API \
            server refuses anything else.
            """,
        remediation: "Rename the key or value: no spaces or ':', at most 63 characters, alphanumeric at both ends.",
        triggeringExamples: [
            Example("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: settings
                  labels:
                    ↓app name: web
                    tier: ↓front end
                    release: ↓-stable-
                  annotations:
                    ↓Example.com/owner: team-a
                """),
            Example("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                spec:
                  selector:
                    matchLabels: {app: web}
                    matchExpressions:
                    - {key: ↓"tier:", operator: In, values: [↓"front end"]}
                  template:
                    metadata: {labels: {app: web}}
                    spec:
                      containers:
                      - {name: web, image: nginx}
                """),
        ],
        nonTriggeringExamples: [
            Example("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: settings
                  labels:
                    app.kubernetes.io/name: web
                    io.kompose.service: web
                    version: "1.0"
                    empty: ""
                  annotations:
                    kompose.cmd: kompose convert -f docker-compose.yml
                    kompose.version: 1.19.0 (f63a961c)
                """),
        ],
        equivalents: ["kube-linter:schema-validation", "kube-score:label-values"]
    )

    func reports(_ problem: SchemaProblem) -> Bool {
        if case .invalidLabel = problem.kind { return true }
        return false
    }
}
