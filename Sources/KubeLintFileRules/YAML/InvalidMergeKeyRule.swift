import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintYAML

package struct InvalidMergeKeyRule: Rule {
    package init() {}

    package static let description = RuleDescription(
        id: "invalid-merge-key",
        severity: .error,
        category: .yaml,
        summary: "A `<<` merge key is not followed by a mapping or a list of mappings",
        rationale: """
            `<<: *anchor` copies the entries of a mapping. Pointed at anything else, Kubernetes' \
            YAML reader rejects the file ("map merge requires map or sequence of maps").
            """,
        remediation: "Point `<<` at an anchored mapping (`<<: *defaults`) or a list of them.",
        triggeringExamples: [
            Example("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: &name web
                  labels:
                    <<: ↓*name
                """),
        ],
        nonTriggeringExamples: [
            Example("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: web
                  labels: &labels {app: web}
                  annotations:
                    <<: *labels
                """),
        ]
    )

    package func check(_ context: LintContext) -> [Finding] {
        context.tree.files.flatMap { file in
            file.problems.compactMap { entry -> Finding? in
                guard case .invalidMerge = entry.problem.kind else { return nil }
                return finding("`<<` merge value must be a mapping or a list of mappings", file: file.path, at: entry.problem.mark)
            }
        }
    }
}
