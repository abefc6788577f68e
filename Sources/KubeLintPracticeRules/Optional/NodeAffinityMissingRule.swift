import KubeLintContracts
import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintTreeFacts
import KubeLintYAML

package struct NodeAffinityMissingRule: ResourceRule {
    package init() {}

    package static let facts: [any Fact.Type] = [PodSpecCache.self]

    package static let description = RuleDescription(
        id: "node-affinity-missing",
        severity: .info,
        category: .optional,
        summary: "A workload's pods may be scheduled onto any node",
        rationale: """
            In a cluster with node pools of different kinds (general, high-memory, GPU, spot), \
            pods without a node affinity or `nodeSelector` can land on any of them: an \
            application on spot nodes, a batch job on the nodes kept for latency-sensitive \
            services. Clusters of one kind of node have no use for this rule.
            """,
        remediation: "Add `affinity.nodeAffinity` (or a `nodeSelector`) naming the node pool the pods belong to.",
        triggeringExamples: [
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
                    ↓spec:
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
                  selector:
                    matchLabels: {app: web}
                  template:
                    metadata:
                      labels: {app: web}
                    spec:
                      affinity:
                        nodeAffinity:
                          requiredDuringSchedulingIgnoredDuringExecution:
                            nodeSelectorTerms:
                            - matchExpressions:
                              - {key: pool, operator: In, values: [general]}
                      containers:
                      - name: web
                        image: nginx:1.27
                """),
        ],
        equivalents: ["kube-linter:no-node-affinity"]
    )

    package func check(_ resource: Resource, context: LintContext) -> [Finding] {
        guard let pod = context.podSpec(of: resource), pod.spec["affinity"]?["nodeAffinity"] == nil,
              (pod.spec["nodeSelector"]?.pairs ?? []).isEmpty, pod.field("nodeName") == nil else { return [] }
        return [finding("the pods of \(resource.kindAndName) name no node affinity or nodeSelector, so they may run on any node", at: pod.specKeyMark, in: resource)]
    }
}
