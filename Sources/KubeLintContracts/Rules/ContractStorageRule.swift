import KubeLintEngine
import KubeLintModel
import KubeLintTreeFacts
import KubeLintYAML

package struct ContractStorageRule: Rule {
    package init() {}

    package static let facts: [any Fact.Type] = [ContractSubjects.self]

    package static let description = RuleDescription(
        id: "contract-storage",
        severity: .error,
        category: .contracts,
        summary: "A PersistentVolumeClaim requests a different size than its contract says",
        rationale: """
            A claim's size is part of what the team sized and paid for (the staging guide shows \
            2Gi for the database and 1Gi for the logs). `storage` states the expected \
            `spec.resources.requests.storage`; sizes are compared as quantities, so 1Gi and \
            1024Mi are equal.
            """,
        remediation: "Set `spec.resources.requests.storage` to the size the contract states, or update the contract.",
        triggeringExamples: [
            Example("""
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata:
                  name: rdms-pv
                spec:
                  accessModes: [ReadWriteOnce]
                  resources:
                    requests:
                      storage: ↓1Gi
                """, contract: """
                contract: staging
                expect:
                - kind: PersistentVolumeClaim
                  objects:
                  - name: rdms-pv
                    storage: 2Gi
                """),
        ],
        nonTriggeringExamples: [
            Example("""
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata:
                  name: rdms-pv
                spec:
                  accessModes: [ReadWriteOnce]
                  resources:
                    requests:
                      storage: 2048Mi
                """, contract: """
                contract: staging
                expect:
                - kind: PersistentVolumeClaim
                  objects:
                  - name: rdms-pv
                    storage: 2Gi
                """),
        ]
    )

    package func check(_ context: LintContext) -> [Finding] {
        context[ContractSubjects.self].all.compactMap { subject in
            guard let expected = subject.clauses.storage,
                  case .persistentVolumeClaim(let claim) = subject.resource.body else { return nil }
            guard let actual = claim.storageRequest else {
                return finding(
                    "\(subject.resource.kindAndName) requests no storage; \(subject.contract.title) expects \(expected.value)",
                    at: claim.specMark ?? subject.resource.nameMark, in: subject.resource, related: [subject.contract.related(expected.mark)]
                )
            }
            guard !Quantity.equal(actual.value, expected.value) else { return nil }
            return finding(
                "\(subject.resource.kindAndName) requests \(actual.value) of storage; \(subject.contract.title) expects \(expected.value)",
                at: actual.mark, in: subject.resource, related: [subject.contract.related(expected.mark)]
            )
        }
    }
}
