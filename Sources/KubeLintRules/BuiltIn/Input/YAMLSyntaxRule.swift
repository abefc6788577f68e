import KubeLintModel

public struct YAMLSyntaxRule: InputDiagnosticRule {
    public init() {}

    static let diagnosticKinds: Set<LoadDiagnostic.Kind> = [.syntax]

    public static let description = RuleDescription(
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
}
