import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintYAML

package struct InvalidTypeRule: SchemaProblemRule {
    package init() {}

    package static let description = RuleDescription(
        id: "invalid-type",
        severity: .error,
        category: .schema,
        summary: "A field has the wrong type or an impossible value",
        rationale: """
            The API server decodes manifests into typed objects and refuses the whole object when \
            a field does not fit: a quoted "8080" where an integer is required, a list where a \
            mapping is required, a number where a boolean is required. (A plain `yes` or `8080` \
            where a string is required is `string-expected`.)
            """,
        remediation: "Write the value with the type the field needs: quote strings, unquote numbers.",
        triggeringExamples: [
            Example("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                spec:
                  containers:
                  - name: web
                    image: nginx
                    ports:
                    - containerPort: ↓"8080"
                """),
            Example("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: web
                spec:
                  selector: ↓[app, web]
                  ports:
                  - port: 80
                    targetPort: ↓1.5
                  publishNotReadyAddresses: ↓"true"
                """),
            Example("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                spec:
                  replicas: ↓-1
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata: {labels: {app: web}}
                    spec:
                      containers: ↓{name: web, image: nginx}
                """),
        ],
        nonTriggeringExamples: [
            Example("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: flags
                  creationTimestamp: null
                data:
                  ENABLED: "yes"
                  PORT: "8080"
                """),
        ],
        equivalents: ["kube-linter:schema-validation"]
    )

    /// The schema walk's type problems, and the decoder's where the walk found nothing at the
    /// same place (one finding per problem; plain scalars where strings belong are
    /// `string-expected`'s).
    package func check(_ resource: Resource, context: LintContext) -> [Finding] {
        // Kustomization and other tool files are not API objects: nothing is required of them.
        if context[SchemaReport.self].classification(of: resource) == .toolConfiguration { return [] }
        let covered = Set(context[SchemaReport.self].problems(for: resource).map(\.mark))
        var findings: [Finding] = []
        for issue in resource.issues where !covered.contains(issue.mark) {
            switch issue.kind {
            case .wrongType, .invalidValue:
                findings.append(finding(issue.message, at: issue.mark, in: resource))
            case .missingField:
                break
            }
        }
        return findings + schemaFindings(resource, context: context)
    }

    func reports(_ problem: SchemaProblem) -> Bool {
        if case .wrongType = problem.kind { return true }
        return false
    }
}
