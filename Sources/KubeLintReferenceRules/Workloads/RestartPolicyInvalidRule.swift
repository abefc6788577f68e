import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintTreeFacts
import KubeLintYAML

package struct RestartPolicyInvalidRule: ResourceRule {
    package init() {}

    package static let facts: [any Fact.Type] = [PodSpecCache.self]

    package static let description = RuleDescription(
        id: "restart-policy-invalid",
        severity: .error,
        category: .workloads,
        summary: "A workload's pod template has a restartPolicy its controller does not allow",
        rationale: """
            Controllers restart pods in their own way, and the API server holds their templates \
            to it: a Deployment, StatefulSet, DaemonSet, ReplicaSet or ReplicationController \
            keeps its pods running, so its template allows only `restartPolicy: Always`; a Job's \
            pods run to completion, so its template (and a CronJob's) allows only `OnFailure` or \
            `Never`. Left out, the policy is `Always`, which a Job or CronJob refuses: `kubectl \
            apply` fails with "spec.template.spec.restartPolicy: Required value" or "Unsupported \
            value". A bare Pod may have any of the three.
            """,
        remediation: "Write `restartPolicy: Always` (or leave it out) in long-running workloads, `OnFailure` or `Never` in Jobs and CronJobs.",
        triggeringExamples: [
            Example("""
                apiVersion: batch/v1
                kind: CronJob
                metadata:
                  name: report
                spec:
                  schedule: "0 3 * * *"
                  jobTemplate:
                    spec:
                      template:
                        ↓spec:
                          containers:
                          - name: report
                            image: report:1.4
                ---
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
                      restartPolicy: ↓OnFailure
                      containers:
                      - name: web
                        image: nginx:1.27
                """),
        ],
        nonTriggeringExamples: [
            Example("""
                apiVersion: batch/v1
                kind: Job
                metadata:
                  name: migrate
                spec:
                  template:
                    spec:
                      restartPolicy: OnFailure
                      containers:
                      - name: migrate
                        image: migrate:2.0
                ---
                apiVersion: v1
                kind: Pod
                metadata:
                  name: once
                spec:
                  restartPolicy: Never
                  containers:
                  - name: once
                    image: busybox:1.36
                """),
        ],
        equivalents: ["kube-score:cronjob-restartpolicy", "kube-linter:restart-policy"]
    )

    package func check(_ resource: Resource, context: LintContext) -> [Finding] {
        guard let workload = resource.workload, let pod = context.podSpec(of: resource) else { return [] }
        let runsToCompletion = workload.kind == .job || workload.kind == .cronJob
        let allowed = runsToCompletion ? ["OnFailure", "Never"] : ["Always"]
        let written = pod.field("restartPolicy")
        let policy = written?.string.flatMap { $0.isEmpty ? nil : $0 } ?? "Always"
        guard !allowed.contains(policy) else { return [] }
        // Other values are invalid-enum-value's.
        guard ["Always", "OnFailure", "Never"].contains(policy) else { return [] }
        let allowedText = allowed.joined(separator: " or ")
        guard let written, written.string?.isEmpty == false else {
            return [finding(
                "\(workload.kind.rawValue) pods need restartPolicy \(allowedText); left out, it is Always, which the API server rejects for a \(workload.kind.rawValue)",
                at: pod.specKeyMark, in: resource
            )]
        }
        return [finding(
            "restartPolicy \(policy) is not allowed in a \(workload.kind.rawValue)'s pod template (only \(allowedText)); the API server rejects the \(workload.kind.rawValue)",
            at: written.mark, in: resource
        )]
    }
}
