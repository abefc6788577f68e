import KubeLintEngine
import KubeLintModel
import KubeLintTreeFacts
import KubeLintSchema
import KubeLintYAML

package struct ServiceAccountMissingRule: Rule {
    package init() {}

    package static let facts: [any Fact.Type] = [PodRunners.self] + referenceFacts

    package static let description = RuleDescription(
        id: "service-account-missing",
        severity: .warning,
        category: .references,
        summary: "A pod runs as a ServiceAccount that is not in the tree",
        rationale: """
            The API server refuses to create a pod whose `serviceAccountName` names no \
            ServiceAccount in its namespace; a Deployment then sits at zero pods with the error \
            only in its ReplicaSet's events. The `default` account exists in every namespace. \
            Accounts made by the platform are common, so this is a warning: declare them under \
            `externalObjects` in the configuration.
            """,
        remediation: "Add the ServiceAccount to the tree, fix the name, or declare it under `externalObjects` in .kubelint.yaml.",
        triggeringExamples: [
            Example("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: api
                spec:
                  selector:
                    matchLabels: {app: api}
                  template:
                    metadata:
                      labels: {app: api}
                    spec:
                      serviceAccountName: ↓api-runner
                      containers:
                      - name: api
                        image: api
                """),
        ],
        nonTriggeringExamples: [
            Example("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: api
                spec:
                  serviceAccountName: api
                  containers:
                  - name: api
                    image: api
                ---
                apiVersion: v1
                kind: Pod
                metadata:
                  name: job
                spec:
                  serviceAccountName: default
                  containers:
                  - name: job
                    image: job
                ---
                apiVersion: v1
                kind: ServiceAccount
                metadata:
                  name: api
                """),
        ],
        equivalents: ["kube-linter:non-existent-service-account"]
    )

    package func check(_ context: LintContext) -> [Finding] {
        var hints = MissingObjectHints(kind: "ServiceAccount")
        return context[PodRunners.self].all.compactMap { runner in
            guard let account = runner.spec.effectiveServiceAccount, !account.value.isEmpty,
                  !context.referenceResolves(kind: "ServiceAccount", namespace: runner.namespace, name: account.value) else { return nil }
            let hint = hints.hint(for: account.value, namespace: runner.namespace, referrer: runner.resource, index: context.index)
            return finding(
                "ServiceAccount \(account.value) is not in the tree \(context.inNamespace(runner.namespace))" + hint.text,
                at: account.mark, in: runner.resource
            ).lowered(by: hint)
        }
    }
}
