import KubeLintEngine
import KubeLintModel
import KubeLintTreeFacts
import KubeLintYAML

package struct ContractExposedRule: Rule {
    package init() {}

    package static let facts: [any Fact.Type] = [ContractSubjects.self]

    package static let description = RuleDescription(
        id: "contract-exposed",
        severity: .error,
        category: .contracts,
        summary: "A workload is selected by a Service when its contract says it has none, or the reverse",
        rationale: """
            Which components are reachable is a design decision: in the staging stack the \
            scheduler has no Service. `exposed: false` states that no Service in the namespace \
            selects the workload's pods; `exposed: true` that at least one does.
            """,
        remediation: "Remove the Service (or narrow its selector), or add one; or update the contract.",
        triggeringExamples: [
            Example("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: scheduler
                spec:
                  selector:
                    ↓io.kompose.service: scheduler
                  ports:
                  - port: 8000
                """, otherFiles: ["deployment.yaml": schedulerDeployment], contract: """
                contract: staging
                expect:
                - kind: Deployment
                  objects:
                  - name: scheduler
                    exposed: false
                """),
        ],
        nonTriggeringExamples: [
            Example(schedulerDeployment, contract: """
                contract: staging
                expect:
                - kind: Deployment
                  objects:
                  - name: scheduler
                    exposed: false
                """),
        ]
    )

    static let schedulerDeployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: scheduler
        spec:
          selector:
            matchLabels:
              io.kompose.service: scheduler
          template:
            metadata:
              labels:
                io.kompose.service: scheduler
            spec:
              containers:
              - name: scheduler
                image: gcr.io/helpful-bunny/api:latest
        """

    package func check(_ context: LintContext) -> [Finding] {
        var findings: [Finding] = []
        for subject in context[ContractSubjects.self].all {
            let labelSets = context.index.podLabelSets(of: subject.resource)
            guard let expected = subject.clauses.exposed, !labelSets.isEmpty else { continue }
            let namespace = context.index.namespace(of: subject.resource)
            var services: [Resource] = []
            for labels in labelSets {
                for service in context.index.objectsSelecting(labels, namespace: namespace) where service.kind?.value == "Service" {
                    if !services.contains(where: { $0.source == service.source && $0.mark == service.mark }) { services.append(service) }
                }
            }
            if expected.value, services.isEmpty {
                findings.append(finding(
                    "no Service selects the pods of \(subject.resource.kindAndName); \(subject.contract.title) expects it exposed",
                    at: subject.resource.nameMark, in: subject.resource, related: [subject.contract.related(expected.mark)]
                ))
            } else if !expected.value {
                for service in services {
                    findings.append(finding(
                        "\(service.kindAndName) selects the pods of \(subject.resource.kindAndName), which \(subject.contract.title) says has no Service",
                        at: service.podSelector?.mark ?? service.nameMark, in: service, related: [subject.contract.related(expected.mark)]
                    ))
                }
            }
        }
        return findings
    }
}
