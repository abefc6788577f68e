import KubeLintContracts
import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintTreeFacts
import KubeLintYAML

package struct RollingUpdateStrategyRule: ResourceRule {
    package init() {}

    package static let description = RuleDescription(
        id: "rolling-update-strategy",
        severity: .warning,
        category: .practice,
        summary: "A workload that serves a Service replaces its pods all at once or only by hand",
        rationale: """
            `Recreate` stops every old pod before any new one starts, so each deployment is an \
            outage for the Service in front of it; `OnDelete` (StatefulSets, DaemonSets) leaves \
            pods on the old version until someone deletes them. `RollingUpdate`, the default, \
            replaces pods a few at a time. Workloads no Service selects, and those on a \
            ReadWriteOnce volume (which one pod at a time can use: see \
            `rwo-volume-rolling-update`), are not judged.
            """,
        remediation: "Use `strategy.type: RollingUpdate` (Deployments) or `updateStrategy.type: RollingUpdate`, or leave it out.",
        triggeringExamples: [
            Example("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                spec:
                  strategy:
                    type: ↓Recreate
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
                apiVersion: v1
                kind: Service
                metadata:
                  name: web
                spec:
                  selector: {app: web}
                  ports:
                  - port: 80
                """),
        ],
        nonTriggeringExamples: [
            Example("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: worker
                spec:
                  strategy:
                    type: Recreate
                  selector:
                    matchLabels: {app: worker}
                  template:
                    metadata:
                      labels: {app: worker}
                    spec:
                      containers:
                      - name: worker
                        image: worker:2.1
                """),
        ],
        equivalents: ["kube-linter:no-rolling-update-strategy", "kube-score:deployment-strategy"]
    )

    package func check(_ resource: Resource, context: LintContext) -> [Finding] {
        guard let workload = resource.workload, let strategy = workload.strategyType.unlessEmpty,
              strategy.value == "Recreate" || strategy.value == "OnDelete" else { return [] }
        let namespace = context.index.namespace(of: resource)
        guard context.isSelectedByService(resource, namespace: namespace),
              context.readWriteOnceClaims(of: resource).isEmpty else { return [] }
        let what = strategy.value == "Recreate"
            ? "stops every pod before starting new ones: each rollout is an outage for the Service"
            : "leaves pods on the old version until someone deletes them"
        return [finding("\(resource.kindAndName) updates with \(strategy.value), which \(what)", at: strategy.mark, in: resource)]
    }
}
