import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintYAML

package struct SuppressionInvalidRule: SuppressionRule {
    package init() {}

    package static let description = RuleDescription(
        id: "suppression-invalid",
        severity: .warning,
        category: .suppressions,
        summary: "A suppression annotation or comment gives no reason, names no known rule, or is misspelt",
        rationale: """
            A suppression says "this finding is known and accepted, because...". Without the \
            reason the next reader cannot tell a deliberate exception from a silenced bug, so \
            kubelint does not apply a suppression that gives none. Such a suppression is a warning, \
            or an error when a finding it would accept (of its rule, where it applies) is an error: \
            a missing reason does not fail a run that the finding itself would not fail. A \
            misspelt rule id or annotation key would suppress nothing while looking as if it did, \
            and is an error. Findings of input rules (files that could not be read) and of the \
            suppression rules cannot be suppressed at all.
            """,
        remediation: """
            Write `kubelint.dev/ignore.<rule-id>: "<reason>"` on the object, or \
            `# kubelint:ignore <rule-id> <reason>` on or above the line, with an id from \
            `kubelint rules`.
            """,
        triggeringExamples: [
            Example("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: settings
                  annotations:
                    kubelint.dev/ignore.string-expected: ↓""
                    ↓kubelint.dev/ignore.string-expectd: the generator writes booleans
                    ↓kubelint.dev/skip: "true"
                data:
                  DEBUG: "false"  ↓# kubelint:ignore string-expected
                  LEVEL: info  ↓# kubelint:disable string-expected because
                  MODE: fast  # kubelint:ignore ↓yaml-syntax,↓unused-suppression not suppressible
                """),
        ],
        nonTriggeringExamples: [
            Example("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: settings
                  annotations:
                    kubelint.dev/ignore.string-expected: the generator writes booleans; its consumer reads them as text
                data:
                  DEBUG: false
                  # kubelint: this comment only mentions the tool
                  COLOR: "#fff"  # kubelint:ignore string-expected -- kept for the example
                """),
        ]
    )

    package func check(_ outcome: SuppressionOutcome, context: LintContext) -> [Finding] {
        outcome.invalid.map { invalid in
            var reported = finding(invalid.message, at: invalid.location, resource: invalid.resource)
            reported.severity = Self.severity(of: invalid)
            return reported
        }
    }

    /// A suppression without a reason is as grave as what it would accept, at least a warning;
    /// any other invalid suppression (an unknown rule, a misspelt key) is an error.
    static func severity(of invalid: InvalidSuppression) -> Severity {
        guard invalid.reasonless != nil else { return .error }
        return invalid.acceptedSeverity == .error ? .error : .warning
    }
}
