import KubeLintEngine
import KubeLintModel
import KubeLintTreeFacts
import KubeLintYAML

package struct ContractObjectMissingRule: Rule {
    package init() {}

    package static let facts: [any Fact.Type] = [UnreadInputs.self]

    package static let description = RuleDescription(
        id: "contract-object-missing",
        severity: .error,
        category: .contracts,
        summary: "An object a contract lists is not in the tree",
        rationale: """
            A contract's `objects` name what the team's stack cannot run without: the five \
            claims, the ConfigMaps, the rdms Pod. When one of them is missing from the files the \
            contract governs, the finding points at the contract line that names it, since \
            there is no manifest to point at.
            """,
        remediation: "Add the object to the tree, or remove it from the contract if the stack no longer needs it.",
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
                """, contract: """
                contract: staging
                expect:
                - kind: PersistentVolumeClaim
                  objects:
                  - name: web-pv
                  - name: ↓api-pv
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
                  objects:
                  - name: web-pv
                  - name: old-pv
                    absent: true
                """),
        ]
    )

    package func check(_ context: LintContext) -> [Finding] {
        var findings: [Finding] = []
        for (contract, expectation) in context.contractExpectations {
            // A cluster-scoped kind is in no namespace, whatever the contract's.
            let namespace = context.index.namespace(forKind: expectation.kind.value, from: context.namespace(of: contract))
            for object in context.missingObjects(listedIn: expectation, by: contract) {
                let what = "\(expectation.kind.value) \(object.name.value), expected by \(contract.title),"
                // Defined in a file the contract does not govern: say where, it is likely misplaced.
                if let outside = context.index.object(kind: expectation.kind.value, namespace: namespace, name: object.name.value) {
                    findings.append(finding(
                        "\(what) is defined outside the files the contract governs",
                        file: contract.contract.file, at: object.name.mark,
                        related: [outside.related("\(outside.kindAndName) is defined here, outside the contract's scope")]
                    ))
                    continue
                }
                // A file that could not be parsed may define it: that file's finding comes first.
                if context[UnreadInputs.self].file(mayDefine: expectation.kind.value, namespace: namespace, name: object.name.value) != nil { continue }
                findings.append(finding(
                    "\(what) is not in the tree" + (namespace.isEmpty ? "" : " \(context.inNamespace(namespace))"),
                    file: contract.contract.file, at: object.name.mark
                ))
            }
        }
        return findings
    }
}
