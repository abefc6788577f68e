import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintTreeFacts
import KubeLintYAML

package struct RBACCreatePodsRule: ResourceRule {
    package init() {}

    package static let description = RuleDescription(
        id: "rbac-create-pods",
        severity: .warning,
        category: .security,
        summary: "A Role or ClusterRole may create pods or the workloads that make them",
        rationale: """
            Whoever may create a pod (directly, or through a Deployment, StatefulSet, DaemonSet, \
            ReplicaSet, Job or CronJob) may run it as any ServiceAccount of the namespace and \
            mount any of its Secrets, so gets every permission and secret there (CIS Kubernetes \
            Benchmark 5.1.4). Deploy tools need it; applications rarely do.
            """,
        remediation: "Remove `create` on these resources from roles that do not deploy workloads.",
        triggeringExamples: [
            Example("""
                apiVersion: rbac.authorization.k8s.io/v1
                kind: Role
                metadata:
                  name: runner
                rules:
                - apiGroups: [""]
                  resources: [↓pods]
                  verbs: [create, delete]
                - apiGroups: [batch]
                  resources: [↓jobs]
                  verbs: ["*"]
                """),
        ],
        nonTriggeringExamples: [
            Example("""
                apiVersion: rbac.authorization.k8s.io/v1
                kind: Role
                metadata:
                  name: viewer
                rules:
                - apiGroups: ["", apps]
                  resources: [pods, deployments]
                  verbs: [get, list, watch]
                """),
        ],
        equivalents: ["kube-linter:access-to-create-pods"]
    )

    static let podMakers: Set<String> = ["pods", "deployments", "statefulsets", "daemonsets", "replicasets", "replicationcontrollers", "jobs", "cronjobs"]

    package func check(_ resource: Resource, context: LintContext) -> [Finding] {
        RBACPolicyRule.rules(of: resource).compactMap { rule in
            guard let entry = rule.grants(anyOf: Self.podMakers, verbs: ["create"]) else { return nil }
            let what = entry.value == "*" ? "every resource, pods included" : entry.value
            return finding("\(resource.kindAndName) lets its subjects create \(what) (\(rule.path)), and so run pods as any ServiceAccount of the namespace", at: entry.mark, in: resource)
        }
    }
}
