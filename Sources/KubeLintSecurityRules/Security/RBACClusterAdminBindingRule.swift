import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintTreeFacts
import KubeLintYAML

package struct RBACClusterAdminBindingRule: ResourceRule {
    package init() {}

    package static let description = RuleDescription(
        id: "rbac-cluster-admin-binding",
        severity: .warning,
        category: .security,
        summary: "A binding grants the cluster-admin role",
        rationale: """
            `cluster-admin` may do anything to anything. Bound cluster-wide, its subjects own \
            the cluster; bound in a namespace by a RoleBinding, they own the namespace and its \
            Secrets (CIS Kubernetes Benchmark 5.1.1). Few subjects need it; a role listing \
            what they do is safer.
            """,
        remediation: "Bind a role that grants what the subjects need instead.",
        triggeringExamples: [
            Example("""
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRoleBinding
                metadata:
                  name: ci
                roleRef:
                  apiGroup: rbac.authorization.k8s.io
                  kind: ClusterRole
                  name: ↓cluster-admin
                subjects:
                - kind: ServiceAccount
                  name: deployer
                  namespace: ci
                """),
        ],
        nonTriggeringExamples: [
            Example("""
                apiVersion: rbac.authorization.k8s.io/v1
                kind: RoleBinding
                metadata:
                  name: ci
                roleRef:
                  apiGroup: rbac.authorization.k8s.io
                  kind: ClusterRole
                  name: edit
                subjects:
                - kind: ServiceAccount
                  name: deployer
                """),
        ],
        equivalents: ["kube-linter:cluster-admin-role-binding"]
    )

    package func check(_ resource: Resource, context: LintContext) -> [Finding] {
        guard resource.group == "rbac.authorization.k8s.io", let kind = resource.kind?.value,
              kind == "ClusterRoleBinding" || kind == "RoleBinding",
              let roleRef = resource.root["roleRef"], roleRef["kind"].flatMap(MappingReader.string) == "ClusterRole",
              let name = roleRef["name"], MappingReader.string(name) == "cluster-admin" else { return [] }
        let scope = kind == "ClusterRoleBinding" ? "the whole cluster" : "namespace '\(context.index.namespace(of: resource))'"
        return [finding("\(resource.kindAndName) grants cluster-admin over \(scope) to its subjects", at: name.start, in: resource)]
    }
}
