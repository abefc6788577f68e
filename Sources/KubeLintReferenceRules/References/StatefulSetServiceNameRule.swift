import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintTreeFacts
import KubeLintYAML

package struct StatefulSetServiceNameRule: ResourceRule {
    package init() {}

    package static let facts: [any Fact.Type] = referenceFacts

    package static let description = RuleDescription(
        id: "statefulset-service-name",
        severity: .warning,
        category: .references,
        summary: "A StatefulSet's serviceName names no headless Service in the tree",
        rationale: """
            A StatefulSet's pods get stable DNS names (`db-0.db.shop.svc`) from the governing \
            Service its `serviceName` names, and only when that Service is headless \
            (`clusterIP: None`). Without it the StatefulSet still runs, but peers that find each \
            other by those names (database replicas, brokers of a cluster) cannot, and the \
            StatefulSet looks fine until they try. A StatefulSet of one replica (a database its \
            clients reach through a Service) has no peers to find and is not reported; one that \
            an autoscaler scales is.
            """,
        remediation: """
            Add a Service with `clusterIP: None` of that name selecting the StatefulSet's pods, \
            or correct `serviceName`; declare a Service made outside the tree under \
            `externalObjects`.
            """,
        triggeringExamples: [
            Example("""
                apiVersion: apps/v1
                kind: StatefulSet
                metadata:
                  name: db
                spec:
                  serviceName: ↓db-headless
                  replicas: 3
                  selector:
                    matchLabels: {app: db}
                  template:
                    metadata:
                      labels: {app: db}
                    spec:
                      containers:
                      - name: db
                        image: postgres:16
                ---
                apiVersion: apps/v1
                kind: StatefulSet
                metadata:
                  name: cache
                spec:
                  serviceName: ↓cache
                  replicas: 2
                  selector:
                    matchLabels: {app: cache}
                  template:
                    metadata:
                      labels: {app: cache}
                    spec:
                      containers:
                      - name: cache
                        image: redis:7
                ---
                apiVersion: v1
                kind: Service
                metadata:
                  name: cache
                spec:
                  selector: {app: cache}
                  ports:
                  - port: 6379
                """),
        ],
        nonTriggeringExamples: [
            Example("""
                apiVersion: apps/v1
                kind: StatefulSet
                metadata:
                  name: db
                spec:
                  serviceName: db
                  replicas: 3
                  selector:
                    matchLabels: {app: db}
                  template:
                    metadata:
                      labels: {app: db}
                    spec:
                      containers:
                      - name: db
                        image: postgres:16
                ---
                apiVersion: v1
                kind: Service
                metadata:
                  name: db
                spec:
                  clusterIP: None
                  selector: {app: db}
                  ports:
                  - port: 5432
                ---
                apiVersion: apps/v1
                kind: StatefulSet
                metadata:
                  name: orders-db
                spec:
                  serviceName: orders-db
                  replicas: 1
                  selector:
                    matchLabels: {app: orders-db}
                  template:
                    metadata:
                      labels: {app: orders-db}
                    spec:
                      containers:
                      - name: db
                        image: mysql:8.4
                """),
        ],
        equivalents: ["kube-score:statefulset-has-servicename"]
    )

    package func check(_ resource: Resource, context: LintContext) -> [Finding] {
        guard let workload = resource.workload, workload.kind == .statefulSet,
              let serviceName = workload.serviceName, !serviceName.value.isEmpty else { return [] }
        let namespace = context.index.namespace(of: resource)
        guard (workload.effectiveReplicas ?? 1) > 1 || context.isAutoscaled(resource, namespace: namespace) else { return [] }
        guard let service = context.service(named: serviceName.value, namespace: namespace) else {
            guard !context.referenceResolves(kind: "Service", namespace: namespace, name: serviceName.value) else { return [] }
            return [finding(
                "Service \(serviceName.value) is not in the tree \(context.inNamespace(namespace)); the StatefulSet's pods get no DNS names",
                at: serviceName.mark, in: resource
            )]
        }
        guard service.spec.clusterIP?.value != "None" else { return [] }
        return [finding(
            "Service \(serviceName.value) is not headless (clusterIP: None), so the StatefulSet's pods get no DNS names of their own",
            at: serviceName.mark, in: resource,
            related: [service.object.related("Service \(serviceName.value) has a cluster IP")]
        )]
    }
}
