import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintYAML

package struct YAMLLimitsRule: InputDiagnosticRule {
    package init() {}

    static let diagnosticKinds: Set<LoadDiagnostic.Kind> = [.limit]

    package static let description = RuleDescription(
        id: "yaml-limits",
        severity: .error,
        category: .input,
        summary: "The YAML is nested too deeply or its aliases expand too far",
        rationale: """
            A few lines of YAML aliases can stand for billions of nodes ("billion laughs"), and \
            thousands of nested brackets can exhaust a parser's stack. kubelint stops at a bound \
            (512 levels, one million nodes per document) so a hostile or broken file cannot hang \
            a commit hook or a CI step; the API server has similar limits.
            """,
        remediation: "Flatten the structure or expand the aliases; real manifests never come near these bounds.",
        triggeringExamples: [
            Example(String(repeating: "[", count: 512) + "↓[" + String(repeating: "]", count: 513)),
            Example("""
                a: &a [x, x, x, x, x, x, x, x, x, x]
                b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
                c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
                d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]
                e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]
                f: &f [*e, *e, *e, *e, *e, *e, *e, ↓*e, *e, *e]
                """),
        ],
        nonTriggeringExamples: [
            Example("""
                apiVersion: v1
                kind: ConfigMap
                metadata: &meta
                  name: settings
                data: {nested: "[[[[[[[[[[]]]]]]]]]]"}
                """),
        ]
    )
}
