import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintTreeFacts
import KubeLintYAML

package struct RBACSecretsAccessRule: ResourceRule {
    package init() {}

    package static let description = RuleDescription(
        id: "rbac-secrets-access",
        severity: .warning,
        category: .security,
        summary: "A Role or ClusterRole grants access to Secrets",
        rationale: """
            Whoever may get, list or watch Secrets may read every password, token and key they \
            hold; in a ClusterRole, those of every namespace, including ServiceAccount tokens \
            that carry further permissions (CIS Kubernetes Benchmark 5.1.2). Grant access to \
            the named Secrets a workload needs (`resourceNames`), in its namespace.
            """,
        remediation: "Remove `secrets` from the rule, or restrict it with `resourceNames` to the Secrets the subject needs, in a Role rather than a ClusterRole.",
        triggeringExamples: [
            Example("""
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRole
                metadata:
                  name: reader
                rules:
                - apiGroups: [""]
                  resources: [configmaps, ↓secrets]
                  verbs: [get, list, watch]
                """),
        ],
        nonTriggeringExamples: [
            Example("""
                apiVersion: rbac.authorization.k8s.io/v1
                kind: Role
                metadata:
                  name: web
                rules:
                - apiGroups: [""]
                  resources: [secrets]
                  resourceNames: [web-tls]
                  verbs: [get]
                - apiGroups: [""]
                  resources: [configmaps]
                  verbs: [get, list, watch]
                """),
        ],
        equivalents: ["kube-linter:access-to-secrets"]
    )

    static let verbs = ["get", "list", "watch", "create", "update", "patch", "delete", "deletecollection"]

    package func check(_ resource: Resource, context: LintContext) -> [Finding] {
        RBACPolicyRule.rules(of: resource).compactMap { rule in
            guard rule.coversCoreGroup, !rule.isLimitedToNames,
                  let entry = rule.grants(anyOf: ["secrets"], verbs: Set(Self.verbs)) else { return nil }
            let verbs = rule.grantedVerbs(of: Self.verbs).joined(separator: ", ")
            return finding("\(resource.kindAndName) lets its subjects \(verbs) Secrets (\(rule.path)); whoever holds it reads their values", at: entry.mark, in: resource)
        }
    }
}
