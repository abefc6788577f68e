import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintTreeFacts
import KubeLintYAML

package struct PodSecurityWarnRule: ResourceRule {
    package init() {}

    package static let facts: [any Fact.Type] = [PodSpecCache.self]

    package static let description = RuleDescription(
        id: "pod-security-warn",
        severity: .warning,
        category: .admission,
        summary: "A pod breaks the Pod Security level its namespace warns about or audits",
        rationale: """
            `pod-security.kubernetes.io/warn` and `audit` labels apply a Pod Security level \
            without rejecting anything: `kubectl apply` prints a warning for each pod or \
            workload that breaks it (warn), and the API server's audit log records it (audit). \
            Namespaces are often given `warn: restricted` before `enforce: restricted`, to see \
            what would break; kubelint shows the same before anything is applied. A field that \
            the namespace also enforces is reported by `pod-security-enforce` instead.
            """,
        remediation: "Change the field as the control requires, before the namespace enforces the level.",
        triggeringExamples: [
            Example("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                  namespace: shop
                spec:
                  selector:
                    matchLabels: {app: web}
                  template:
                    metadata:
                      labels: {app: web}
                    spec:
                      securityContext:
                        runAsNonRoot: true
                        seccompProfile: {type: RuntimeDefault}
                      containers:
                      - name: web
                        image: nginx:1.27
                        securityContext:
                          allowPrivilegeEscalation: ↓true
                          capabilities:
                            drop: [ALL]
                """, otherFiles: ["namespace.yaml": PodSecurityEnforceRule.shopNamespace(level: "restricted", mode: "warn")]),
        ],
        nonTriggeringExamples: [
            Example("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                  namespace: shop
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
                """, otherFiles: ["namespace.yaml": PodSecurityEnforceRule.shopNamespace(level: "baseline", mode: "audit")]),
        ]
    )

    package func check(_ resource: Resource, context: LintContext) -> [Finding] {
        context.podSecurityFindings(of: resource).compactMap { found in
            guard found.policy.mode != .enforce else { return nil }
            let modes = found.modes.map(\.rawValue).joined(separator: " and ")
            let outcome = found.modes.contains(.warn)
                ? "kubectl apply prints a warning" + (found.modes.contains(.audit) ? " and the audit log records it" : "")
                : "the API server's audit log records it"
            return finding(
                "\(found.violation.detail): breaks \(found.controlDescription), which namespace '\(found.policy.namespace)' "
                    + "applies in \(modes) mode; \(outcome)",
                at: found.violation.mark, in: resource, related: [found.related]
            )
        }
    }
}
