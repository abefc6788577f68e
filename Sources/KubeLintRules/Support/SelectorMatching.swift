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

extension LintContext {
    /// The first entry of `labels` that no Pod or workload template in `namespace` carries. When
    /// a selector matches nothing, that label is usually the typo, so findings point at it.
    func firstLabelNoPodCarries(_ labels: StringMap, namespace: String) -> StringMap.Entry? {
        labels.entries.first { entry in
            index.podRunners(matching: StringMap(entries: [entry]), namespace: namespace).isEmpty
        }
    }
}

extension StringMap {
    /// The first entry that `labels` does not hold with the same value: where a selector stops
    /// matching a set of pod labels.
    func firstEntry(missingFrom labels: StringMap) -> Entry? {
        entries.first { labels[$0.key] != $0.value }
    }
}
