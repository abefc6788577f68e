import KubeLintEngine
import KubeLintModel
import KubeLintTreeFacts
import KubeLintSchema
import KubeLintYAML

package struct RWOVolumeAutoscaledRule: ResourceRule {
    package init() {}

    package static let description = RuleDescription(
        id: "rwo-volume-autoscaled",
        severity: .error,
        category: .workloads,
        summary: "An autoscaler scales a workload that mounts a ReadWriteOnce volume",
        rationale: """
            A HorizontalPodAutoscaler adds replicas under load. A workload whose pods share a \
            ReadWriteOnce claim cannot have more than one pod use it safely, so the first scale \
            up either hangs the new pods or puts two writers on one volume, exactly when the \
            service is busiest.
            """,
        remediation: "Do not autoscale workloads on a ReadWriteOnce claim (or set maxReplicas: 1); give each pod its own claim first.",
        triggeringExamples: [
            Example("""
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata:
                  name: broker
                spec:
                  scaleTargetRef:
                    apiVersion: apps/v1
                    kind: Deployment
                    name: ↓broker
                  minReplicas: 1
                  maxReplicas: 3
                """, otherFiles: ["deployment.yaml": brokerDeployment, "pvc.yaml": RWOVolumeReplicasRule.brokerClaim]),
        ],
        nonTriggeringExamples: [
            Example("""
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata:
                  name: broker
                spec:
                  scaleTargetRef:
                    apiVersion: apps/v1
                    kind: Deployment
                    name: broker
                  minReplicas: 1
                  maxReplicas: 1
                """, otherFiles: ["deployment.yaml": brokerDeployment, "pvc.yaml": RWOVolumeReplicasRule.brokerClaim]),
        ]
    )

    static let brokerDeployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: broker
        spec:
          selector:
            matchLabels: {app: broker}
          strategy:
            type: Recreate
          template:
            metadata:
              labels: {app: broker}
            spec:
              containers:
              - name: broker
                image: redis:5.0.7
              volumes:
              - name: broker-pv
                persistentVolumeClaim:
                  claimName: broker-pv
        """

    package func check(_ resource: Resource, context: LintContext) -> [Finding] {
        guard case .horizontalPodAutoscaler(let autoscaler) = resource.body, let target = autoscaler.scaleTargetRef,
              let kind = target.kind?.value, let name = target.name,
              (autoscaler.maxReplicas?.value ?? 2) > 1 else { return [] }
        let namespace = context.index.namespace(of: resource)
        guard let workload = context.index.object(kind: kind, namespace: namespace, name: name.value),
              let claim = context.readWriteOnceClaims(of: workload).first else { return [] }
        return [finding(
            "\(kind) \(name.value) mounts the ReadWriteOnce claim \(claim.claimName.value); scaling it past one replica puts two pods on one volume",
            at: name.mark, in: resource, related: [claim.related]
        )]
    }
}
