import KubeLintEngine
import KubeLintModel
import KubeLintTreeFacts
import KubeLintYAML

package struct ContractAutoscaledRule: Rule {
    package init() {}

    package static let facts: [any Fact.Type] = [ContractSubjects.self]

    package static let description = RuleDescription(
        id: "contract-autoscaled",
        severity: .error,
        category: .contracts,
        summary: "A workload is autoscaled when its contract says it is not, or the reverse",
        rationale: """
            A fixed replica count means little if an autoscaler may change it: the broker must \
            stay at one pod, so no HorizontalPodAutoscaler may target it. `autoscaled: false` \
            states that no autoscaler in the namespace targets the workload; `autoscaled: true` \
            that one does.
            """,
        remediation: "Remove the autoscaler (or add one), or update the contract.",
        triggeringExamples: [
            Example("""
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata:
                  name: broker
                spec:
                  scaleTargetRef:
                    apiVersion: apps/v1
                    kind: Deployment
                    name: ↓broker
                  maxReplicas: 1
                """, otherFiles: ["deployment.yaml": ContractReplicasRule.brokerDeployment], contract: """
                contract: staging
                expect:
                - kind: Deployment
                  objects:
                  - name: broker
                    autoscaled: false
                """),
        ],
        nonTriggeringExamples: [
            Example(ContractReplicasRule.brokerDeployment, contract: """
                contract: staging
                expect:
                - kind: Deployment
                  objects:
                  - name: broker
                    autoscaled: false
                """),
        ]
    )

    package func check(_ context: LintContext) -> [Finding] {
        var findings: [Finding] = []
        for subject in context[ContractSubjects.self].all {
            guard let expected = subject.clauses.autoscaled, subject.resource.workload != nil,
                  let kind = subject.resource.kind?.value, let name = subject.resource.name else { continue }
            let namespace = context.index.namespace(of: subject.resource)
            let autoscalers = context.index.autoscalers(targetingKind: kind, namespace: namespace, name: name)
            if expected.value, autoscalers.isEmpty {
                findings.append(finding(
                    "no HorizontalPodAutoscaler targets \(kind) \(name); \(subject.contract.title) expects it autoscaled",
                    at: subject.resource.nameMark, in: subject.resource, related: [subject.contract.related(expected.mark)]
                ))
            } else if !expected.value {
                for autoscaler in autoscalers {
                    guard case .horizontalPodAutoscaler(let spec) = autoscaler.body else { continue }
                    findings.append(finding(
                        "\(autoscaler.kindAndName) scales \(kind) \(name), which \(subject.contract.title) says must not be autoscaled",
                        at: spec.scaleTargetRef?.name?.mark ?? autoscaler.nameMark, in: autoscaler, related: [subject.contract.related(expected.mark)]
                    ))
                }
            }
        }
        return findings
    }
}
