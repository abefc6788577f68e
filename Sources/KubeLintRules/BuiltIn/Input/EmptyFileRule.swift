import KubeLintModel

public struct EmptyFileRule: InputDiagnosticRule {
    public init() {}

    static let diagnosticKinds: Set<LoadDiagnostic.Kind> = [.noObjects]

    public static let description = RuleDescription(
        id: "empty-file",
        severity: .error,
        category: .input,
        summary: "A manifest file holds no Kubernetes object",
        rationale: """
            `kubectl apply -f` refuses a file with no object in it ("no objects passed to \
            apply"). An empty file, or one left with only comments or `---`, in a manifest tree \
            is usually a placeholder or content deleted by mistake.
            """,
        remediation: "Delete the file, or restore the objects it was meant to hold.",
        triggeringExamples: [
            Example("↓# only a comment\n---\n"),
            Example("↓"),
        ],
        nonTriggeringExamples: [
            Example("# a comment\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: staging\n"),
        ]
    )
}
