import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintYAML

extension LintContext {
    /// Whether a HorizontalPodAutoscaler in the tree scales the object.
    package func isAutoscaled(_ resource: Resource, namespace: String) -> Bool {
        guard let kind = resource.kind?.value, let name = resource.name else { return false }
        return !index.autoscalers(targetingKind: kind, namespace: namespace, name: name).isEmpty
    }
}
