import KubeLintModel

public struct MissingRequiredFieldRule: ResourceRule {
    public init() {}

    public static let description = RuleDescription(
        id: "missing-required-field",
        severity: .error,
        category: .schema,
        summary: "A field the API server requires is missing",
        rationale: """
            Without `apiVersion` and `kind` a document is not an object at all; without \
            `metadata.name`, a container's `name`, a port's `containerPort` or a volume's `name` \
            the API server refuses the object.
            """,
        remediation: "Add the missing field to the mapping the finding points at.",
        triggeringExamples: [
            Example("""
                ↓kind: ConfigMap
                metadata:
                  name: settings
                """),
            Example("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                spec:
                  containers:
                  - ↓image: nginx
                """),
        ],
        nonTriggeringExamples: [
            Example("""
                apiVersion: v1
                kind: Pod
                metadata:
                  generateName: web-
                spec:
                  containers:
                  - name: web
                    image: nginx
                """),
        ]
    )

    public func check(_ resource: Resource, context: LintContext) -> [Finding] {
        resource.issues.compactMap { issue in
            guard case .missingField = issue.kind else { return nil }
            return finding(issue.message, at: issue.mark, in: resource)
        }
    }
}
