import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintTreeFacts
import KubeLintYAML

package struct NetworkPolicyPeerSelectsNothingRule: ResourceRule {
    package init() {}

    package static let description = RuleDescription(
        id: "network-policy-peer-selects-nothing",
        severity: .warning,
        category: .references,
        summary: "A NetworkPolicy rule allows traffic from or to pods that no Pod or workload template makes",
        rationale: """
            An ingress rule's `from` and an egress rule's `to` list the peers the isolated pods \
            may talk to. A peer given by a `podSelector` alone means pods of the policy's own \
            namespace. When no Pod or workload template there carries its labels, the rule \
            allows nothing, and the traffic it was written for (the frontend calling the API, \
            the API calling its database) is dropped. Peers with a `namespaceSelector` select \
            pods in other namespaces and are not judged.
            """,
        remediation: "Make the peer's podSelector match the labels of the pods that should be allowed; declare pods made at run time under `externalObjects`.",
        triggeringExamples: [
            Example("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata:
                  name: web
                spec:
                  podSelector:
                    matchLabels: {app: web}
                  ingress:
                  - from:
                    - podSelector:
                        matchLabels: {app: ↓ingress-nginx}
                  egress:
                  - to:
                    - podSelector:
                        matchLabels: {app: ↓postgres}
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
                    matchLabels: {app: web}
                  ingress:
                  - from:
                    - podSelector:
                        matchLabels: {app: web}
                    - namespaceSelector:
                        matchLabels: {kubernetes.io/metadata.name: ingress}
                      podSelector:
                        matchLabels: {app: ingress-nginx}
                    - podSelector: {}
                """, otherFiles: ["deployment.yaml": HPATargetMissingRule.webDeployment]),
        ],
        equivalents: ["kube-linter:dangling-networkpolicypeer-podselector"]
    )

    package func check(_ resource: Resource, context: LintContext) -> [Finding] {
        guard let policy = NetworkPolicyNodes(resource) else { return [] }
        let namespace = context.index.namespace(of: resource)
        var findings: [Finding] = []
        for peer in policy.peers where !peer.selectsOtherNamespaces && !peer.selector.isEmpty {
            guard context.selectsNoPods(peer.selector, namespace: namespace) else { continue }
            let direction = peer.isIngress ? "traffic from" : "traffic to"
            findings.append(finding(
                "the peer's podSelector matches no Pod or workload template \(context.inNamespace(namespace)); the rule allows \(direction) no pod",
                at: context.noPodMark(peer.selector, namespace: namespace), in: resource
            ))
        }
        return findings
    }
}
