import KubeLintModel

public struct InvalidTypeRule: ResourceRule {
    public init() {}

    public static let description = RuleDescription(
        id: "invalid-type",
        severity: .error,
        category: .schema,
        summary: "A field has the wrong type or an impossible value",
        rationale: """
            The API server decodes manifests into typed objects and refuses the whole object when \
            a field does not fit: a quoted "8080" where an integer is required, a list where a \
            mapping is required, a bare `yes` or `1.0` where a string is required (YAML reads \
            those as a boolean and a number).
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
                kind: ConfigMap
                metadata:
                  name: flags
                data:
                  ENABLED: ↓yes
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
        ]
    )

    public func check(_ resource: Resource, context: LintContext) -> [Finding] {
        resource.issues.compactMap { issue in
            switch issue.kind {
            case .wrongType, .invalidValue:
                return finding(issue.message, at: issue.mark, in: resource)
            case .missingField:
                return nil
            }
        }
    }
}
