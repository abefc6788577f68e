import KubeLintContracts
import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintTreeFacts
import KubeLintYAML

package struct HPAMinReplicasRule: ResourceRule {
    package init() {}

    package static let description = RuleDescription(
        id: "hpa-min-replicas",
        severity: .warning,
        category: .practice,
        summary: "A HorizontalPodAutoscaler may scale its workload down to one pod",
        rationale: """
            An autoscaler scales down to `minReplicas` (1 when left out) whenever load is low, \
            and a workload of one pod is down during every rollout, drain or crash: at night, \
            the service has no redundancy at all. kube-linter asks for three by default, \
            kube-score for two; two is the least that survives losing a pod.
            """,
        remediation: "Set `spec.minReplicas: 2` or more.",
        triggeringExamples: [
            Example("""
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata:
                  name: web
                ↓spec:
                  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
                  maxReplicas: 10
                ---
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata:
                  name: api
                spec:
                  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}
                  minReplicas: ↓1
                  maxReplicas: 10
                """),
        ],
        nonTriggeringExamples: [
            Example("""
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata:
                  name: web
                spec:
                  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
                  minReplicas: 2
                  maxReplicas: 10
                """),
        ],
        equivalents: ["kube-linter:hpa-minimum-three-replicas", "kube-score:horizontalpodautoscaler-replicas"]
    )

    package func check(_ resource: Resource, context: LintContext) -> [Finding] {
        guard case .horizontalPodAutoscaler(let autoscaler) = resource.body else { return [] }
        let minimum = autoscaler.minReplicas?.value ?? 1
        guard minimum < 2 else { return [] }
        let mark = autoscaler.minReplicas?.mark ?? resource.root.pair("spec")?.key.start ?? resource.nameMark
        let written = autoscaler.minReplicas == nil ? "minReplicas is left out (1)" : "minReplicas is \(minimum)"
        return [finding("\(written); when load is low the workload runs a single pod, which any rollout, drain or crash takes down", at: mark, in: resource)]
    }
}
