import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintYAML

package struct YAMLSyntaxRule: InputDiagnosticRule {
    package init() {}

    static let diagnosticKinds: Set<LoadDiagnostic.Kind> = [.syntax]

    package static let description = RuleDescription(
        id: "yaml-syntax",
        severity: .error,
        category: .input,
        summary: "The file is not valid YAML",
        rationale: """
            libyaml could not read the file past this point, and kubectl would refuse the whole \
            file. Documents before the error are still checked; the rest of the file is not.
            """,
        remediation: "Fix the YAML at the reported position; the message is libyaml's own.",
        triggeringExamples: [
            Example("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: settings
                   labels↓: {}
                """),
            Example("""
                apiVersion: v1
                kind: ConfigMap
                data:
                  url: ↓*undefined
                """),
            Example("""
                apiVersion: v1
                kind: ConfigMap
                data: {key: [1, 2↓}
                """),
        ],
        nonTriggeringExamples: [
            Example("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: settings
                """),
        ]
    )

    /// Every syntax error, except those `yaml-tab-indentation` reports with their cause (both are
    /// input rules, so the run exits 2 either way and each problem is reported once).
    package func check(_ context: LintContext) -> [Finding] {
        context.tree.diagnostics.compactMap { diagnostic in
            guard Self.diagnosticKinds.contains(diagnostic.kind),
                  TabIndentation.explainingTab(diagnostic, in: context.tree) == nil else { return nil }
            return finding(diagnostic.message, file: diagnostic.file, at: diagnostic.mark ?? .start)
        }
    }
}
