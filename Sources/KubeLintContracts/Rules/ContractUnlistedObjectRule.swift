import KubeLintEngine
import KubeLintModel
import KubeLintTreeFacts
import KubeLintYAML

package struct ContractUnlistedObjectRule: Rule {
    package init() {}

    package static let description = RuleDescription(
        id: "contract-unlisted-object",
        severity: .error,
        category: .contracts,
        summary: "An object of a kind the contract lists exhaustively is not listed",
        rationale: """
            `only: true` says that the objects listed for a kind are all there are: "exactly \
            five PVCs named api-pv, broker-pv, rdms-pv, web-pv and worker-pv". Any other object \
            of that kind is either a mistake or a change the contract must record.
            """,
        remediation: "Remove the object, or add it to the contract's `objects` for its kind.",
        triggeringExamples: [
            Example("""
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata:
                  name: web-pv
                spec:
                  accessModes: [ReadWriteOnce]
                  resources:
                    requests:
                      storage: 1Gi
                ---
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata:
                  name: ↓cache-pv
                spec:
                  accessModes: [ReadWriteOnce]
                  resources:
                    requests:
                      storage: 1Gi
                """, contract: """
                contract: staging
                expect:
                - kind: PersistentVolumeClaim
                  only: true
                  objects:
                  - name: web-pv
                """),
        ],
        nonTriggeringExamples: [
            Example("""
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata:
                  name: web-pv
                spec:
                  accessModes: [ReadWriteOnce]
                  resources:
                    requests:
                      storage: 1Gi
                """, contract: """
                contract: staging
                expect:
                - kind: PersistentVolumeClaim
                  only: true
                  objects:
                  - name: web-pv
                  - name: api-pv
                """),
        ]
    )

    package func check(_ context: LintContext) -> [Finding] {
        var findings: [Finding] = []
        for (contract, expectation) in context.contractExpectations where expectation.isOnly {
            let names = expectation.requiredObjects.map(\.name.value)
            let kind = expectation.kind.value
            let allowed = switch names.count {
            case 0: "is not allowed: \(contract.title) allows no \(kind) objects"
            case 1: "is not the one \(kind) object \(contract.title) allows (\(names[0]))"
            default: "is not one of the \(kind) objects \(contract.title) allows (\(names.joined(separator: ", ")))"
            }
            for resource in expectation.unlisted(context.governedObjects(ofKind: kind, by: contract)) {
                findings.append(finding(
                    "\(resource.kindAndName) \(allowed)",
                    at: resource.nameMark, in: resource, related: [contract.related(expectation.only?.mark ?? expectation.kind.mark)]
                ))
            }
        }
        return findings
    }
}
