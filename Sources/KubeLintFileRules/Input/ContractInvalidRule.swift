import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintYAML

package struct ContractInvalidRule: Rule {
    package init() {}

    package static let description = RuleDescription(
        id: "contract-invalid",
        severity: .error,
        category: .input,
        summary: "A contract file is not valid",
        rationale: """
            A contract states what the team relies on; one that kubelint cannot read in full \
            would check less than it says. Unknown keys, wrong types, clauses on kinds they do \
            not apply to and contradictions (a count below the objects listed) are reported \
            with their positions, the valid clauses still apply, and the run exits 2.
            """,
        remediation: "Fix the contract at the reported position; the format is described in docs/contracts.md.",
        triggeringExamples: [
            Example("apiVersion: v1\nkind: List\nitems: []\n", contract: """
                contract: staging
                expect:
                - kind: PersistentVolumeClaim
                  count: ↓4
                  only: true
                  objects:
                  - name: api-pv
                    storage: ↓lots
                  - name: web-pv
                    ↓replicas: 1
                  - name: rdms-pv
                  - name: broker-pv
                  - name: worker-pv
                - kind: Service
                  ↓object:
                  - name: web
                """),
        ],
        nonTriggeringExamples: [
            Example("apiVersion: v1\nkind: List\nitems: []\n", contract: """
                contract: staging
                description: The staging stack.
                expect:
                - kind: PersistentVolumeClaim
                  count: 1
                  objects:
                  - name: api-pv
                    storage: 1Gi
                - kind: Service
                  objects:
                  - name: web
                    type: NodePort
                    ports: [8080]
                    selects: Deployment/web
                """),
        ]
    )

    package func check(_ context: LintContext) -> [Finding] {
        context.configuration.problems.filter { $0.origin == .contract }.map { problem in
            finding(problem.message, file: problem.file, at: problem.mark)
        }
    }
}
