import KubeLintContracts
import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintTreeFacts
import KubeLintYAML

package struct CronJobDeadlineMissingRule: ResourceRule {
    package init() {}

    package static let description = RuleDescription(
        id: "cronjob-deadline-missing",
        severity: .warning,
        category: .practice,
        summary: "A CronJob sets no startingDeadlineSeconds",
        rationale: """
            When a CronJob's run cannot start on time (the controller was down, the cluster was \
            full, the CronJob was suspended), the controller catches up on missed runs with no \
            limit of age, and after more than 100 missed schedules it stops scheduling the \
            CronJob at all. `startingDeadlineSeconds` drops runs that are too late instead, and \
            counts missed schedules over that window only.
            """,
        remediation: "Set `spec.startingDeadlineSeconds` to how late a run may still start (e.g. a few minutes).",
        triggeringExamples: [
            Example("""
                apiVersion: batch/v1
                kind: CronJob
                metadata:
                  name: report
                ↓spec:
                  schedule: "0 3 * * *"
                  jobTemplate:
                    spec:
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
                kind: CronJob
                metadata:
                  name: report
                spec:
                  schedule: "0 3 * * *"
                  startingDeadlineSeconds: 600
                  jobTemplate:
                    spec:
                      template:
                        spec:
                          restartPolicy: OnFailure
                          containers:
                          - name: report
                            image: report:1.4
                """),
        ],
        equivalents: ["kube-score:cronjob-has-deadline"]
    )

    package func check(_ resource: Resource, context: LintContext) -> [Finding] {
        guard resource.workload?.kind == .cronJob, let spec = resource.root.pair("spec"),
              spec.value.kind == .mapping, spec.value.pair("startingDeadlineSeconds") == nil else { return [] }
        return [finding(
            "the CronJob sets no startingDeadlineSeconds; runs that could not start on time are started late, and after 100 missed schedules none at all",
            at: spec.key.start, in: resource
        )]
    }
}
