import KubeLintContracts
import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintTreeFacts
import KubeLintYAML

package struct DeprecatedServiceAccountFieldRule: ResourceRule {
    package init() {}

    package static let description = RuleDescription(
        id: "deprecated-service-account-field",
        severity: .warning,
        category: .practice,
        summary: "A pod names its ServiceAccount with the deprecated serviceAccount field",
        rationale: """
            `serviceAccount` is the old name of `serviceAccountName`, kept for compatibility. \
            The API server fills one from the other, and when both are written \
            `serviceAccountName` wins: a change made to `serviceAccount` alone then does \
            nothing, and readers and tools that look at one field see another account than the \
            pod runs as.
            """,
        remediation: "Write `serviceAccountName` and remove `serviceAccount`.",
        triggeringExamples: [
            Example("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                spec:
                  ↓serviceAccount: web
                  containers:
                  - name: web
                    image: nginx:1.27
                """),
        ],
        nonTriggeringExamples: [
            Example("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                spec:
                  serviceAccountName: web
                  containers:
                  - name: web
                    image: nginx:1.27
                """),
        ],
        equivalents: ["kube-linter:deprecated-service-account-field"]
    )

    package func check(_ resource: Resource, context: LintContext) -> [Finding] {
        guard let spec = resource.podTemplate?.spec, let deprecated = spec.serviceAccount, let key = deprecated.keyMark,
              !deprecated.value.isEmpty else { return [] }
        let message: String
        if let current = spec.serviceAccountName, current.value != deprecated.value {
            message = "serviceAccount \(deprecated.value) differs from serviceAccountName \(current.value), which wins; remove the deprecated field"
        } else if spec.serviceAccountName != nil {
            message = "serviceAccount repeats serviceAccountName; remove the deprecated field"
        } else {
            message = "serviceAccount is the deprecated name of serviceAccountName; write serviceAccountName: \(deprecated.value)"
        }
        return [finding(message, at: key, in: resource)]
    }
}
