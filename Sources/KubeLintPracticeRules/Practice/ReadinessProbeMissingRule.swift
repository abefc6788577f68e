import KubeLintContracts
import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintTreeFacts
import KubeLintYAML

package struct ReadinessProbeMissingRule: ResourceRule {
    package init() {}

    package static let description = RuleDescription(
        id: "readiness-probe-missing",
        severity: .warning,
        category: .practice,
        summary: "A container of pods a Service sends traffic to has no readinessProbe",
        rationale: """
            A Service sends traffic to a pod as soon as its containers start, unless a readiness \
            probe says when they can take it. Without one, requests reach pods still booting or \
            already shutting down, and a rollout of a broken version goes ahead because every \
            new pod counts as ready. Pods no Service selects (workers, schedulers) take no \
            traffic and are not judged, nor are Jobs.
            """,
        remediation: "Add a `readinessProbe` that succeeds once the container can serve requests.",
        triggeringExamples: [
            Example("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                spec:
                  selector:
                    matchLabels: {app: web}
                  template:
                    metadata:
                      labels: {app: web}
                    spec:
                      containers:
                      - name: ↓web
                        image: nginx:1.27
                ---
                apiVersion: v1
                kind: Service
                metadata:
                  name: web
                spec:
                  selector: {app: web}
                  ports:
                  - port: 80
                """),
        ],
        nonTriggeringExamples: [
            Example("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: worker
                spec:
                  selector:
                    matchLabels: {app: worker}
                  template:
                    metadata:
                      labels: {app: worker}
                    spec:
                      containers:
                      - name: worker
                        image: worker:2.1
                """),
        ],
        equivalents: ["kube-linter:no-readiness-probe", "kube-score:pod-probes"]
    )

    package func check(_ resource: Resource, context: LintContext) -> [Finding] {
        guard resource.runsLongLivedPods, let spec = resource.podTemplate?.spec,
              spec.containers.contains(where: { $0.readinessProbe == nil }),
              context.isSelectedByService(resource, namespace: context.index.namespace(of: resource)) else { return [] }
        return spec.containers.compactMap { container in
            guard container.readinessProbe == nil else { return nil }
            return finding(
                "container \(ContainerWords.name(container)) has no readinessProbe, but a Service sends traffic to its pods; "
                    + "they receive requests before they are ready",
                at: container.nameMark, in: resource
            )
        }
    }
}
