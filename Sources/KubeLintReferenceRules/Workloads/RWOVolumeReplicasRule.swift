import KubeLintEngine
import KubeLintModel
import KubeLintTreeFacts
import KubeLintSchema
import KubeLintYAML

package struct RWOVolumeReplicasRule: ResourceRule {
    package init() {}

    package static let description = RuleDescription(
        id: "rwo-volume-replicas",
        severity: .error,
        category: .workloads,
        summary: "More than one replica mounts the same ReadWriteOnce volume",
        rationale: """
            A ReadWriteOnce claim attaches to one node (ReadWriteOncePod: one pod). With more \
            than one replica sharing it through `volumes`, the extra pods either hang in \
            ContainerCreating on other nodes or, on the same node, write to the same files at \
            once: the database corruption the staging guide warns about for rdms. Stateful parts \
            that must scale need a StatefulSet with `volumeClaimTemplates` (one claim per pod) \
            or a ReadWriteMany volume.
            """,
        remediation: "Keep `replicas: 1` for a workload on a ReadWriteOnce claim, or give each pod its own claim (StatefulSet `volumeClaimTemplates`).",
        triggeringExamples: [
            Example("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: broker
                spec:
                  replicas: ↓2
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
                        volumeMounts:
                        - name: broker-pv
                          mountPath: /data
                      volumes:
                      - name: broker-pv
                        persistentVolumeClaim:
                          claimName: broker-pv
                """, otherFiles: ["pvc.yaml": brokerClaim]),
        ],
        nonTriggeringExamples: [
            Example("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: broker
                spec:
                  replicas: 1
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
                        volumeMounts:
                        - name: broker-pv
                          mountPath: /data
                      volumes:
                      - name: broker-pv
                        persistentVolumeClaim:
                          claimName: broker-pv
                """, otherFiles: ["pvc.yaml": brokerClaim]),
        ]
    )

    static let brokerClaim = """
        apiVersion: v1
        kind: PersistentVolumeClaim
        metadata:
          name: broker-pv
        spec:
          accessModes:
          - ReadWriteOnce
          resources:
            requests:
              storage: 1Gi
        """

    package func check(_ resource: Resource, context: LintContext) -> [Finding] {
        guard let workload = resource.workload, let replicas = workload.effectiveReplicas, replicas > 1,
              let claim = context.readWriteOnceClaims(of: resource).first else { return [] }
        return [finding(
            "\(replicas) replicas share the ReadWriteOnce claim \(claim.claimName.value) (volume \(claim.volumeName)); only one pod can use it safely",
            at: workload.replicas?.mark ?? resource.nameMark, in: resource, related: [claim.related]
        )]
    }
}
