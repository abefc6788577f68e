import KubeLintContracts
import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintTreeFacts
import KubeLintYAML

package struct PDBMissingRule: ResourceRule {
    package init() {}

    package static let description = RuleDescription(
        id: "pdb-missing",
        severity: .warning,
        category: .practice,
        summary: "A Deployment or StatefulSet of several replicas has no PodDisruptionBudget",
        rationale: """
            Node drains (upgrades, autoscaler scale-downs, maintenance) evict pods without \
            regard for the application unless a PodDisruptionBudget says how many may go at \
            once. Without one, a drain can take every replica of a Deployment together, and a \
            StatefulSet can lose its quorum. Workloads of one replica (autoscalers counted by \
            their `minReplicas`) are not judged: a budget cannot keep a single pod available \
            through a drain.
            """,
        remediation: "Add a PodDisruptionBudget selecting the pods, with `maxUnavailable: 1` (or a `minAvailable` below the replica count).",
        triggeringExamples: [
            Example("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: ↓web
                spec:
                  replicas: 3
                  selector:
                    matchLabels: {app: web}
                  template:
                    metadata:
                      labels: {app: web}
                    spec:
                      containers:
                      - name: web
                        image: nginx:1.27
                """),
        ],
        nonTriggeringExamples: [
            Example("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                spec:
                  replicas: 3
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
                apiVersion: policy/v1
                kind: PodDisruptionBudget
                metadata:
                  name: web
                spec:
                  maxUnavailable: 1
                  selector:
                    matchLabels: {app: web}
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: scheduler
                spec:
                  selector:
                    matchLabels: {app: scheduler}
                  template:
                    metadata:
                      labels: {app: scheduler}
                    spec:
                      containers:
                      - name: scheduler
                        image: scheduler:1.0
                """),
        ],
        equivalents: ["kube-score:deployment-has-poddisruptionbudget", "kube-score:statefulset-has-poddisruptionbudget"]
    )

    package func check(_ resource: Resource, context: LintContext) -> [Finding] {
        guard let workload = resource.workload, workload.kind == .deployment || workload.kind == .statefulSet,
              let labels = workload.template?.labels, !labels.isEmpty else { return [] }
        let namespace = context.index.namespace(of: resource)
        guard let replicas = context.fewestReplicas(of: resource, namespace: namespace), replicas > 1 else { return [] }
        let budgets = context.index.objectsSelecting(labels, namespace: namespace).filter { $0.kind?.value == "PodDisruptionBudget" }
        guard budgets.isEmpty else { return [] }
        return [finding(
            "no PodDisruptionBudget selects the pods of \(resource.kindAndName) (at least \(replicas)); a node drain may evict them all at once",
            at: resource.nameMark, in: resource
        )]
    }
}
