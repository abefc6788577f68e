import KubeLintEngine
import KubeLintModel
import KubeLintTreeFacts
import KubeLintYAML

package struct ContractServiceTypeRule: Rule {
    package init() {}

    package static let facts: [any Fact.Type] = [ContractSubjects.self]

    package static let description = RuleDescription(
        id: "contract-service-type",
        severity: .error,
        category: .contracts,
        summary: "A Service has another type than its contract says",
        rationale: """
            The type decides who can reach a Service: ClusterIP only inside the cluster, \
            NodePort and LoadBalancer from outside. In the staging stack only `web` is a \
            NodePort (for the Ingress); the database and broker must stay ClusterIP. `type` \
            states the expected `spec.type` (ClusterIP when absent).
            """,
        remediation: "Set `spec.type` to the type the contract states, or update the contract.",
        triggeringExamples: [
            Example("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: rdms
                spec:
                  type: ↓LoadBalancer
                  selector:
                    app: rdms
                  ports:
                  - port: 5432
                """, contract: """
                contract: staging
                expect:
                - kind: Service
                  objects:
                  - name: rdms
                    type: ClusterIP
                """),
        ],
        nonTriggeringExamples: [
            Example("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: rdms
                spec:
                  selector:
                    app: rdms
                  ports:
                  - port: 5432
                """, contract: """
                contract: staging
                expect:
                - kind: Service
                  objects:
                  - name: rdms
                    type: ClusterIP
                """),
        ]
    )

    package func check(_ context: LintContext) -> [Finding] {
        context[ContractSubjects.self].all.compactMap { subject in
            guard let expected = subject.clauses.type, case .service(let service) = subject.resource.body,
                  service.effectiveType != expected.value else { return nil }
            let written = service.type.unlessEmpty == nil ? "\(service.effectiveType) (spec.type is absent)" : service.effectiveType
            return finding(
                "\(subject.resource.kindAndName) is of type \(written); \(subject.contract.title) expects \(expected.value)",
                at: service.type?.mark ?? subject.resource.nameMark, in: subject.resource, related: [subject.contract.related(expected.mark)]
            )
        }
    }
}
