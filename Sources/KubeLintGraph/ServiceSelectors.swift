import KubeLintModel

extension Service {
    /// The selector to check against the tree's pods: nil for a Service without one (endpoints
    /// managed by hand), an ExternalName Service (its selector is ignored), and a selector of
    /// labels only controllers add.
    public var checkableSelector: StringMap? {
        guard effectiveType != "ExternalName", let selector = selector?.withoutControllerLabels, !selector.isEmpty else { return nil }
        return selector
    }
}

/// Pod labels that controllers add at run time: no template carries them, so a selector entry
/// on one of these keys cannot be checked against the tree.
public enum ControllerLabels {
    public static let keys: Set<String> = [
        "pod-template-hash", "controller-revision-hash", "statefulset.kubernetes.io/pod-name",
        "apps.kubernetes.io/pod-index", "controller-uid", "job-name",
        "batch.kubernetes.io/controller-uid", "batch.kubernetes.io/job-name", "batch.kubernetes.io/job-completion-index",
    ]
}

extension StringMap {
    /// The entries a template can carry: without labels controllers add at run time.
    public var withoutControllerLabels: StringMap {
        StringMap(entries: entries.filter { !ControllerLabels.keys.contains($0.key) }, mark: mark)
    }

    /// `key: value, key: value`, for messages.
    public var inlineDescription: String {
        entries.map { "\($0.key): \($0.value)" }.joined(separator: ", ")
    }
}
