import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintTreeFacts
import KubeLintYAML

package struct SCCPrivilegedRule: ResourceRule {
    package init() {}

    package static let description = RuleDescription(
        id: "scc-privileged",
        severity: .warning,
        category: .security,
        summary: "An OpenShift SecurityContextConstraints allows privileged containers",
        rationale: """
            On OpenShift, a SecurityContextConstraints decides what the pods of the users and \
            ServiceAccounts it is granted to may do. With `allowPrivilegedContainer: true`, any \
            of them may run privileged containers, which own their node.
            """,
        remediation: "Set `allowPrivilegedContainer: false` and allow the specific capabilities needed (`allowedCapabilities`) instead.",
        triggeringExamples: [
            Example("""
                apiVersion: security.openshift.io/v1
                kind: SecurityContextConstraints
                metadata:
                  name: agents
                allowPrivilegedContainer: ↓true
                runAsUser: {type: RunAsAny}
                seLinuxContext: {type: MustRunAs}
                """),
        ],
        nonTriggeringExamples: [
            Example("""
                apiVersion: security.openshift.io/v1
                kind: SecurityContextConstraints
                metadata:
                  name: agents
                allowPrivilegedContainer: false
                allowedCapabilities: [NET_BIND_SERVICE]
                runAsUser: {type: MustRunAsRange}
                seLinuxContext: {type: MustRunAs}
                """),
        ],
        equivalents: ["kube-linter:scc-deny-privileged-container"]
    )

    package func check(_ resource: Resource, context: LintContext) -> [Finding] {
        guard resource.group == "security.openshift.io", resource.kind?.value == "SecurityContextConstraints",
              let field = resource.root.pair("allowPrivilegedContainer"), field.value.scalar?.resolved == .bool(true) else { return [] }
        return [finding("SecurityContextConstraints \(resource.name ?? "") allows privileged containers to everyone it is granted to", at: field.value.start, in: resource)]
    }
}
