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
        ],
        equivalents: ["kube-linter:schema-validation"]
    )

    package func check(_ resource: Resource, context: LintContext) -> [Finding] {
        var findings = schemaFindings(resource, context: context)
        // apps/v1 refuses an empty selector for the controllers it defines.
        if resource.apiVersion?.value == "apps/v1", let workload = resource.workload, workload.kind != .cronJob,
           let selector = workload.selector, selector.isEmpty {
            let kind = workload.kind.rawValue
            let unread = resource.root["spec"]?["selector"].map(Self.unreadEntries) ?? []
            let message = unread.isEmpty
                ? "spec.selector is empty: a \(kind) must select its pods (use the template's labels)"
                : "spec.selector has no label to select by: \(unread.joined(separator: "; ")); a \(kind) must select its pods"
            findings.append(finding(message, at: selector.mark, in: resource))
        }
        return findings
    }

    /// What a selector holds that selects nothing, when it is not empty as written: values
    /// that are not strings (`enabled: true`), entries of the wrong shape, labels written
    /// directly under `selector` as a Service writes them. Each is also reported where it is.
    static func unreadEntries(of selector: Node) -> [String] {
        var entries: [String] = []
        for pair in selector.pairs ?? [] {
            let key = MappingReader.keyText(pair.key) ?? pair.key.typeDescription
            switch key {
            case "matchLabels":
                guard let labels = pair.value.pairs else {
                    if pair.value.kind != .scalar || pair.value.scalar?.resolved != .null { entries.append("matchLabels is \(pair.value.typeDescription)") }
                    continue
                }
                for label in labels {
                    if let value = label.value.scalar, case .string = value.resolved { continue }
                    let name = MappingReader.keyText(label.key) ?? "?"
                    var entry = "matchLabels.\(name) is \(label.value.typeDescription), not a string"
                    if let value = label.value.scalar, value.resolved != .null { entry += " (write \(SchemaProblem.quoted(value.text)))" }
                    entries.append(entry)
                }
            case "matchExpressions":
                guard let expressions = pair.value.items else {
                    if pair.value.kind != .scalar || pair.value.scalar?.resolved != .null { entries.append("matchExpressions is \(pair.value.typeDescription)") }
                    continue
                }
                for (index, expression) in expressions.enumerated() where expression.kind != .mapping {
                    entries.append("matchExpressions[\(index)] is \(expression.typeDescription), not a requirement")
                }
            default:
                entries.append("'\(key)' is not a selector field (labels go under matchLabels)")
            }
        }
        return entries
    }

    func reports(_ problem: SchemaProblem) -> Bool {
        if case .invalidSelector = problem.kind { return true }
        return false
    }
}
