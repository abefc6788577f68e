import KubeLintEngine
import KubeLintModel
import KubeLintTreeFacts
import KubeLintSchema
import KubeLintYAML

package struct ImagePullSecretMissingRule: Rule {
    package init() {}

    package static let facts: [any Fact.Type] = referenceFacts

    package static let description = RuleDescription(
        id: "image-pull-secret-missing",
        severity: .warning,
        category: .references,
        summary: "An image pull secret is not in the tree",
        rationale: """
            `imagePullSecrets` (on a pod or a ServiceAccount) name Secrets holding registry \
            credentials. When the Secret does not exist in the namespace, pulls from a private \
            registry fail with `ImagePullBackOff`. Registry credentials are usually created by \
            hand, so this is a warning: declare such Secrets under `externalObjects`.
            """,
        remediation: "Create the Secret in the namespace (and declare it under `externalObjects` in .kubelint.yaml), or fix the name.",
        triggeringExamples: [
            Example("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: api
                spec:
                  imagePullSecrets:
                  - name: ↓registry-credentials
                  containers:
                  - name: api
                    image: gcr.io/helpful-bunny/api:latest
                ---
                apiVersion: v1
                kind: ServiceAccount
                metadata:
                  name: builder
                imagePullSecrets:
                - name: ↓registry-credentials
                """),
        ],
        nonTriggeringExamples: [
            Example("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: api
                spec:
                  imagePullSecrets:
                  - name: registry-credentials
                  containers:
                  - name: api
                    image: gcr.io/helpful-bunny/api:latest
                """, configuration: """
                    externalObjects:
                    - kind: Secret
                      name: registry-credentials
                    """),
        ]
    )

    package func check(_ context: LintContext) -> [Finding] {
        var findings: [Finding] = []
        var hints = MissingObjectHints(kind: "Secret")
        for resource in context.index.resources {
            let names: [Located<String>]
            switch resource.body {
            case .serviceAccount(let account): names = account.imagePullSecrets
            default: names = resource.podTemplate?.spec?.imagePullSecrets ?? []
            }
            let namespace = context.index.namespace(of: resource)
            for name in names where !context.referenceResolves(kind: "Secret", namespace: namespace, name: name.value) {
                let hint = hints.hint(for: name.value, namespace: namespace, referrer: resource, index: context.index)
                findings.append(context.withProducerAdvice(finding(
                    "image pull secret \(name.value) is not in the tree \(context.inNamespace(namespace))" + hint.text,
                    at: name.mark, in: resource
                ).lowered(by: hint), missing: "Secret", named: name.value, namespace: namespace, referrer: resource))
            }
        }
        return findings
    }
}
