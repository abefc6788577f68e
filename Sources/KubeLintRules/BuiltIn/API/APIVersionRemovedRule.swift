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
            ...; alpha versions go sooner). A cluster at or past that release refuses the \
            manifest ("no matches for kind"). The target release is `--kube-version` or \
            `kubernetesVersion` (default: the newest release kubelint knows, 1.37); the facts, \
            for every release from 1.13 to 1.37, come from the lifecycle the API server itself \
            uses, and the advice names only an apiVersion the target serves.
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
        guard let (entry, apiVersion) = APIVersionAdvice.lookup(resource), let removed = entry.removed, removed <= target else { return [] }
        let advice = APIVersionAdvice.replacement(for: entry, resource: resource, target: target)
        return [finding(
            "\(entry.apiVersion) \(entry.kind) is not served since Kubernetes \(removed) (\(APIVersionAdvice.target(context.configuration))): \(advice)",
            at: apiVersion.mark, in: resource
        )]
    }
}
