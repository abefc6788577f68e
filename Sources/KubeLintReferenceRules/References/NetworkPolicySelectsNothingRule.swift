import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintTreeFacts
import KubeLintYAML

package struct NetworkPolicySelectsNothingRule: ResourceRule {
    package init() {}

    package static let description = RuleDescription(
        id: "network-policy-selects-nothing",
        severity: .warning,
        category: .references,
        summary: "A NetworkPolicy's podSelector selects no Pod or workload template",
        rationale: """
            A NetworkPolicy applies to the pods its `spec.podSelector` selects in its namespace. \
            When no Pod or workload template there carries its labels, the policy isolates \
            nothing: the pods it was written for accept and send any traffic, and the policy \
            gives the impression they do not. An empty selector (`{}`) selects every pod of the \
            namespace and is not reported.
            """,
        remediation: "Make the podSelector match the labels of the pods the policy is for; declare pods made at run time under `externalObjects`.",
        triggeringExamples: [
            Example("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata:
                  name: web
                spec:
                  podSelector:
                    matchLabels:
                      app: ↓frontend
                  policyTypes: [Ingress]
                """, otherFiles: ["deployment.yaml": HPATargetMissingRule.webDeployment]),
        ],
        nonTriggeringExamples: [
            Example("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata:
                  name: web
                spec:
                  podSelector:
                    matchLabels:
                      app: web
                  policyTypes: [Ingress]
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata:
                  name: default-deny
                spec:
                  podSelector: {}
                  policyTypes: [Ingress, Egress]
                """, otherFiles: ["deployment.yaml": HPATargetMissingRule.webDeployment]),
        ],
        equivalents: ["kube-linter:dangling-networkpolicy", "kube-score:networkpolicy-targets-pod"]
    )

    package func check(_ resource: Resource, context: LintContext) -> [Finding] {
        guard let policy = NetworkPolicyNodes(resource), let selector = policy.podSelector, !selector.isEmpty else { return [] }
        let namespace = context.index.namespace(of: resource)
        guard context.selectsNoPods(selector, namespace: namespace) else { return [] }
        return [finding(
            "the podSelector matches no Pod or workload template \(context.inNamespace(namespace)); the policy isolates nothing",
            at: context.noPodMark(selector, namespace: namespace), in: resource,
            related: context.likelyIntendedPodRunnerNotes(for: selector.matchLabels, selectingObjectName: nil, namespace: namespace)
        )]
    }
}
