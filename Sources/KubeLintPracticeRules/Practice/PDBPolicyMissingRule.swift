import KubeLintContracts
import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintTreeFacts
import KubeLintYAML

package struct PDBPolicyMissingRule: ResourceRule {
    package init() {}

    package static let description = RuleDescription(
        id: "pdb-policy-missing",
        severity: .warning,
        category: .practice,
        summary: "A PodDisruptionBudget sets neither minAvailable nor maxUnavailable",
        rationale: """
            A `policy/v1` budget with neither field requires no pod to stay available: every \
            eviction is allowed, and the budget protects nothing while looking as if it did. \
            (The retired `policy/v1beta1` read it as `minAvailable: 1`.)
            """,
        remediation: "Set `maxUnavailable` (usually 1) or `minAvailable`.",
        triggeringExamples: [
            Example("""
                apiVersion: policy/v1
                kind: PodDisruptionBudget
                metadata:
                  name: web
                ↓spec:
                  selector:
                    matchLabels: {app: web}
                """),
        ],
        nonTriggeringExamples: [
            Example("""
                apiVersion: policy/v1
                kind: PodDisruptionBudget
                metadata:
                  name: web
                spec:
                  maxUnavailable: 1
                  selector:
                    matchLabels: {app: web}
                """),
        ],
        equivalents: ["kube-score:poddisruptionbudget-has-policy"]
    )

    package func check(_ resource: Resource, context: LintContext) -> [Finding] {
        guard case .podDisruptionBudget(let budget) = resource.body, resource.apiVersion?.value == "policy/v1",
              budget.minAvailable == nil, budget.maxUnavailable == nil else { return [] }
        let mark = resource.root.pair("spec")?.key.start ?? resource.nameMark
        return [finding("the budget sets neither minAvailable nor maxUnavailable, so it allows every eviction and protects nothing", at: mark, in: resource)]
    }
}
