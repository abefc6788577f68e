import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintYAML

package struct CustomResourceUnvalidatedRule: Rule {
    package init() {}

    package static let facts: [any Fact.Type] = [SchemaReport.self]

    package static let description = RuleDescription(
        id: "custom-resource-unvalidated",
        severity: .info,
        category: .schema,
        summary: "A custom kind has no CustomResourceDefinition in the tree, so its fields are not checked",
        rationale: """
            kubelint checks custom resources against the CustomResourceDefinitions it finds in the \
            linted tree; without one (the operator's chart installs it, say), only the object's \
            `metadata` is checked. This notes it once per kind, so that "no findings" is not \
            mistaken for "checked".
            """,
        remediation: "Add the CustomResourceDefinition to the linted paths (e.g. the operator's crds/ directory), or ignore this note.",
        triggeringExamples: [
            Example("""
                apiVersion: cert-manager.io/v1
                kind: ↓Certificate
                metadata:
                  name: web-tls
                spec:
                  secretName: web-tls
                ---
                apiVersion: cert-manager.io/v1
                kind: Certificate
                metadata:
                  name: api-tls
                spec:
                  secretName: api-tls
                """),
        ],
        nonTriggeringExamples: [
            Example("""
                apiVersion: example.com/v1
                kind: Backup
                metadata:
                  name: nightly
                spec:
                  schedule: "0 3 * * *"
                """, otherFiles: ["crd.yaml": CustomResourceInvalidRule.backupDefinition]),
        ]
    )

    package func check(_ context: LintContext) -> [Finding] {
        var seen: Set<String> = []
        var findings: [Finding] = []
        for resource in context.index.resources {
            guard case .customWithoutDefinition = context[SchemaReport.self].classification(of: resource),
                  let apiVersion = resource.apiVersion?.value, let kind = resource.kind else { continue }
            let group = Resource.group(of: apiVersion)
            guard seen.insert(group + "/" + kind.value).inserted else { continue }
            findings.append(finding(
                "\(kind.value) (\(apiVersion)) is a custom kind with no CustomResourceDefinition in the linted tree: only its metadata is checked",
                at: kind.mark, in: resource
            ))
        }
        return findings
    }
}
