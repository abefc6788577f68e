import KubeLintEngine
import KubeLintModel
import KubeLintTreeFacts
import KubeLintYAML

package struct ContractCountRule: Rule {
    package init() {}

    package static let description = RuleDescription(
        id: "contract-count",
        severity: .error,
        category: .contracts,
        summary: "The tree has a different number of objects of a kind than a contract says",
        rationale: """
            `count` states how many objects of a kind the stack has ("we require five persistent \
            volumes", "one Ingress"). A sixth claim or a second Ingress is either a mistake or a \
            change the contract must record. When there are too few and the contract lists the \
            missing objects by name, `contract-object-missing` reports them instead; when there \
            are too many and the contract says `only: true`, `contract-unlisted-object` does.
            """,
        remediation: "Add or remove objects until the count holds, or update the count in the contract.",
        triggeringExamples: [
            Example("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                spec:
                  defaultBackend:
                    service:
                      name: web
                      port:
                        number: 8080
                ---
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: ↓web-debug
                spec:
                  defaultBackend:
                    service:
                      name: web
                      port:
                        number: 8080
                """, contract: """
                contract: staging
                expect:
                - kind: Ingress
                  count: 1
                  objects:
                  - name: web
                - kind: Pod
                  count: ↓1
                """),
        ],
        nonTriggeringExamples: [
            Example("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                spec:
                  defaultBackend:
                    service:
                      name: web
                      port:
                        number: 8080
                """, contract: """
                contract: staging
                expect:
                - kind: Ingress
                  count: 1
                - kind: PersistentVolumeClaim
                  count: 1
                  objects:
                  - name: data
                """),
        ]
    )

    package func check(_ context: LintContext) -> [Finding] {
        var findings: [Finding] = []
        for (contract, expectation) in context.contractExpectations {
            guard let count = expectation.count else { continue }
            let kind = expectation.kind.value
            let objects = context.governedObjects(ofKind: kind, by: contract)
            if objects.count == count.value { continue }
            if objects.count < count.value {
                let missingListed = context.missingObjects(listedIn: expectation, by: contract).count
                if objects.count + missingListed >= count.value { continue }
            } else {
                let surplus = objects.count - count.value
                let unlisted = expectation.unlisted(objects)
                if expectation.isOnly, objects.count - unlisted.count <= count.value { continue }
                // When the surplus is exactly the unlisted objects, those are the ones to blame.
                if unlisted.count == surplus {
                    for resource in unlisted {
                        findings.append(finding(
                            "\(resource.kindAndName) is one \(kind) too many: \(contract.title) expects exactly \(count.value)",
                            at: resource.nameMark, in: resource, related: [contract.related(count.mark)]
                        ))
                    }
                    continue
                }
            }
            let names = objects.compactMap(\.name).sorted().joined(separator: ", ")
            findings.append(finding(
                "\(contract.title) expects exactly \(count.value) \(kind) \(count.value == 1 ? "object" : "objects"), the tree has \(objects.count)" + (names.isEmpty ? "" : " (\(names))"),
                file: contract.contract.file, at: count.mark
            ))
        }
        return findings
    }
}
