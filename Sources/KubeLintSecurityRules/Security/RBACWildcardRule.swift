import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintTreeFacts
import KubeLintYAML

package struct RBACWildcardRule: ResourceRule {
    package init() {}

    package static let description = RuleDescription(
        id: "rbac-wildcard",
        severity: .warning,
        category: .security,
        summary: "A Role or ClusterRole grants with a wildcard",
        rationale: """
            `*` in `apiGroups`, `resources` or `verbs` grants everything that exists, and \
            everything added later: new kinds from a CRD, new verbs, new subresources \
            (CIS Kubernetes Benchmark 5.1.3). A role should list what it grants.
            """,
        remediation: "List the API groups, resources and verbs the subject needs.",
        triggeringExamples: [
            Example("""
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRole
                metadata:
                  name: operator
                rules:
                - apiGroups: [↓"*"]
                  resources: [↓"*"]
                  verbs: [get, ↓"*"]
                """),
        ],
        nonTriggeringExamples: [
            Example("""
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRole
                metadata:
                  name: operator
                rules:
                - apiGroups: [example.com]
                  resources: [widgets, widgets/status]
                  verbs: [get, list, watch, update, patch]
                """),
        ],
        equivalents: ["kube-linter:wildcard-in-rules"]
    )

    package func check(_ resource: Resource, context: LintContext) -> [Finding] {
        RBACPolicyRule.rules(of: resource).flatMap { rule in
            [("apiGroups", rule.apiGroups), ("resources", rule.resources), ("verbs", rule.verbs)].flatMap { field, entries in
                entries.filter { $0.value == "*" }.map { entry in
                    finding("\(rule.path).\(field) is \"*\": \(resource.kindAndName) grants whatever exists now or is added later", at: entry.mark, in: resource)
                }
            }
        }
    }
}
