import KubeLintEngine
import KubeLintModel
import KubeLintTreeFacts
import KubeLintYAML

package struct ContractRequiredKeysRule: Rule {
    package init() {}

    package static let facts: [any Fact.Type] = [ContractSubjects.self]

    package static let description = RuleDescription(
        id: "contract-required-keys",
        severity: .error,
        category: .contracts,
        summary: "A ConfigMap or Secret lacks a key its contract requires",
        rationale: """
            Some keys are what the components find each other by (DATABASE_HOST, \
            CELERY_BROKER_URL); a ConfigMap without them starts a container that cannot reach \
            its database. `requiredKeys` lists keys that must be in `data` or `binaryData` (for \
            Secrets `data` or `stringData`), whether or not a pod reads them today.
            """,
        remediation: "Add the key to the object, or remove it from the contract's `requiredKeys`.",
        triggeringExamples: [
            Example("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: rdms-env
                data:
                  ↓POSTGRES_DB: helpful_bunny
                """, contract: """
                contract: staging
                expect:
                - kind: ConfigMap
                  objects:
                  - name: rdms-env
                    requiredKeys: [POSTGRES_DB, POSTGRES_USER]
                """),
        ],
        nonTriggeringExamples: [
            Example("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: rdms-env
                data:
                  POSTGRES_DB: helpful_bunny
                  POSTGRES_USER: helpful_bunny
                """, contract: """
                contract: staging
                expect:
                - kind: ConfigMap
                  objects:
                  - name: rdms-env
                    requiredKeys: [POSTGRES_DB, POSTGRES_USER]
                """),
        ]
    )

    package func check(_ context: LintContext) -> [Finding] {
        var findings: [Finding] = []
        for subject in context[ContractSubjects.self].all where !subject.clauses.requiredKeys.isEmpty {
            // Keys whatever their values: a value of the wrong type is another finding.
            guard let keys = subject.resource.configDataKeys else { continue }
            let data: StringMap
            switch subject.resource.body {
            case .configMap(let configMap): data = configMap.data
            case .secret(let secret): data = secret.data.isEmpty ? secret.stringData : secret.data
            default: continue
            }
            for key in subject.clauses.requiredKeys where !keys.contains(key.value) {
                findings.append(finding(
                    "\(subject.resource.kindAndName) has no key '\(key.value)', which \(subject.contract.title) requires",
                    at: data.entries.first?.keyMark ?? data.mark ?? subject.resource.nameMark, in: subject.resource,
                    related: [subject.contract.related(key.mark)]
                ))
            }
        }
        return findings
    }
}
