import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintTreeFacts
import KubeLintYAML

package struct TopologySpreadInvalidRule: ResourceRule {
    package init() {}

    package static let facts: [any Fact.Type] = [PodSpecCache.self]

    package static let description = RuleDescription(
        id: "topology-spread-invalid",
        severity: .error,
        category: .workloads,
        summary: "A topology spread constraint has a maxSkew or minDomains the API server rejects",
        rationale: """
            `topologySpreadConstraints` tell the scheduler how unevenly pods may be spread over \
            zones or nodes. `maxSkew` must be at least 1, and `minDomains`, when given, at least \
            1 and only with `whenUnsatisfiable: DoNotSchedule`; the API server rejects a pod (and \
            a workload) that breaks this, so nothing is deployed.
            """,
        remediation: "Set `maxSkew` to 1 or more; give `minDomains` (1 or more) only with `whenUnsatisfiable: DoNotSchedule`.",
        triggeringExamples: [
            Example("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                  labels: {app: web}
                spec:
                  topologySpreadConstraints:
                  - maxSkew: ↓0
                    topologyKey: topology.kubernetes.io/zone
                    whenUnsatisfiable: DoNotSchedule
                    labelSelector:
                      matchLabels: {app: web}
                  - maxSkew: 1
                    minDomains: ↓3
                    topologyKey: kubernetes.io/hostname
                    whenUnsatisfiable: ScheduleAnyway
                    labelSelector:
                      matchLabels: {app: web}
                  containers:
                  - name: web
                    image: nginx:1.27
                """),
        ],
        nonTriggeringExamples: [
            Example("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                  labels: {app: web}
                spec:
                  topologySpreadConstraints:
                  - maxSkew: 1
                    minDomains: 3
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
        var findings: [Finding] = []
        for (node, path) in constraints.items where node.kind == .mapping {
            let constraint = PodField(pair: Pair(key: node, value: node), path: path)
            if let maxSkew = constraint.field("maxSkew"), let value = maxSkew.int, value < 1 {
                findings.append(finding("\(maxSkew.path) is \(value), but it must be at least 1; the API server rejects the pod", at: maxSkew.mark, in: resource))
            }
            guard let minDomains = constraint.field("minDomains"), let value = minDomains.int else { continue }
            if value < 1 {
                findings.append(finding("\(minDomains.path) is \(value), but it must be at least 1; the API server rejects the pod", at: minDomains.mark, in: resource))
            } else if let when = constraint.field("whenUnsatisfiable")?.string, when != "DoNotSchedule" {
                findings.append(finding(
                    "\(minDomains.path) is only allowed with whenUnsatisfiable: DoNotSchedule, not \(when); the API server rejects the pod",
                    at: minDomains.mark, in: resource
                ))
            }
        }
        return findings
    }
}
