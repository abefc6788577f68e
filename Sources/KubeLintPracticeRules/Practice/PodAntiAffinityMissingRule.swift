import KubeLintContracts
import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintTreeFacts
import KubeLintYAML

package struct PodAntiAffinityMissingRule: ResourceRule {
    package init() {}

    package static let facts: [any Fact.Type] = [PodSpecCache.self]

    package static let description = RuleDescription(
        id: "pod-anti-affinity-missing",
        severity: .warning,
        category: .practice,
        summary: "The replicas of a Deployment or StatefulSet may all be scheduled onto one node",
        rationale: """
            Replicas exist so that losing one pod does not stop the service; but the scheduler \
            may put them all on one node, and that node's failure or drain then stops every \
            replica together. A pod anti-affinity term that keeps the workload's own pods apart \
            (`topologyKey: kubernetes.io/hostname`, or a zone), or a topology spread constraint \
            over nodes or zones that selects them, prevents it. Workloads of one replica \
            (autoscalers counted by their `minReplicas`) are not judged.
            """,
        remediation: """
            Add `affinity.podAntiAffinity` (preferred or required) with a `labelSelector` matching \
            the template's labels and `topologyKey: kubernetes.io/hostname`, or a \
            `topologySpreadConstraint` over `kubernetes.io/hostname`.
            """,
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
                      affinity:
                        podAntiAffinity:
                          preferredDuringSchedulingIgnoredDuringExecution:
                          - weight: 100
                            podAffinityTerm:
                              topologyKey: kubernetes.io/hostname
                              labelSelector:
                                matchLabels: {app: web}
                      containers:
                      - name: web
                        image: nginx:1.27
                ---
                apiVersion: apps/v1
                kind: StatefulSet
                metadata:
                  name: db
                spec:
                  replicas: 3
                  serviceName: db
                  selector:
                    matchLabels: {app: db}
                  template:
                    metadata:
                      labels: {app: db}
                    spec:
                      topologySpreadConstraints:
                      - maxSkew: 1
                        topologyKey: topology.kubernetes.io/zone
                        whenUnsatisfiable: ScheduleAnyway
                        labelSelector:
                          matchLabels: {app: db}
                      containers:
                      - name: db
                        image: postgres:16
                """),
        ],
        equivalents: [
            "kube-linter:no-anti-affinity", "kube-score:deployment-has-host-podantiaffinity",
            "kube-score:statefulset-has-host-podantiaffinity",
        ]
    )

    static let spreadingKeys: Set<String> = [
        "kubernetes.io/hostname", "topology.kubernetes.io/zone", "failure-domain.beta.kubernetes.io/zone",
    ]

    package func check(_ resource: Resource, context: LintContext) -> [Finding] {
        guard let workload = resource.workload, workload.kind == .deployment || workload.kind == .statefulSet,
              let labels = workload.template?.labels, let pod = context.podSpec(of: resource) else { return [] }
        let namespace = context.index.namespace(of: resource)
        guard let replicas = context.fewestReplicas(of: resource, namespace: namespace), replicas > 1,
              !Self.keepsApart(pod, labels: labels) else { return [] }
        return [finding(
            "nothing keeps the pods of \(resource.kindAndName) (at least \(replicas)) on different nodes; one node's failure can stop them all",
            at: resource.nameMark, in: resource
        )]
    }

    /// Whether an anti-affinity term or a spread constraint over nodes or zones selects the pods.
    static func keepsApart(_ pod: PodSpecNodes, labels: StringMap) -> Bool {
        func selectsOwnPods(_ term: Node) -> Bool {
            guard let key = term["topologyKey"].flatMap(MappingReader.string), spreadingKeys.contains(key),
                  let selectorNode = term["labelSelector"],
                  let selector = LabelSelector(reading: selectorNode, path: "labelSelector") else { return false }
            return selector.matches(labels) ?? true
        }
        let antiAffinity = pod.spec["affinity"]?["podAntiAffinity"]
        let required = antiAffinity?["requiredDuringSchedulingIgnoredDuringExecution"]?.items ?? []
        let preferred = (antiAffinity?["preferredDuringSchedulingIgnoredDuringExecution"]?.items ?? []).compactMap { $0["podAffinityTerm"] }
        let spread = pod.spec["topologySpreadConstraints"]?.items ?? []
        return (required + preferred + spread).contains(where: selectsOwnPods)
    }
}
