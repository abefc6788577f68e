import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintYAML

package struct APIVersionDeprecatedRule: ResourceRule {
    package init() {}

    package static let description = RuleDescription(
        id: "api-version-deprecated",
        severity: .warning,
        category: .schema,
        summary: "The apiVersion of this kind is deprecated at the target Kubernetes version",
        rationale: """
            A deprecated apiVersion still works, with a warning from the API server, until the \
            release that removes it; then the same manifest fails. Moving early, while both \
            versions are served, makes the upgrade uneventful.
            """,
        remediation: "Move to the replacement apiVersion the message names, with the field changes it lists.",
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
                """, kubernetesVersion: .v1(19)),
            Example("""
                apiVersion: ↓v1
                kind: Endpoints
                metadata:
                  name: external-db
                subsets:
                - addresses: [{ip: 10.0.0.5}]
                  ports: [{port: 5432}]
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
                apiVersion: v1
                kind: Endpoints
                metadata:
                  name: external-db
                subsets:
                - addresses: [{ip: 10.0.0.5}]
                  ports: [{port: 5432}]
                """, kubernetesVersion: .v1(32)),
        ],
        equivalents: ["kube-linter:no-extensions-v1beta", "kube-score:stable-version"]
    )

    package func check(_ resource: Resource, context: LintContext) -> [Finding] {
        let target = context.configuration.kubernetesVersion
        guard let (entry, apiVersion) = APIVersionAdvice.lookup(resource), let deprecated = entry.deprecated,
              entry.isServed(at: target), deprecated <= target else { return [] }
        let removal = entry.removed.map { " and not served from \($0)" } ?? ""
        let advice = APIVersionAdvice.replacement(for: entry, resource: resource, target: target)
        return [finding(
            "\(entry.apiVersion) \(entry.kind) is deprecated since Kubernetes \(deprecated)\(removal) (\(context.configuration.targetWording)): \(advice)",
            at: apiVersion.mark, in: resource
        )]
    }
}

// MARK: - Fix

extension APIVersionDeprecatedRule: FixableRule {
    package static let fix = FixDescription(
        summary: """
            Moves the object to the replacement the target release serves, with the field changes \
            the move needs, as for api-version-removed
            """,
        examples: [
            FixExample("""
                apiVersion: extensions/v1beta1
                kind: Ingress
                metadata:
                  name: web
                spec:
                  backend:
                    serviceName: web
                    servicePort: 8080
                """, after: """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                spec:
                  defaultBackend:
                    service:
                      name: web
                      port:
                        number: 8080
                """, kubernetesVersion: .v1(19)),
            FixExample("""
                apiVersion: autoscaling/v2beta2
                kind: HorizontalPodAutoscaler
                metadata:
                  name: web
                spec:
                  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
                  maxReplicas: 10
                  metrics:
                  - type: Resource
                    resource: {name: cpu, target: {type: Utilization, averageUtilization: 80}}
                """, after: """
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata:
                  name: web
                spec:
                  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
                  maxReplicas: 10
                  metrics:
                  - type: Resource
                    resource: {name: cpu, target: {type: Utilization, averageUtilization: 80}}
                """, kubernetesVersion: .v1(23)),
            FixExample("""
                apiVersion: v1
                kind: Endpoints
                metadata:
                  name: external-db
                subsets:
                - addresses: [{ip: 10.0.0.5}]
                  ports: [{port: 5432}]
                """, notFixed: "discovery.k8s.io/v1 EndpointSlice is another kind of object: write it by hand"),
        ]
    )

    package func fix(_ site: FixSite) -> FixProposal? {
        APIMigrationFix.fix(site)
    }
}
