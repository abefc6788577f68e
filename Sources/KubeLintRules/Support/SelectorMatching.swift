import KubeLintModel
import KubeLintYAML

extension Service {
    /// The labels of the pods this Service sends traffic to, as far as the tree can check them:
    /// without the labels controllers add at run time. nil for an ExternalName Service and for
    /// one whose selector is absent or holds only such labels.
    var checkableSelector: StringMap? {
        guard effectiveType != "ExternalName", let selector = selector?.withoutControllerLabels, !selector.isEmpty else { return nil }
        return selector
    }
}
