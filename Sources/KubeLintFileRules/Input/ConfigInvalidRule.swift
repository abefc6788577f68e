import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintYAML

package struct ConfigInvalidRule: Rule {
    package init() {}

    package static let description = RuleDescription(
        id: "config-invalid",
        severity: .error,
        category: .input,
        summary: "The configuration file is not valid",
        rationale: """
            A misspelt key or a wrong value in .kubelint.yaml would otherwise switch off a check \
            or a contract without anyone noticing. kubelint reports every problem with its \
            position, applies what is valid, and exits 2 so that CI notices.
            """,
        remediation: "Fix the configuration at the reported position; the keys are described in README.md (Configuration).",
        triggeringExamples: [
            Example("apiVersion: v1\nkind: List\nitems: []\n", configuration: """
                defaultNamespace: staging
                ↓namespace: staging
                rules:
                  ↓secret-missng:
                    severity: info
                  configmap-missing:
                    severity: ↓fatal
                externalObjects:
                - ↓kind: Secret
                  ↓nmae: database
                """),
        ],
        nonTriggeringExamples: [
            Example("apiVersion: v1\nkind: List\nitems: []\n", configuration: """
                defaultNamespace: staging
                rules:
                  secret-missing:
                    severity: info
                  image-pull-secret-missing:
                    enabled: false
                externalObjects:
                - kind: Secret
                  name: database
                - kind: ServiceAccount
                  name: ci-deployer
                  namespace: tools
                """),
        ]
    )

    package func check(_ context: LintContext) -> [Finding] {
        context.configuration.problems.filter { $0.origin == .configuration }.map { problem in
            finding(problem.message, file: problem.file, at: problem.mark)
        }
    }
}
