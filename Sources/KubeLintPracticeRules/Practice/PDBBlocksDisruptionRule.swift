import KubeLintContracts
import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintTreeFacts
import KubeLintYAML

package struct PDBBlocksDisruptionRule: ResourceRule {
    package init() {}

    package static let description = RuleDescription(
        id: "pdb-blocks-disruption",
        severity: .warning,
        category: .practice,
        summary: "A PodDisruptionBudget allows no pod to be evicted, so node drains hang",
        rationale: """
            A budget of `maxUnavailable: 0` (or `0%`), or a `minAvailable` as large as the \
            number of pods it covers (or `100%`), never allows an eviction. Every node drain \
            then waits on these pods until someone deletes the budget by hand: cluster upgrades \
            stall and the cluster autoscaler cannot remove nodes. The pods it covers are counted \
            from the replicas of the workloads it selects (autoscalers by their `minReplicas`).
            """,
        remediation: "Allow at least one disruption: `maxUnavailable: 1`, or a `minAvailable` below the replica count.",
        triggeringExamples: [
            Example("""
                apiVersion: policy/v1
                kind: PodDisruptionBudget
                metadata:
                  name: web
                spec:
                  minAvailable: ↓3
                  selector:
                    matchLabels: {app: web}
                ---
                apiVersion: policy/v1
                kind: PodDisruptionBudget
                metadata:
                  name: web-strict
                spec:
                  maxUnavailable: ↓0
                  selector:
                    matchLabels: {app: web}
                """, otherFiles: ["deployment.yaml": webDeployment]),
        ],
        nonTriggeringExamples: [
            Example("""
                apiVersion: policy/v1
                kind: PodDisruptionBudget
                metadata:
                  name: web
                spec:
                  minAvailable: 2
                  selector:
                    matchLabels: {app: web}
                ---
                apiVersion: policy/v1
                kind: PodDisruptionBudget
                metadata:
                  name: web-share
                spec:
                  maxUnavailable: 34%
                  selector:
                    matchLabels: {app: web}
                """, otherFiles: ["deployment.yaml": webDeployment]),
        ],
        equivalents: ["kube-linter:pdb-max-unavailable", "kube-linter:pdb-min-available"]
    )

    static let webDeployment = """
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
        """

    package func check(_ resource: Resource, context: LintContext) -> [Finding] {
        guard case .podDisruptionBudget(let budget) = resource.body else { return [] }
        if let maxUnavailable = budget.maxUnavailable, Self.fraction(maxUnavailable.value) == 0 {
            return [finding("maxUnavailable is \(maxUnavailable.value); no pod may ever be evicted, so every node drain waits on these pods", at: maxUnavailable.mark, in: resource)]
        }
        guard let minAvailable = budget.minAvailable, let selector = budget.selector else { return [] }
        if case .string = minAvailable.value, Self.fraction(minAvailable.value) == 1 {
            return [finding("minAvailable is \(minAvailable.value); no pod may ever be evicted, so every node drain waits on these pods", at: minAvailable.mark, in: resource)]
        }
        guard case .int(let minimum) = minAvailable.value else { return [] }
        let namespace = context.index.namespace(of: resource)
        var effective = selector
        effective.matchLabels = selector.matchLabels.withoutControllerLabels
        let counts = context.index.podRunners(selectedBy: effective, namespace: namespace).map { runner -> Int? in
            if case .pod = runner.body { return 1 }
            return context.fewestReplicas(of: runner, namespace: namespace)
        }
        // Only when every pod can be counted: a DaemonSet's, a Job's and external pods cannot.
        guard !counts.isEmpty, !counts.contains(nil),
              !context.configuration.externalPodsExist(in: namespace, where: { effective.matches($0) ?? true }) else { return [] }
        let pods = counts.compactMap { $0 }.reduce(0, +)
        guard minimum >= pods else { return [] }
        return [finding(
            "minAvailable is \(minimum) and the budget covers \(pods) pod\(pods == 1 ? "" : "s"); no pod may ever be evicted, so every node drain waits on them",
            at: minAvailable.mark, in: resource
        )]
    }

    /// `maxUnavailable`/`minAvailable` as a share of the pods when a percentage (0.5 for "50%"),
    /// 0 for the number 0; nil otherwise.
    static func fraction(_ value: IntOrString) -> Double? {
        switch value {
        case .int(let number): return number == 0 ? 0 : nil
        case .string(let text):
            guard text.hasSuffix("%"), let number = Double(text.dropLast()) else { return nil }
            return number / 100
        }
    }
}
