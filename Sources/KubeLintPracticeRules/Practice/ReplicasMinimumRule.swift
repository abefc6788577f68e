import KubeLintContracts
import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintTreeFacts
import KubeLintYAML

package struct ReplicasMinimumRule: ResourceRule {
    package init() {}

    package static let facts: [any Fact.Type] = [ContractSubjects.self]

    package static let description = RuleDescription(
        id: "replicas-minimum",
        severity: .warning,
        category: .practice,
        summary: "A Deployment or StatefulSet that serves a Service runs a single replica",
        rationale: """
            With one replica, every rollout, node drain or crash takes the Service down until \
            the pod is back. Two replicas keep it up. Not judged: workloads no Service selects, \
            those an autoscaler scales (see `hpa-min-replicas`), those on a ReadWriteOnce \
            volume (one pod at a time can use it), and those a team contract pins to one replica \
            (the contract says why, and wins).
            """,
        remediation: "Set `spec.replicas: 2` or more (and see that the application can run twice).",
        triggeringExamples: [
            Example("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                spec:
                  replicas: ↓1
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
                  name: broker
                spec:
                  replicas: 1
                  selector:
                    matchLabels: {app: broker}
                  template:
                    metadata:
                      labels: {app: broker}
                    spec:
                      containers:
                      - name: broker
                        image: redis:7.4
                ---
                apiVersion: v1
                kind: Service
                metadata:
                  name: broker
                spec:
                  selector: {app: broker}
                  ports:
                  - port: 6379
                """, contract: """
                contract: staging
                expect:
                - kind: Deployment
                  objects:
                  - name: broker
                    replicas: 1
                """),
        ],
        equivalents: ["kube-linter:minimum-three-replicas", "kube-score:deployment-replicas"]
    )

    package func check(_ resource: Resource, context: LintContext) -> [Finding] {
        guard let workload = resource.workload, workload.kind == .deployment || workload.kind == .statefulSet,
              let replicas = workload.effectiveReplicas, replicas < 2 else { return [] }
        let namespace = context.index.namespace(of: resource)
        guard !context.isAutoscaled(resource, namespace: namespace), context.isSelectedByService(resource, namespace: namespace),
              context.readWriteOnceClaims(of: resource).isEmpty, context.contractReplicas(of: resource) == nil else { return [] }
        return [finding(
            "\(resource.kindAndName) runs \(replicas) replica\(replicas == 1 ? "" : "s") behind a Service; any rollout, drain or crash takes the Service down",
            at: workload.replicas?.mark ?? resource.nameMark, in: resource
        )]
    }
}
