import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintTreeFacts
import KubeLintYAML

package struct TopologySpreadNoSelectorRule: ResourceRule {
    package init() {}

    package static let facts: [any Fact.Type] = [PodSpecCache.self]

    package static let description = RuleDescription(
        id: "topology-spread-no-selector",
        severity: .warning,
        category: .workloads,
        summary: "A topology spread constraint has no labelSelector, so it spreads nothing",
        rationale: """
            A spread constraint counts, in each zone or node, the pods its `labelSelector` \
            selects. Without a selector it counts none anywhere, so the skew is always zero and \
            the constraint never changes where pods go: replicas the team meant to spread over \
            zones can all land in one. The API server accepts it. (`matchLabelKeys` alone adds \
            to a selector, and is not reported.)
            """,
        remediation: "Add a `labelSelector` that selects the pods of the workload (usually its template's labels).",
        triggeringExamples: [
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
                      topologySpreadConstraints:
                      - ↓maxSkew: 1
                        topologyKey: topology.kubernetes.io/zone
                        whenUnsatisfiable: DoNotSchedule
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
                      topologySpreadConstraints:
                      - maxSkew: 1
                        topologyKey: topology.kubernetes.io/zone
                        whenUnsatisfiable: DoNotSchedule
                        labelSelector:
                          matchLabels: {app: web}
                      containers:
                      - name: web
                        image: nginx:1.27
                """),
        ],
        equivalents: ["kube-score:pod-topology-spread-constraints"]
    )

    package func check(_ resource: Resource, context: LintContext) -> [Finding] {
        guard let pod = context.podSpec(of: resource), let constraints = pod.field("topologySpreadConstraints") else { return [] }
        return constraints.items.compactMap { node, path in
            guard node.kind == .mapping, node["labelSelector"].map({ $0.isNull }) ?? true,
                  node["matchLabelKeys"].map({ $0.isNull }) ?? true else { return nil }
            return finding("\(path) has no labelSelector: it counts no pods, so it never spreads any", at: node.start, in: resource)
        }
    }
}
