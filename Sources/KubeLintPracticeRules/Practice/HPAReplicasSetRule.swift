import KubeLintContracts
import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintTreeFacts
import KubeLintYAML

package struct HPAReplicasSetRule: ResourceRule {
    package init() {}

    package static let description = RuleDescription(
        id: "hpa-replicas-set",
        severity: .warning,
        category: .practice,
        summary: "A workload an autoscaler scales also sets spec.replicas",
        rationale: """
            Once a HorizontalPodAutoscaler scales a Deployment or StatefulSet, its replica count \
            is the autoscaler's. A manifest that still sets `spec.replicas` puts its number back \
            on every `kubectl apply`: a workload scaled out for a traffic peak drops to the \
            written count in the middle of it, until the autoscaler catches up.
            """,
        remediation: "Remove `spec.replicas` from the manifest and let the autoscaler's `minReplicas` set the floor.",
        triggeringExamples: [
            Example("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                spec:
                  ↓replicas: 3
                  selector:
                    matchLabels: {app: web}
                  template:
                    metadata:
                      labels: {app: web}
                    spec:
                      containers:
                      - name: web
                        image: nginx:1.27
                ---
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata:
                  name: web
                spec:
                  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
                  minReplicas: 3
                  maxReplicas: 12
                """),
        ],
        nonTriggeringExamples: [
            Example("""
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
                        image: nginx:1.27
                ---
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata:
                  name: web
                spec:
                  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
                  minReplicas: 3
                  maxReplicas: 12
                """),
        ],
        equivalents: ["kube-score:deployment-targeted-by-hpa-does-not-have-replicas-configured"]
    )

    package func check(_ resource: Resource, context: LintContext) -> [Finding] {
        guard let workload = resource.workload, workload.kind.hasReplicas, let replicas = workload.replicas,
              context.isAutoscaled(resource, namespace: context.index.namespace(of: resource)),
              let key = replicas.keyMark else { return [] }
        return [finding(
            "\(resource.kindAndName) sets replicas: \(replicas.value) but an autoscaler scales it; every apply resets it to \(replicas.value)",
            at: key, in: resource
        )]
    }
}
