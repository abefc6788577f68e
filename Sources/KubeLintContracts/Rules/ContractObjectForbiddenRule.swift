import KubeLintEngine
import KubeLintModel
import KubeLintTreeFacts
import KubeLintYAML

package struct ContractObjectForbiddenRule: Rule {
    package init() {}

    package static let description = RuleDescription(
        id: "contract-object-forbidden",
        severity: .error,
        category: .contracts,
        summary: "An object a contract says must be absent is in the tree",
        rationale: """
            Some invariants are absences: no Deployment for the rdms database (it must stay a \
            single bare Pod), no Service for a component that must not be reachable. An entry \
            under `objects` with `absent: true` states that the named object must not exist.
            """,
        remediation: "Remove the object, or change the contract if the team decided otherwise.",
        triggeringExamples: [
            Example("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: ↓rdms
                spec:
                  selector:
                    matchLabels: {app: rdms}
                  template:
                    metadata:
                      labels: {app: rdms}
                    spec:
                      containers:
                      - name: rdms
                        image: postgres:11.5
                """, contract: """
                contract: staging
                expect:
                - kind: Deployment
                  objects:
                  - name: rdms
                    absent: true
                """),
        ],
        nonTriggeringExamples: [
            Example("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: rdms
                spec:
                  containers:
                  - name: rdms
                    image: postgres:11.5
                """, contract: """
                contract: staging
                expect:
                - kind: Deployment
                  objects:
                  - name: rdms
                    absent: true
                """),
        ]
    )

    package func check(_ context: LintContext) -> [Finding] {
        var findings: [Finding] = []
        for (contract, expectation) in context.contractExpectations {
            for object in expectation.objects where object.isAbsent {
                guard let resource = context.governedObject(kind: expectation.kind.value, name: object.name.value, by: contract) else { continue }
                findings.append(finding(
                    "\(resource.kindAndName) must not exist: \(contract.title) expects it absent",
                    at: resource.nameMark, in: resource, related: [contract.related(object.absent?.mark ?? object.name.mark)]
                ))
            }
        }
        return findings
    }
}
