import KubeLintContracts
import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintTreeFacts
import KubeLintYAML

package struct JobTTLAfterFinishedRule: ResourceRule {
    package init() {}

    package static let description = RuleDescription(
        id: "job-ttl-after-finished",
        severity: .info,
        category: .practice,
        summary: "A Job is never cleaned up, or a CronJob's Jobs are cleaned up two ways",
        rationale: """
            A finished Job and its pods stay in the cluster until deleted: a Job applied by hand \
            or by a pipeline piles up unless `ttlSecondsAfterFinished` removes it. A CronJob \
            already keeps a bounded history (`successfulJobsHistoryLimit`, \
            `failedJobsHistoryLimit`); a TTL on its Jobs as well deletes them behind the \
            history's back, so the history shows fewer runs than it promises. Judged from \
            Kubernetes 1.21, when the TTL controller is on by default.
            """,
        remediation: "Set `spec.ttlSecondsAfterFinished` on standalone Jobs; remove it from a CronJob's `jobTemplate` and use the history limits.",
        triggeringExamples: [
            Example("""
                apiVersion: batch/v1
                kind: Job
                metadata:
                  name: migrate
                ↓spec:
                  template:
                    spec:
                      restartPolicy: Never
                      containers:
                      - name: migrate
                        image: migrate:2.0
                ---
                apiVersion: batch/v1
                kind: CronJob
                metadata:
                  name: report
                spec:
                  schedule: "0 3 * * *"
                  jobTemplate:
                    spec:
                      ↓ttlSecondsAfterFinished: 3600
                      template:
                        spec:
                          restartPolicy: OnFailure
                          containers:
                          - name: report
                            image: report:1.4
                """),
        ],
        nonTriggeringExamples: [
            Example("""
                apiVersion: batch/v1
                kind: Job
                metadata:
                  name: migrate
                spec:
                  ttlSecondsAfterFinished: 86400
                  template:
                    spec:
                      restartPolicy: Never
                      containers:
                      - name: migrate
                        image: migrate:2.0
                """),
        ],
        equivalents: ["kube-linter:job-ttl-seconds-after-finished"]
    )

    package func check(_ resource: Resource, context: LintContext) -> [Finding] {
        guard let kind = resource.workload?.kind, context.configuration.kubernetesVersion >= .v1(21),
              let spec = resource.root.pair("spec"), spec.value.kind == .mapping else { return [] }
        switch kind {
        case .job:
            // A Job a CronJob made (owner references in a dump) is the CronJob's to clean up.
            guard spec.value.pair("ttlSecondsAfterFinished") == nil, resource.root["metadata"]?["ownerReferences"] == nil else { return [] }
            return [finding(
                "the Job sets no ttlSecondsAfterFinished; it and its pods stay in the cluster until someone deletes them",
                at: spec.key.start, in: resource
            )]
        case .cronJob:
            guard let ttl = spec.value["jobTemplate"]?["spec"]?.pair("ttlSecondsAfterFinished") else { return [] }
            return [finding(
                "the CronJob's Jobs set ttlSecondsAfterFinished, which deletes them behind the CronJob's history limits",
                at: ttl.key.start, in: resource
            )]
        default:
            return []
        }
    }
}
