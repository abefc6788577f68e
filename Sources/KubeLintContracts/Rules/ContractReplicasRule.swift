import KubeLintEngine
import KubeLintModel
import KubeLintTreeFacts
import KubeLintYAML

package struct ContractReplicasRule: Rule {
    package init() {}

    package static let facts: [any Fact.Type] = [ContractSubjects.self]

    package static let description = RuleDescription(
        id: "contract-replicas",
        severity: .error,
        category: .contracts,
        summary: "A workload runs a different number of replicas than its contract says",
        rationale: """
            Some parts must run exactly once: "we require 1, and only 1 broker pod running at \
            all times", since the API talks to a single Redis instance. `replicas` states the \
            exact `spec.replicas` (absent counts as 1, as Kubernetes defaults it).
            """,
        remediation: "Set `spec.replicas` to the number the contract states, or update the contract.",
        triggeringExamples: [
            Example("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: broker
                spec:
                  replicas: ↓3
                  selector:
                    matchLabels: {app: broker}
                  template:
                    metadata:
                      labels: {app: broker}
                    spec:
                      containers:
                      - name: broker
                        image: redis:5.0.7
                """, contract: """
                contract: staging
                expect:
                - kind: Deployment
                  objects:
                  - name: broker
                    replicas: 1
                """),
        ],
        nonTriggeringExamples: [
            Example("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: broker
                spec:
                  selector:
                    matchLabels: {app: broker}
                  template:
                    metadata:
                      labels: {app: broker}
                    spec:
                      containers:
                      - name: broker
                        image: redis:5.0.7
                """, contract: """
                contract: staging
                expect:
                - kind: Deployment
                  objects:
                  - name: broker
                    replicas: 1
                """),
        ]
    )

    static let brokerDeployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: broker
        spec:
          replicas: 1
          selector:
            matchLabels: {app: broker}
          template:
            metadata:
              labels: {app: broker}
            spec:
              containers:
              - name: broker
                image: redis:5.0.7
        """

    package func check(_ context: LintContext) -> [Finding] {
        context[ContractSubjects.self].all.compactMap { subject in
            guard let expected = subject.clauses.replicas, let workload = subject.resource.workload,
                  let actual = workload.effectiveReplicas, actual != expected.value else { return nil }
            let written = workload.replicas == nil ? "\(actual) replica (spec.replicas is absent)" : "\(actual) replicas"
            return finding(
                "\(subject.resource.kindAndName) runs \(written); \(subject.contract.title) expects exactly \(expected.value)",
                at: workload.replicas?.mark ?? subject.resource.nameMark, in: subject.resource, related: [subject.contract.related(expected.mark)]
            )
        }
    }
}
