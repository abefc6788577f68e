import KubeLintContracts
import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintTreeFacts
import KubeLintYAML

package struct PDBUnhealthyEvictionPolicyRule: ResourceRule {
    package init() {}

    package static let description = RuleDescription(
        id: "pdb-unhealthy-eviction-policy",
        severity: .info,
        category: .practice,
        summary: "A PodDisruptionBudget leaves unhealthyPodEvictionPolicy to its default",
        rationale: """
            By default (`IfHealthyBudget`) a pod that is running but not ready may be evicted \
            only while the budget is met. When the application is already unhealthy that is \
            never, so a drain waits on pods that are broken anyway. `AlwaysAllow` lets the \
            drain evict pods that are not ready, which is what most workloads want. The field \
            exists from Kubernetes 1.26 (on by default from 1.27); earlier targets are not \
            judged.
            """,
        remediation: "Set `spec.unhealthyPodEvictionPolicy: AlwaysAllow` (or `IfHealthyBudget` on purpose).",
        triggeringExamples: [
            Example("""
                apiVersion: policy/v1
                kind: PodDisruptionBudget
                metadata:
                  name: web
                ↓spec:
                  maxUnavailable: 1
                  selector:
                    matchLabels: {app: web}
                """),
        ],
        nonTriggeringExamples: [
            Example("""
                apiVersion: policy/v1
                kind: PodDisruptionBudget
                metadata:
                  name: web
                spec:
                  maxUnavailable: 1
                  unhealthyPodEvictionPolicy: AlwaysAllow
                  selector:
                    matchLabels: {app: web}
                """),
            Example("""
                apiVersion: policy/v1
                kind: PodDisruptionBudget
                metadata:
                  name: web
                spec:
                  maxUnavailable: 1
                  selector:
                    matchLabels: {app: web}
                """, kubernetesVersion: KubernetesVersion(major: 1, minor: 26)),
        ],
        equivalents: ["kube-linter:pdb-unhealthy-pod-eviction-policy"]
    )

    package func check(_ resource: Resource, context: LintContext) -> [Finding] {
        guard case .podDisruptionBudget = resource.body, context.configuration.kubernetesVersion >= .v1(27),
              let spec = resource.root.pair("spec"), spec.value.pair("unhealthyPodEvictionPolicy") == nil else { return [] }
        return [finding(
            "unhealthyPodEvictionPolicy is left to IfHealthyBudget: pods that are not ready cannot be evicted while the budget is short, so drains wait on broken pods",
            at: spec.key.start, in: resource
        )]
    }
}
