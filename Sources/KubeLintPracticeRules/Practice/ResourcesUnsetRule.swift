import KubeLintContracts
import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintTreeFacts
import KubeLintYAML

package struct ResourcesUnsetRule: ResourceRule {
    package init() {}

    package static let facts: [any Fact.Type] = [PodSpecCache.self]

    package static let description = RuleDescription(
        id: "resources-unset",
        severity: .warning,
        category: .practice,
        summary: "A container sets no CPU request, memory request or memory limit",
        rationale: """
            The scheduler places pods by their requests: a container without them counts as \
            needing nothing, so nodes are overcommitted and its pods are the first evicted when \
            a node runs short. Without a memory limit one leaking container can exhaust its \
            node's memory and take its neighbours down. A CPU limit is not asked for: it \
            throttles a container even when the node has CPU to spare, and many teams leave it \
            out on purpose (kube-score asks for one unless told otherwise).
            """,
        remediation: "Set `resources.requests.cpu`, `resources.requests.memory` and `resources.limits.memory` from the container's measured use.",
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
                    spec:
                      containers:
                      - name: ↓web
                        image: nginx:1.27
                        resources: {}
                      - name: proxy
                        image: envoy:1.31
                        ↓resources:
                          requests: {cpu: 100m}
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
                      containers:
                      - name: web
                        image: nginx:1.27
                        resources:
                          requests: {cpu: 250m, memory: 256Mi}
                          limits: {memory: 256Mi}
                """),
        ],
        equivalents: ["kube-linter:unset-cpu-requirements", "kube-linter:unset-memory-requirements", "kube-score:container-resources"]
    )

    package func check(_ resource: Resource, context: LintContext) -> [Finding] {
        guard let pod = context.podSpec(of: resource) else { return [] }
        return pod.containers.compactMap { container in
            let resources = container.node.pair("resources")
            let requests = ContainerResources(resources?.value["requests"])
            let limits = ContainerResources(resources?.value["limits"])
            // The API server copies a limit into a request left out.
            var missing: [String] = []
            if !requests.has("cpu"), !limits.has("cpu") { missing.append("requests.cpu") }
            if !requests.has("memory"), !limits.has("memory") { missing.append("requests.memory") }
            if !limits.has("memory") { missing.append("limits.memory") }
            guard !missing.isEmpty else { return nil }
            let written = requests.isEmpty && limits.isEmpty ? nil : resources
            return finding(
                "\(container.label) sets no \(missing.joined(separator: ", ")); "
                    + "the scheduler cannot place it by what it needs, and nothing bounds its memory",
                at: written?.key.start ?? container.mark, in: resource
            )
        }
    }
}

/// A container's `requests` or `limits`, read in place; a zero quantity counts as unset.
struct ContainerResources {
    private let node: Node?

    init(_ node: Node?) {
        self.node = node?.kind == .mapping ? node : nil
    }

    var isEmpty: Bool { node?.pairs?.isEmpty ?? true }

    func has(_ name: String) -> Bool {
        guard let text = node?[name]?.scalar?.text else { return false }
        return Quantity.value(text).map { $0 != 0 } ?? true
    }
}
