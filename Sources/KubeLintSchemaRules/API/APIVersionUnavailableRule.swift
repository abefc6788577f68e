import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintYAML

package struct APIVersionUnavailableRule: ResourceRule {
    package init() {}

    package static let description = RuleDescription(
        id: "api-version-unavailable",
        severity: .error,
        category: .schema,
        summary: "The apiVersion of this kind is newer than the target Kubernetes version",
        rationale: """
            A manifest written for a current cluster may use an apiVersion that an older cluster \
            does not serve yet (`networking.k8s.io/v1` Ingress arrived in 1.19, `batch/v1` \
            CronJob in 1.21). With `--kube-version` set to the cluster's release, kubelint \
            reports it before `kubectl apply` does.
            """,
        remediation: "Use the apiVersion the target release serves (the message names it), or raise `--kube-version` if the cluster is newer.",
        triggeringExamples: [
            Example("""
                apiVersion: ↓networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                spec:
                  defaultBackend:
                    service: {name: web, port: {number: 8080}}
                """, kubernetesVersion: .v1(13)),
            Example("""
                apiVersion: ↓storage.k8s.io/v1
                kind: VolumeAttributesClass
                metadata:
                  name: fast
                driverName: pd.csi.storage.gke.io
                parameters: {iops: "5000"}
                """, kubernetesVersion: .v1(28)),
        ],
        nonTriggeringExamples: [
            Example("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                spec:
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata: {labels: {app: web}}
                    spec:
                      containers: [{name: web, image: nginx}]
                """, kubernetesVersion: .v1(13)),
        ]
    )

    package func check(_ resource: Resource, context: LintContext) -> [Finding] {
        let target = context.configuration.kubernetesVersion
        guard let (entry, apiVersion) = APIVersionAdvice.lookup(resource), !entry.isServed(at: target),
              target < entry.introduced else { return [] }
        var message = "\(entry.apiVersion) \(entry.kind) is not served by Kubernetes \(target): it was added in \(entry.introduced)"
        if !context.configuration.isKubernetesVersionChosen { message += " (\(context.configuration.targetWording))" }
        let alternatives = APIVersionTable.shared.servedVersions(of: entry.kind, at: target).map(\.apiVersion)
        if !alternatives.isEmpty {
            message += "; Kubernetes \(target) serves \(entry.kind) as \(alternatives.joined(separator: ", "))"
        }
        return [finding(message, at: apiVersion.mark, in: resource)]
    }
}
