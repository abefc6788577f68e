import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintYAML

/// The fix of `api-version-removed` and `api-version-deprecated`: move an object to the
/// apiVersion the target release serves instead (`APIVersionTable.replacement`), with the
/// field changes the move needs where they are mechanical (Ingress backends and paths, workload
/// selectors, autoscaler metrics). A move whose other changes need a decision is left, with
/// the changes named; a move is only made when the object, checked against the new
/// apiVersion's schema, has no problem it did not have before.
enum APIMigrationFix {
    /// The field changes of one move, made with `editor`; returns what it changed, for the
    /// summary.
    typealias FieldChanges = @Sendable (inout DocumentEditor, SyntaxTree, SyntaxNode.ID) throws(EditRefusal) -> [String]

    static func fix(_ site: FixSite) -> FixProposal? {
        guard let resource = site.resource, let (entry, _) = APIVersionAdvice.lookup(resource) else { return nil }
        guard let object = site.object else {
            return .notFixed("the object is written as an alias of a mapping anchored elsewhere; move it by hand")
        }
        let target = site.configuration.kubernetesVersion
        guard let replacement = APIVersionTable.shared.replacement(for: entry, at: target) else {
            return .notFixed("Kubernetes \(target) serves no replacement for \(entry.apiVersion) \(entry.kind)")
        }
        guard replacement.kind == entry.kind else {
            return .notFixed("\(replacement.apiVersion) \(replacement.kind) is another kind of object: write it by hand")
        }
        let changes: FieldChanges
        if let migration = fieldChanges(kind: entry.kind, from: entry.apiVersion, to: replacement.apiVersion) {
            changes = migration
        } else if let notes = APIMigrations.notes(kind: entry.kind, from: entry.apiVersion, to: replacement.apiVersion, resource: resource) {
            return .notFixed("moving to \(replacement.apiVersion) needs changes kubelint does not make: \(notes)")
        } else {
            changes = { _, _, _ throws(EditRefusal) in [] }
        }
        var details: [String] = []
        let proposal = FixProposal.editing(site, summary: "") { editor throws(EditRefusal) in
            let tree = site.tree
            guard let apiVersion = tree.value(object, "apiVersion") else { throw EditRefusal("the object has no apiVersion") }
            try editor.replaceScalar(apiVersion, with: replacement.apiVersion)
            details = try changes(&editor, tree, object)
        }
        guard case .edit(let editor, _) = proposal else { return proposal }
        if let regression = schemaRegression(of: resource, editedBytes: editor.editedBytes, target: target) {
            return .notFixed("after the move to \(replacement.apiVersion) the API server would reject it: \(regression)")
        }
        let summary = (["\(entry.apiVersion) → \(replacement.apiVersion)"] + details).joined(separator: "; ")
        return .edit(editor, summary: summary)
    }

    /// The mechanical field changes of a move, by kind; nil for a move that renames the
    /// apiVersion only (or needs changes that are not mechanical: `APIMigrations` says).
    private static func fieldChanges(kind: String, from: String, to: String) -> FieldChanges? {
        switch (kind, to) {
        case ("Ingress", "networking.k8s.io/v1"):
            return IngressMigration.changes
        case ("Deployment", "apps/v1"), ("DaemonSet", "apps/v1"), ("ReplicaSet", "apps/v1"), ("StatefulSet", "apps/v1"):
            return WorkloadMigration.selectorFromTemplate
        case ("PodDisruptionBudget", "policy/v1"):
            return WorkloadMigration.requireDisruptionBudgetSelector
        case ("HorizontalPodAutoscaler", _) where from == "autoscaling/v2beta1":
            return AutoscalerMigration.metrics
        case ("PriorityLevelConfiguration", _) where from.hasSuffix("/v1beta1") || from.hasSuffix("/v1beta2"):
            return { editor, tree, object throws(EditRefusal) in
                guard let limited = tree.value(object, path: ["spec", "limited"]),
                      let index = tree.pairs(limited).lastIndex(where: { tree.text($0.key) == "assuredConcurrencyShares" }) else { return [] }
                try editor.renameKey(limited, pair: index, to: "nominalConcurrencyShares")
                return ["spec.limited.assuredConcurrencyShares → nominalConcurrencyShares"]
            }
        default:
            return nil
        }
    }

    /// The first problem the object would have under its new apiVersion that it did not have
    /// before (an extensions/v1beta1 Deployment's `spec.rollbackTo`); nil when there is none.
    static func schemaRegression(of resource: Resource, editedBytes: [UInt8], target: KubernetesVersion) -> String? {
        let before = Set(schemaProblems(of: resource, target: target).map(\.message))
        let edited = Loader.load([.bytes(name: resource.source.file, editedBytes)], options: LoadOptions(parallel: false))
        guard let moved = edited.resources.first(where: { $0.source == resource.source }) else {
            return "the edited object could not be read back"
        }
        return schemaProblems(of: moved, target: target).map(\.message).first { !before.contains($0) }
    }

    private static func schemaProblems(of resource: Resource, target: KubernetesVersion) -> [SchemaProblem] {
        let kinds = SchemaTable.shared.clusterScopedKinds
        return SchemaReport(index: ResourceIndex([resource], clusterScopedKinds: kinds), target: target).problems(for: resource)
    }
}
