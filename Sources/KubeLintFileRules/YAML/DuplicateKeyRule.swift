import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintYAML

package struct DuplicateKeyRule: Rule {
    package init() {}

    package static let description = RuleDescription(
        id: "duplicate-key",
        severity: .error,
        category: .yaml,
        summary: "A mapping has the same key twice, as written or once YAML resolves it (`true` and `True`)",
        rationale: """
            With a key written twice, the later value silently replaces the earlier one when \
            Kubernetes reads the file (and recent kubectl versions refuse it outright). The \
            earlier value, often the one someone just edited, never reaches the cluster. Keys \
            written differently can be the same key: YAML reads `true` and `True`, `1` and \
            `0x1`, `~` and `null` alike, and Kubernetes turns every key into text, so `"1"` and \
            `1` collide too.
            """,
        remediation: "Remove one of the two entries, or merge them into one.",
        triggeringExamples: [
            Example("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: settings
                data:
                  LOG_LEVEL: debug
                  ↓LOG_LEVEL: info
                """),
            Example("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: settings
                data:
                  "true": enabled
                  ↓True: disabled
                """),
        ],
        nonTriggeringExamples: [
            Example("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: settings
                data:
                  LOG_LEVEL: debug
                  log_level: info
                """),
            Example("""
                base: &base {a: 1, b: 2}
                merged:
                  <<: *base
                  a: 3
                """),
        ]
    )

    package func check(_ context: LintContext) -> [Finding] {
        var findings: [Finding] = []
        for file in context.tree.files {
            for entry in file.problems {
                switch entry.problem.kind {
                case .duplicateKey(let key, let first):
                    findings.append(finding(
                        "duplicate key '\(key)' (first at line \(first.line), column \(first.column)); the later value wins",
                        file: file.path,
                        at: entry.problem.mark,
                        related: [Finding.Related(location: FileLocation(file: file.path, mark: first), message: "first '\(key)' is here")]
                    ))
                case .equivalentKey(let key, let first, let firstKey, let mapKey):
                    findings.append(finding(
                        "key '\(key)' is the same key as '\(firstKey)' (first at line \(first.line), column \(first.column)): "
                            + "YAML reads both as the key \"\(mapKey)\"; the later value wins",
                        file: file.path,
                        at: entry.problem.mark,
                        related: [Finding.Related(location: FileLocation(file: file.path, mark: first), message: "first '\(firstKey)' is here")]
                    ))
                case .invalidMerge:
                    continue
                }
            }
        }
        return findings
    }
}
