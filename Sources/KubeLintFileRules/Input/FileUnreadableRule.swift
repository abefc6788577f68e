import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintYAML

package struct FileUnreadableRule: InputDiagnosticRule {
    package init() {}

    static let diagnosticKinds: Set<LoadDiagnostic.Kind> = [.unreadable, .notRegularFile, .tooLarge, .binary, .empty]

    package static let description = RuleDescription(
        id: "file-unreadable",
        severity: .error,
        category: .input,
        summary: "A path could not be read as a YAML manifest",
        rationale: """
            A path that does not exist, cannot be opened, is binary, too large, or a directory \
            with no YAML in it means the tree kubelint checked is not the tree you meant. A lint \
            step that passes because it read nothing is worse than one that fails.
            """,
        remediation: "Check the path and permissions; keep only text manifests under the linted tree.",
        triggeringExamples: [
            Example("apiVersion: v1\nkind: ConfigMap\n↓\u{0}\u{1}binary"),
        ],
        nonTriggeringExamples: [
            Example("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: text-only\n"),
        ]
    )
}
