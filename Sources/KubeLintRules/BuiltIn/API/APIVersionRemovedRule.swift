import KubeLintModel

public struct APIVersionRemovedRule: ResourceRule {
    public init() {}

    public static let description = RuleDescription(
        id: "api-version-removed",
        severity: .error,
        category: .schema,
        summary: "The apiVersion of this kind is no longer served by the target Kubernetes version",
        rationale: """
            Kubernetes removes beta API versions a few releases after their replacement ships \
            (extensions/v1beta1 and apps/v1beta* workloads in 1.16; extensions/v1beta1 Ingress, \
            v1beta1 RBAC and CRDs in 1.22; batch/v1beta1 CronJob and policy/v1beta1 in 1.25; \
            ...). A cluster at or past that release refuses the manifest ("no matches for kind"). \
            The target release is `--kube-version` (default: the newest release kubelint knows); \
            facts from the Kubernetes deprecated API migration guide.
            """,
        remediation: "Move to the replacement apiVersion the message names and make the field changes it lists.",
        triggeringExamples: [
            Example("""
                apiVersion: ↓extensions/v1beta1
                kind: Ingress
                metadata:
                  name: web
                spec:
                  backend:
                    serviceName: web
                    servicePort: 8080
                """),
            Example("""
                apiVersion: ↓batch/v1beta1
                kind: CronJob
                metadata:
                  name: report
                spec:
                  schedule: "0 3 * * *"
                  jobTemplate:
                    spec:
                      template:
                        spec:
                          restartPolicy: OnFailure
                          containers: [{name: report, image: report}]
                """, kubernetesVersion: .v1(25)),
            Example("""
                apiVersion: ↓storage.k8s.io/v1beta1
                kind: VolumeAttributesClass
                metadata:
                  name: fast
                driverName: pd.csi.storage.gke.io
                """),
        ],
        nonTriggeringExamples: [
            Example("""
                apiVersion: extensions/v1beta1
                kind: Ingress
                metadata:
                  name: web
                spec:
                  backend:
                    serviceName: web
                    servicePort: 8080
                """, kubernetesVersion: .v1(13)),
            Example("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                spec:
                  defaultBackend:
                    service: {name: web, port: {number: 8080}}
                """),
        ]
    )

    public func check(_ resource: Resource, context: LintContext) -> [Finding] {
        let target = context.configuration.kubernetesVersion
        if let (entry, apiVersion) = APIVersionAdvice.lookup(resource), let removed = entry.removed {
            guard removed <= target else { return [] }
            let advice = APIVersionAdvice.replacement(for: entry, target: target)
            return [finding(
                "\(entry.apiVersion) \(entry.kind) is not served since Kubernetes \(removed) (target \(target)): \(advice)",
                at: apiVersion.mark, in: resource
            )]
        }
        // Not in the lifecycle table: the sampled API releases still show when it went away.
        guard let apiVersion = resource.apiVersion, let kind = resource.kind?.value,
              let gone = SchemaTable.shared.firstReleaseWithout(apiVersion: apiVersion.value, kind: kind),
              gone <= target else { return [] }
        var message = "\(apiVersion.value) \(kind) is not served by Kubernetes \(gone) and later (target \(target))"
        let group = SchemaTable.group(of: apiVersion.value)
        let current = SchemaTable.shared.roots.keys
            .filter { $0.kind == kind && SchemaTable.group(of: $0.apiVersion) == group && $0.apiVersion != apiVersion.value }
            .filter { SchemaTable.shared.firstReleaseWithout(apiVersion: $0.apiVersion, kind: kind) == nil && !$0.apiVersion.contains("alpha") }
            .map(\.apiVersion).sorted()
        if !current.isEmpty { message += ": use \(current.joined(separator: " or "))" }
        return [finding(message, at: apiVersion.mark, in: resource)]
    }
}
