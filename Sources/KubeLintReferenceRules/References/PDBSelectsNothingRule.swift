import KubeLintEngine
import KubeLintModel
import KubeLintTreeFacts
import KubeLintSchema
import KubeLintYAML

package struct PDBSelectsNothingRule: ResourceRule {
    package init() {}

    package static let facts: [any Fact.Type] = [UnreadInputs.self, ProducedObjects.self]

    package static let description = RuleDescription(
        id: "pdb-selects-nothing",
        severity: .warning,
        category: .references,
        summary: "A PodDisruptionBudget selects no Pod or workload template",
        rationale: """
            A disruption budget protects the pods its selector selects during node drains and \
            upgrades. When no Pod or workload template in its namespace matches, it protects \
            nothing and the workload it was written for can lose all its pods at once. A missing \
            (null) selector selects no pods; an empty one (`{}`) selects every pod of the namespace.
            """,
        remediation: "Make the selector match the labels of the pods the budget is for.",
        triggeringExamples: [
            Example("""
                apiVersion: policy/v1
                kind: PodDisruptionBudget
                metadata:
                  name: web
                spec:
                  minAvailable: 1
                  selector:
                    matchLabels:
                      app: ↓frontend
                ---
                apiVersion: policy/v1
                kind: PodDisruptionBudget
                metadata:
                  name: nothing
                ↓spec:
                  maxUnavailable: 1
                """, otherFiles: ["deployment.yaml": HPATargetMissingRule.webDeployment]),
        ],
        nonTriggeringExamples: [
            Example("""
                apiVersion: policy/v1
                kind: PodDisruptionBudget
                metadata:
                  name: web
                spec:
                  minAvailable: 1
                  selector:
                    matchLabels:
                      app: web
                ---
                apiVersion: policy/v1
                kind: PodDisruptionBudget
                metadata:
                  name: everything
                spec:
                  maxUnavailable: 1
                  selector: {}
                """, otherFiles: ["deployment.yaml": HPATargetMissingRule.webDeployment]),
        ]
    )

    package func check(_ resource: Resource, context: LintContext) -> [Finding] {
        guard case .podDisruptionBudget(let budget) = resource.body else { return [] }
        let namespace = context.index.namespace(of: resource)
        guard let selector = budget.selector else {
            let mark = resource.root.pair("spec")?.key.start ?? resource.nameMark
            return [finding("the budget has no selector, so it selects no pods", at: mark, in: resource)]
        }
        var effective = selector
        effective.matchLabels = selector.matchLabels.withoutControllerLabels
        guard context.index.podRunners(selectedBy: effective, namespace: namespace).isEmpty else { return [] }
        guard !context.configuration.externalPodsExist(in: namespace, where: { effective.matches($0) ?? true }) else { return [] }
        guard context[UnreadInputs.self].file(mayRunPodsIn: namespace) == nil else { return [] }
        let mark = context.firstLabelNoPodCarries(selector.matchLabels, namespace: namespace)?.valueMark ?? selector.mark
        let related = context.likelyIntendedPodRunnerNotes(for: effective.matchLabels, selectingObjectName: nil, namespace: namespace)
        return [context.withProducerAdvice(finding(
            "the selector matches no Pod or workload template \(context.inNamespace(namespace)); the budget protects nothing",
            at: mark, in: resource, related: related
        ), selector: effective.matchLabels, namespace: namespace)]
    }
}
