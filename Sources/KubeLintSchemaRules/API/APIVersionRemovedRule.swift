import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintYAML

package struct APIVersionRemovedRule: ResourceRule {
    package init() {}

    package static let description = RuleDescription(
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
        ],
        equivalents: ["kube-linter:no-extensions-v1beta", "kube-score:stable-version"]
    )

    package func check(_ resource: Resource, context: LintContext) -> [Finding] {
        let target = context.configuration.kubernetesVersion
        guard let (entry, apiVersion) = APIVersionAdvice.lookup(resource), let removed = entry.removed, removed <= target else { return [] }
        let advice = APIVersionAdvice.replacement(for: entry, resource: resource, target: target)
        return [finding(
            "\(entry.apiVersion) \(entry.kind) is not served since Kubernetes \(removed) (\(context.configuration.targetWording)): \(advice)",
            at: apiVersion.mark, in: resource
        )]
    }
}

// MARK: - Fix

extension APIVersionRemovedRule: FixableRule {
    package static let fix = FixDescription(
        summary: """
            Moves the object to the apiVersion the target release serves, with the field changes \
            the move needs: an Ingress's backends (`service.name`, `service.port.number` or \
            `.name`), `spec.defaultBackend` and `pathType: ImplementationSpecific`; a workload's \
            `spec.selector.matchLabels` from its template's labels; an autoscaler's metrics as \
            `metric` and `target`. A move that needs a decision (a field the new version does not \
            have, another kind, a webhook's new required fields) is left, with the reason
            """,
        examples: [
            FixExample("""
                apiVersion: extensions/v1beta1   # written for GKE 1.13
                kind: Ingress
                metadata:
                  name: web
                spec:
                  backend:
                    serviceName: web      # the web tier
                    servicePort: 8080
                  rules:
                  - host: web.example.com
                    http:
                      paths:
                      - path: /api
                        backend:
                          serviceName: api
                          servicePort: http
                      - path: /static
                        pathType: Prefix
                        backend: {serviceName: static, servicePort: 80}
                """, after: """
                apiVersion: networking.k8s.io/v1   # written for GKE 1.13
                kind: Ingress
                metadata:
                  name: web
                spec:
                  defaultBackend:
                    service:
                      name: web      # the web tier
                      port:
                        number: 8080
                  rules:
                  - host: web.example.com
                    http:
                      paths:
                      - path: /api
                        pathType: ImplementationSpecific
                        backend:
                          service:
                            name: api
                            port:
                              name: http
                      - path: /static
                        pathType: Prefix
                        backend: {service: {name: static, port: {number: 80}}}
                """),
            FixExample("""
                apiVersion: apps/v1beta2
                kind: Deployment
                metadata:
                  name: web
                spec:
                  replicas: 2
                  template:
                    metadata:
                      labels:
                        app: web
                        tier: "frontend"
                    spec:
                      containers:
                      - name: web
                        image: nginx
                """, after: """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                spec:
                  replicas: 2
                  selector:
                    matchLabels:
                      app: web
                      tier: "frontend"
                  template:
                    metadata:
                      labels:
                        app: web
                        tier: "frontend"
                    spec:
                      containers:
                      - name: web
                        image: nginx
                """),
            FixExample("""
                apiVersion: autoscaling/v2beta1
                kind: HorizontalPodAutoscaler
                metadata:
                  name: web
                spec:
                  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
                  minReplicas: 2
                  maxReplicas: 10
                  metrics:
                  - type: Resource
                    resource:
                      name: cpu
                      targetAverageUtilization: 80
                  - type: Pods
                    pods: {metricName: packets-per-second, targetAverageValue: 1k}
                  - type: Object
                    object:
                      metricName: requests-per-second
                      target:
                        apiVersion: networking.k8s.io/v1
                        kind: Ingress
                        name: main-route
                      targetValue: 10k
                  - type: External
                    external:
                      metricName: queue_messages_ready
                      metricSelector:
                        matchLabels: {queue: worker_tasks}
                      targetAverageValue: 30
                """, after: """
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata:
                  name: web
                spec:
                  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
                  minReplicas: 2
                  maxReplicas: 10
                  metrics:
                  - type: Resource
                    resource:
                      name: cpu
                      target:
                        type: Utilization
                        averageUtilization: 80
                  - type: Pods
                    pods: {metric: {name: packets-per-second}, target: {type: AverageValue, averageValue: 1k}}
                  - type: Object
                    object:
                      metric:
                        name: requests-per-second
                      describedObject:
                        apiVersion: networking.k8s.io/v1
                        kind: Ingress
                        name: main-route
                      target:
                        type: Value
                        value: 10k
                  - type: External
                    external:
                      metric:
                        name: queue_messages_ready
                        selector:
                          matchLabels: {queue: worker_tasks}
                      target:
                        type: AverageValue
                        averageValue: 30
                """),
            FixExample("""
                apiVersion: batch/v1beta1
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
                ---
                apiVersion: policy/v1beta1
                kind: PodDisruptionBudget
                metadata:
                  name: report
                spec:
                  minAvailable: 1
                  selector: {matchLabels: {app: report}}
                """, after: """
                apiVersion: batch/v1
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
                ---
                apiVersion: policy/v1
                kind: PodDisruptionBudget
                metadata:
                  name: report
                spec:
                  minAvailable: 1
                  selector: {matchLabels: {app: report}}
                """),
            FixExample("""
                apiVersion: policy/v1beta1
                kind: PodDisruptionBudget
                metadata:
                  name: all
                spec:
                  maxUnavailable: 1
                  selector: {}
                """, notFixed: """
                policy/v1 reads an empty spec.selector as every pod in the namespace, where policy/v1beta1 \
                read it as none: write the selector the budget means first
                """),
            FixExample("""
                apiVersion: extensions/v1beta1
                kind: Deployment
                metadata:
                  name: web
                spec:
                  selector: {matchLabels: {app: web}}
                  rollbackTo: {revision: 3}
                  template:
                    metadata: {labels: {app: web}}
                    spec:
                      containers: [{name: web, image: nginx}]
                """, notFixed: "after the move to apps/v1 the API server would reject it: unknown field 'rollbackTo' in spec"),
            FixExample("""
                apiVersion: apiextensions.k8s.io/v1beta1
                kind: CustomResourceDefinition
                metadata:
                  name: widgets.example.com
                spec:
                  group: example.com
                  version: v1
                  names: {kind: Widget, plural: widgets}
                  scope: Namespaced
                """, notFixed: """
                moving to apiextensions.k8s.io/v1 needs changes kubelint does not make: `spec.scope` is required; \
                `spec.version`, `spec.validation`, `spec.subresources` and `spec.additionalPrinterColumns` move \
                into each `spec.versions[*]` (schema under `schema.openAPIV3Schema`, which is required and must \
                be structural)
                """),
        ]
    )

    package func fix(_ site: FixSite) -> FixProposal? {
        APIMigrationFix.fix(site)
    }
}
