import KubeLintEngine
import KubeLintModel
import KubeLintTreeFacts
import KubeLintSchema
import KubeLintYAML

package struct WorkloadSelectorMismatchRule: ResourceRule {
    package init() {}

    package static let description = RuleDescription(
        id: "workload-selector-mismatch",
        severity: .error,
        category: .workloads,
        summary: "A workload's selector does not select its own pod template",
        rationale: """
            A Deployment, StatefulSet, DaemonSet, ReplicaSet or ReplicationController owns the \
            pods its selector selects, and must create pods its selector selects. When the \
            template's labels do not satisfy the selector, the API server rejects the object \
            ("selector does not match template labels"); with a legacy API version that \
            accepted it, the controller creates pods it never counts, without end.
            """,
        remediation: "Make the selector's labels and expressions match `spec.template.metadata.labels`.",
        triggeringExamples: [
            Example("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                spec:
                  selector:
                    matchLabels:
                      io.kompose.service: ↓webb
                  template:
                    metadata:
                      labels:
                        io.kompose.service: web
                    spec:
                      containers:
                      - name: web
                        image: nginx
                """),
            Example("""
                apiVersion: apps/v1
                kind: StatefulSet
                metadata:
                  name: db
                spec:
                  serviceName: db
                  selector:
                    matchLabels:
                      app: db
                    matchExpressions:
                    - ↓key: tier
                      operator: In
                      values: [storage]
                  template:
                    metadata:
                      labels:
                        app: db
                        tier: database
                    spec:
                      containers:
                      - name: db
                        image: postgres
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
                    matchLabels:
                      io.kompose.service: web
                  template:
                    metadata:
                      labels:
                        io.kompose.service: web
                        version: v2
                    spec:
                      containers:
                      - name: web
                        image: nginx
                """),
        ],
        equivalents: [
            "kube-linter:mismatching-selector",
            "kube-score:deployment-pod-selector-labels-match-template-metadata-labels",
            "kube-score:statefulset-pod-selector-labels-match-template-metadata-labels",
        ]
    )

    package func check(_ resource: Resource, context: LintContext) -> [Finding] {
        guard let workload = resource.workload, workload.kind != .job, workload.kind != .cronJob,
              workload.selectorMatchesTemplate == false, let labels = workload.template?.labels else { return [] }
        let templateLabels = labels.isEmpty ? "none" : labels.inlineDescription
        if let selector = workload.selector {
            if let entry = selector.matchLabels.firstEntry(missingFrom: labels) {
                return [finding(
                    "selector \(entry.key): \(entry.value) does not match the pod template's labels (\(templateLabels))",
                    at: entry.valueMark, in: resource
                )]
            }
            if let requirement = selector.matchExpressions.first(where: { $0.matches(labels) == false }) {
                let values = requirement.values.map(\.value).joined(separator: ", ")
                return [finding(
                    "selector expression '\(requirement.key?.value ?? "?") \(requirement.operator?.value ?? "?") (\(values))' does not match the pod template's labels (\(templateLabels))",
                    at: requirement.mark, in: resource
                )]
            }
            return [finding("the selector does not match the pod template's labels (\(templateLabels))", at: selector.mark, in: resource)]
        }
        let entry = workload.selectorLabels?.firstEntry(missingFrom: labels)
        return [finding(
            "selector \(entry.map { "\($0.key): \($0.value)" } ?? "") does not match the pod template's labels (\(templateLabels))",
            at: entry?.valueMark ?? resource.nameMark, in: resource
        )]
    }
}
