import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintYAML

package struct UnusedSuppressionRule: SuppressionRule {
    package init() {}

    package static let description = RuleDescription(
        id: "unused-suppression",
        severity: .warning,
        category: .suppressions,
        summary: "A suppression matches no finding",
        rationale: """
            Suppressions outlive the problems they were written for: the object gets fixed, the \
            line moves, the rule is renamed. A stale suppression hides the next real finding at \
            the same place and tells readers something that is no longer true. Suppressions of a \
            rule that did not run (switched off in the configuration) are not judged.
            """,
        remediation: "Remove the annotation, comment or `ignore` entry; or move the comment to the line the finding points at.",
        triggeringExamples: [
            Example("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                  annotations:
                    ↓kubelint.dev/ignore.configmap-missing: web-env is created by the platform
                spec:
                  containers:
                  - name: web
                    image: web:1.0  ↓# kubelint:ignore string-expected the tag is a string already
                    envFrom:
                    - configMapRef:
                        name: web-env
                """, otherFiles: ["configmap.yaml": webEnv], configuration: """
                ignore:
                - ↓rule: secret-missing
                  name: web
                  reason: the platform injects the database secret
                """),
        ],
        nonTriggeringExamples: [
            Example("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                  annotations:
                    kubelint.dev/ignore.configmap-missing: web-env is created by the platform
                spec:
                  containers:
                  - name: web
                    image: web:1.0
                    envFrom:
                    - configMapRef:
                        name: web-env
                    - secretRef:
                        # kubelint:ignore secret-missing the platform injects it
                        name: database
                """),
        ]
    )

    static let webEnv = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: web-env
        data:
          MODE: fast
        """

    package func check(_ outcome: SuppressionOutcome, context: LintContext) -> [Finding] {
        outcome.unused.map { suppression in
            let subject: String
            switch suppression.origin {
            case .annotation:
                subject = "on \(suppression.resource?.description ?? "this object")"
            case .comment:
                subject = "on the line it applies to"
            case .configuration:
                subject = "in this run"
            }
            return finding(
                "\(suppression.label) matches no finding \(subject); remove it",
                at: suppression.location, resource: suppression.resource
            )
        }
    }
}
