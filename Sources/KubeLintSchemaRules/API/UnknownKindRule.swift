import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintYAML

package struct UnknownKindRule: ResourceRule {
    package init() {}

    package static let facts: [any Fact.Type] = [SchemaReport.self]

    package static let description = RuleDescription(
        id: "unknown-kind",
        severity: .error,
        category: .schema,
        summary: "A built-in API group does not serve this kind at this apiVersion",
        rationale: """
            `apps/v1` has no `Deploymnet`, and `Deployment` is not served as `v1`: such a \
            manifest fails with "no matches for kind". Custom kinds live in their own groups, so a \
            kind unknown to a built-in group (`apps`, `batch`, `networking.k8s.io`, the core \
            group, ...) is a typo or a wrong apiVersion.
            """,
        remediation: "Fix the kind's spelling, or use the apiVersion the message lists for it.",
        triggeringExamples: [
            Example("""
                apiVersion: apps/v1
                kind: ↓Deploymnet
                metadata:
                  name: web
                """),
            Example("""
                apiVersion: ↓v1
                kind: Deployment
                metadata:
                  name: web
                """),
        ],
        nonTriggeringExamples: [
            Example("""
                apiVersion: apps/v1
                kind: StatefulSet
                metadata:
                  name: db
                spec:
                  serviceName: db
                  selector: {matchLabels: {app: db}}
                  template:
                    metadata: {labels: {app: db}}
                    spec:
                      containers: [{name: db, image: postgres}]
                ---
                apiVersion: monitoring.coreos.com/v1
                kind: ServiceMonitor
                metadata:
                  name: web
                """),
        ]
    )

    package func check(_ resource: Resource, context: LintContext) -> [Finding] {
        guard case .unknownKind(let suggestion, let servedVersions) = context[SchemaReport.self].classification(of: resource),
              let apiVersion = resource.apiVersion, let kind = resource.kind else { return [] }
        if servedVersions.isEmpty {
            var message = "\(apiVersion.value) has no kind '\(kind.value)'"
            if let suggestion { message += "; did you mean '\(suggestion)'?" }
            return [finding(message, at: kind.mark, in: resource)]
        }
        let target = context.configuration.kubernetesVersion
        // The apiVersions the target serves the kind as; if none, every one that ever did.
        let current = APIVersionTable.shared.servedVersions(of: kind.value, at: target).map(\.apiVersion)
        let list = (current.isEmpty ? servedVersions : current).joined(separator: ", ")
        return [finding("\(kind.value) is not served as \(apiVersion.value); use \(list)", at: apiVersion.mark, in: resource)]
    }
}
