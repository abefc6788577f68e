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
        ],
        equivalents: ["kube-linter:schema-validation"]
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
        let table = APIVersionTable.shared
        let advised = table.advisedVersions(of: kind.value, at: target)
        let notServed = "\(kind.value) is not served as \(apiVersion.value)"
        if !advised.isEmpty {
            let alpha = advised.allSatisfy { $0.stability == 0 } ? " (alpha: served only where the cluster enables it)" : ""
            let list = advised.map(\.apiVersion).joined(separator: ", ")
            return [finding("\(notServed); use \(list)\(alpha)", at: apiVersion.mark, in: resource)]
        }
        // Never an apiVersion the target does not serve: say when the kind was or will be served.
        let entries = table.entriesByKind[kind.value] ?? []
        var coming = entries.filter { $0.introduced > target }
        if coming.contains(where: { $0.stability > 0 }) { coming.removeAll { $0.stability == 0 } }
        let later = coming.min { ($0.introduced, $0.apiVersion) < ($1.introduced, $1.apiVersion) }
        let gone = entries.compactMap { entry in entry.removed.map { (entry, $0) } }.filter { $0.1 <= target }.max { $0.1 < $1.1 }
        var when: String
        if let later {
            when = "\(later.apiVersion) serves it from \(later.introduced)"
        } else if let (entry, removed) = gone {
            when = "the last, \(entry.apiVersion), was removed in \(removed)"
        } else {
            when = "it was served as \(servedVersions.joined(separator: ", "))"
        }
        if later == nil, let without = APIMigrations.withoutReplacement[kind.value] { when += "; " + without }
        let chosen = context.configuration.isKubernetesVersionChosen ? "" : " (\(context.configuration.targetWording))"
        return [finding(
            "\(notServed), and Kubernetes \(target) serves it under no apiVersion\(chosen): \(when)",
            at: apiVersion.mark, in: resource
        )]
    }
}
