import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintYAML

/// Workloads moving to apps/v1, and PodDisruptionBudgets moving to policy/v1.
enum WorkloadMigration {
    /// apps/v1 requires `spec.selector`, which older apiVersions defaulted to the template's
    /// labels: write that default out, as `matchLabels` copied from the template.
    static let selectorFromTemplate: APIMigrationFix.FieldChanges = { editor, tree, object throws(EditRefusal) in
        guard let spec = tree.value(object, "spec"), tree[spec].kind == .mapping else {
            throw EditRefusal("the object has no spec to select its pods")
        }
        if tree.value(spec, "selector") != nil { return [] }
        guard let labels = tree.value(spec, path: ["template", "metadata", "labels"]), tree[labels].kind == .mapping,
              !tree.pairs(labels).isEmpty else {
            throw EditRefusal("spec.selector is required and the pod template has no labels to select its pods by")
        }
        let matchLabels = tree.pairs(labels).map { NewEntry(copying: $0, in: tree) }
        try editor.insert([NewEntry("selector", .mapping([NewEntry("matchLabels", .mapping(matchLabels))]))], into: spec, before: "template")
        return ["spec.selector.matchLabels from the template's labels"]
    }

    /// policy/v1 reads an empty `spec.selector` as every pod of the namespace, where
    /// policy/v1beta1 read it as none: such a budget cannot move without a decision.
    static let requireDisruptionBudgetSelector: APIMigrationFix.FieldChanges = { _, tree, object throws(EditRefusal) in
        guard let selector = tree.value(object, path: ["spec", "selector"]) else { return [] }
        let requirements = ["matchLabels", "matchExpressions"].compactMap { tree.value(selector, $0) }
        let isEmpty = tree[selector].kind == .mapping && requirements.allSatisfy { tree[$0].children.isEmpty && tree[$0].kind != .alias }
        if isEmpty {
            throw EditRefusal("""
                policy/v1 reads an empty spec.selector as every pod in the namespace, where policy/v1beta1 \
                read it as none: write the selector the budget means first
                """)
        }
        return []
    }
}
