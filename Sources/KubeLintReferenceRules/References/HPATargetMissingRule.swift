import KubeLintEngine
import KubeLintModel
import KubeLintTreeFacts
import KubeLintSchema
import KubeLintYAML

package struct HPATargetMissingRule: ResourceRule {
    package init() {}

    package static let facts: [any Fact.Type] = referenceFacts

    package static let description = RuleDescription(
        id: "hpa-target-missing",
        severity: .error,
        category: .references,
        summary: "A HorizontalPodAutoscaler scales an object that is not in the tree",
        rationale: """
            An autoscaler's `scaleTargetRef` names the object whose replicas it sets. When no \
            object of that kind and name exists in its namespace, the autoscaler does nothing \
            (`FailedGetScale`) and the workload it was meant for is not scaled at all, typically \
            after the workload was renamed.
            """,
        remediation: "Point `scaleTargetRef` at the workload's kind and name, or remove the autoscaler.",
        triggeringExamples: [
            Example("""
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata:
                  name: web
                spec:
                  scaleTargetRef:
                    apiVersion: apps/v1
                    kind: Deployment
                    name: ↓frontend
                  minReplicas: 2
                  maxReplicas: 5
                """, otherFiles: ["deployment.yaml": webDeployment]),
        ],
        nonTriggeringExamples: [
            Example("""
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata:
                  name: web
                spec:
                  scaleTargetRef:
                    apiVersion: apps/v1
                    kind: Deployment
                    name: web
                  minReplicas: 2
                  maxReplicas: 5
                """, otherFiles: ["deployment.yaml": webDeployment]),
        ],
        equivalents: ["kube-linter:dangling-horizontalpodautoscaler", "kube-score:horizontalpodautoscaler-has-target"]
    )

    static let webDeployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          selector:
            matchLabels: {app: web}
          template:
            metadata:
              labels: {app: web}
            spec:
              containers:
              - name: web
                image: nginx
        """

    package func check(_ resource: Resource, context: LintContext) -> [Finding] {
        guard case .horizontalPodAutoscaler(let autoscaler) = resource.body, let target = autoscaler.scaleTargetRef,
              let kind = target.kind?.value, let name = target.name else { return [] }
        let namespace = context.index.namespace(of: resource)
        guard !context.referenceResolves(kind: kind, namespace: namespace, name: name.value) else { return [] }
        var hints = MissingObjectHints(kind: kind)
        let hint = hints.hint(for: name.value, namespace: namespace, referrer: resource, index: context.index)
        return [finding("\(kind) \(name.value) is not in the tree \(context.inNamespace(namespace)); the autoscaler scales nothing" + hint.text, at: name.mark, in: resource).lowered(by: hint)]
    }
}
