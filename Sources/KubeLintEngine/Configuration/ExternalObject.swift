import KubeLintModel
import KubeLintYAML

/// An object that exists in the cluster but not in the tree, declared in the configuration
/// (`externalObjects`) so that references to it resolve: a Secret created by hand, a
/// ServiceAccount made by the platform. A `Pod` entry with `labels` stands for the pods an
/// operator makes at run time: Services and budgets that select them are not reported.
package struct ExternalObject: Sendable, Hashable {
    package var kind: String
    package var name: String
    /// nil: the configuration's default namespace, like a manifest that names none.
    package var namespace: String?
    /// The labels of external pods (only for `kind: Pod`).
    package var labels: StringMap
    /// Where the entry is written in the configuration.
    package var mark: Mark?

    package init(kind: String, name: String, namespace: String? = nil, labels: StringMap = StringMap(), mark: Mark? = nil) {
        self.kind = kind
        self.name = name
        self.namespace = namespace
        self.labels = labels
        self.mark = mark
    }

    /// The labels of the pods this entry stands for in `namespace`; nil when it stands for none.
    func podLabels(in namespace: String, defaultNamespace: String) -> StringMap? {
        guard kind == "Pod", !labels.isEmpty, (self.namespace ?? defaultNamespace) == namespace else { return nil }
        return labels
    }

    /// `namespace` "": an object of a cluster-scoped kind, which an entry names in any namespace
    /// (or none).
    func matches(kind: String, namespace: String, name: String, defaultNamespace: String) -> Bool {
        guard self.kind == kind, self.name == name else { return false }
        return namespace.isEmpty || (self.namespace ?? defaultNamespace) == namespace
    }
}
