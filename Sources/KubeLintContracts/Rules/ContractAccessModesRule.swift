import KubeLintEngine
import KubeLintModel
import KubeLintTreeFacts
import KubeLintYAML

package struct ContractAccessModesRule: Rule {
    package init() {}

    package static let facts: [any Fact.Type] = [ContractSubjects.self]

    package static let description = RuleDescription(
        id: "contract-access-modes",
        severity: .error,
        category: .contracts,
        summary: "A PersistentVolumeClaim has other access modes than its contract says",
        rationale: """
            The access mode decides who may mount a volume: ReadWriteOnce is one node, and the \
            team's single-writer assumptions (one rdms pod, one broker) rest on it. \
            `accessModes` states the expected `spec.accessModes`, compared as a set.
            """,
        remediation: "Set `spec.accessModes` to the modes the contract states, or update the contract.",
        triggeringExamples: [
            Example("""
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata:
                  name: web-pv
                spec:
                  accessModes:
                  - ↓ReadWriteMany
                  resources:
                    requests:
                      storage: 1Gi
                """, contract: """
                contract: staging
                expect:
                - kind: PersistentVolumeClaim
                  each:
                    accessModes: [ReadWriteOnce]
                """),
        ],
        nonTriggeringExamples: [
            Example("""
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata:
                  name: web-pv
                spec:
                  accessModes:
                  - ReadWriteOnce
                  resources:
                    requests:
                      storage: 1Gi
                """, contract: """
                contract: staging
                expect:
                - kind: PersistentVolumeClaim
                  each:
                    accessModes: [ReadWriteOnce]
                """),
        ]
    )

    package func check(_ context: LintContext) -> [Finding] {
        context[ContractSubjects.self].all.compactMap { subject in
            guard let expected = subject.clauses.accessModes,
                  case .persistentVolumeClaim(let claim) = subject.resource.body else { return nil }
            let expectedModes = expected.value.map(\.value)
            let actualModes = claim.accessModes.map(\.value)
            guard Set(expectedModes) != Set(actualModes) else { return nil }
            let written = actualModes.isEmpty ? "no access modes" : "access \(actualModes.count == 1 ? "mode" : "modes") \(actualModes.joined(separator: ", "))"
            return finding(
                "\(subject.resource.kindAndName) has \(written); \(subject.contract.title) expects \(expectedModes.joined(separator: ", "))",
                at: claim.accessModes.first?.mark ?? claim.specMark ?? subject.resource.nameMark, in: subject.resource,
                related: [subject.contract.related(expected.mark)]
            )
        }
    }
}
