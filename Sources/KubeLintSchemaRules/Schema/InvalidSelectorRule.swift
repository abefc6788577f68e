import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintYAML

package struct InvalidSelectorRule: SchemaProblemRule {
    package init() {}

    package static let description = RuleDescription(
        id: "invalid-selector",
        severity: .error,
        category: .schema,
        summary: "A label selector is malformed",
        rationale: """
            A selector requirement's `operator` must be `In`, `NotIn`, `Exists` or `DoesNotExist` \
            (node selectors also `Gt` and `Lt`); `In` and `NotIn` need values, `Exists` and \
            `DoesNotExist` take none, `Gt` and `Lt` exactly one integer. A Deployment, ReplicaSet, \
            StatefulSet or DaemonSet with an empty selector would select every pod and is refused. \
            The API server rejects all of these.
            """,
        remediation: "Fix the operator's spelling, add or remove `values`, or give the workload a selector matching its template's labels.",
        triggeringExamples: [
            Example("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                spec:
                  selector:
                    matchExpressions:
                    - {key: tier, operator: ↓in, values: [web]}
                    - {key: track, operator: ↓NotIn}
                    - {key: canary, operator: DoesNotExist, ↓values: [x]}
                  template:
                    metadata: {labels: {tier: web}}
                    spec:
                      containers:
                      - {name: web, image: nginx}
                """),
            Example("""
                apiVersion: apps/v1
                kind: DaemonSet
                metadata:
                  name: agent
                spec:
                  selector: ↓{}
                  template:
                    metadata: {labels: {app: agent}}
                    spec:
                      affinity:
                        nodeAffinity:
                          requiredDuringSchedulingIgnoredDuringExecution:
                            nodeSelectorTerms:
                            - matchExpressions:
                              - {key: cores, operator: Gt, values: [↓"many"]}
                      containers:
                      - {name: agent, image: agent}
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
                    matchExpressions:
                    - {key: tier, operator: In, values: [web, api]}
                    - {key: canary, operator: DoesNotExist}
                  template:
                    metadata: {labels: {app: web, tier: web}}
                    spec:
                      affinity:
                        nodeAffinity:
                          requiredDuringSchedulingIgnoredDuringExecution:
                            nodeSelectorTerms:
                            - matchExpressions:
                              - {key: cores, operator: Gt, values: ["4"]}
                      containers:
                      - {name: web, image: nginx}
                ---
                apiVersion: policy/v1
                kind: PodDisruptionBudget
                metadata:
                  name: all
                spec:
                  minAvailable: 1
                  selector: {}
                """),
        ]
    )

    package func check(_ resource: Resource, context: LintContext) -> [Finding] {
        var findings = schemaFindings(resource, context: context)
        // apps/v1 refuses an empty selector for the controllers it defines.
        if resource.apiVersion?.value == "apps/v1", let workload = resource.workload, workload.kind != .cronJob,
           let selector = workload.selector, selector.isEmpty {
            findings.append(finding("spec.selector is empty: a \(workload.kind.rawValue) must select its pods (use the template's labels)", at: selector.mark, in: resource))
        }
        return findings
    }

    func reports(_ problem: SchemaProblem) -> Bool {
        if case .invalidSelector = problem.kind { return true }
        return false
    }
}
