import KubeLintEngine
import KubeLintModel
import KubeLintTreeFacts
import KubeLintSchema
import KubeLintYAML

package struct RWOVolumeRollingUpdateRule: ResourceRule {
    package init() {}

    package static let description = RuleDescription(
        id: "rwo-volume-rolling-update",
        severity: .warning,
        category: .workloads,
        summary: "A Deployment on a ReadWriteOnce volume updates with RollingUpdate",
        rationale: """
            A RollingUpdate (the default strategy of a Deployment) starts the new pod before the \
            old one stops. With a ReadWriteOnce claim the new pod cannot attach the volume while \
            the old pod holds it on another node, so the rollout hangs; on the same node both \
            pods write to it at once. `Recreate` stops the old pod first, which is what kompose \
            writes for services with volumes.
            """,
        remediation: "Set `spec.strategy.type: Recreate` on Deployments that mount a ReadWriteOnce claim.",
        triggeringExamples: [
            Example("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                spec:
                  replicas: 1
                  selector:
                    matchLabels: {app: web}
                  strategy:
                    type: ↓RollingUpdate
                  template:
                    metadata:
                      labels: {app: web}
                    spec:
                      containers:
                      - name: web
                        image: nginx
                      volumes:
                      - name: web-pv
                        persistentVolumeClaim:
                          claimName: web-pv
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: worker
                spec:
                  selector:
                    matchLabels: {app: worker}
                  ↓strategy: {}
                  template:
                    metadata:
                      labels: {app: worker}
                    spec:
                      containers:
                      - name: worker
                        image: worker
                      volumes:
                      - name: web-pv
                        persistentVolumeClaim:
                          claimName: web-pv
                """, otherFiles: ["pvc.yaml": webClaim]),
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
                  strategy:
                    type: Recreate
                  template:
                    metadata:
                      labels: {app: web}
                    spec:
                      containers:
                      - name: web
                        image: nginx
                      volumes:
                      - name: web-pv
                        persistentVolumeClaim:
                          claimName: web-pv
                      - name: cache
                        emptyDir: {}
                """, otherFiles: ["pvc.yaml": webClaim]),
        ]
    )

    static let webClaim = """
        apiVersion: v1
        kind: PersistentVolumeClaim
        metadata:
          name: web-pv
        spec:
          accessModes: [ReadWriteOnce]
          resources:
            requests:
              storage: 1Gi
        """

    package func check(_ resource: Resource, context: LintContext) -> [Finding] {
        // `type: ""` is the type left out: the API server sets RollingUpdate.
        guard let workload = resource.workload, workload.kind == .deployment,
              (workload.strategyType.unlessEmpty?.value ?? "RollingUpdate") == "RollingUpdate",
              let claim = context.readWriteOnceClaims(of: resource).first else { return [] }
        let strategyKey = resource.root["spec"]?.pair("strategy")?.key.start
        let written = workload.strategyType.unlessEmpty == nil ? "updates with RollingUpdate (the default)" : "updates with RollingUpdate"
        return [finding(
            "Deployment \(resource.name ?? "") \(written) but mounts the ReadWriteOnce claim \(claim.claimName.value); the new pod cannot attach it while the old one runs",
            at: workload.strategyType?.mark ?? strategyKey ?? claim.claimName.mark, in: resource, related: [claim.related]
        )]
    }
}
