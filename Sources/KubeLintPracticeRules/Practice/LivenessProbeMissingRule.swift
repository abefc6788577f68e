import KubeLintContracts
import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintTreeFacts
import KubeLintYAML

package struct LivenessProbeMissingRule: ResourceRule {
    package init() {}

    package static let description = RuleDescription(
        id: "liveness-probe-missing",
        severity: .info,
        category: .practice,
        summary: "A long-running container has no livenessProbe",
        rationale: """
            Without a liveness probe the kubelet restarts a container only when its process \
            exits: one that deadlocks or hangs keeps its place and its traffic for good. A \
            liveness probe should check the process itself, never what it depends on (a database \
            outage must not restart every client), and a poor one does more harm than none, \
            which is why this is information rather than a warning. Jobs and init containers are \
            not judged.
            """,
        remediation: "Add a `livenessProbe` that fails only when the process itself is stuck (an HTTP endpoint that does no downstream calls).",
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
                        readinessProbe:
                          httpGet: {path: /ready, port: 8080}
                """),
        ],
        nonTriggeringExamples: [
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
                      initContainers:
                      - name: migrate
                        image: web-migrate:1.0
                      containers:
                      - name: web
                        image: nginx:1.27
                        livenessProbe:
                          httpGet: {path: /live, port: 8080}
                ---
                apiVersion: batch/v1
                kind: Job
                metadata:
                  name: once
                spec:
                  template:
                    spec:
                      restartPolicy: Never
                      containers:
                      - name: once
                        image: busybox:1.36
                """),
        ],
        equivalents: ["kube-linter:no-liveness-probe", "kube-score:pod-probes"]
    )

    package func check(_ resource: Resource, context: LintContext) -> [Finding] {
        guard resource.runsLongLivedPods, let spec = resource.podTemplate?.spec else { return [] }
        return spec.containers.compactMap { container in
            guard container.livenessProbe == nil else { return nil }
            return finding(
                "container \(ContainerWords.name(container)) has no livenessProbe; if it hangs, the kubelet never restarts it",
                at: container.nameMark, in: resource
            )
        }
    }
}
