import KubeLintModel
import KubeLintYAML

/// An object that exists in the cluster but not in the tree, declared in the configuration
/// (`externalObjects`) so that references to it resolve: a Secret created by hand, a
/// ServiceAccount made by the platform.
public struct ExternalObject: Sendable, Hashable {
    public var kind: String
    public var name: String
    /// nil: the configuration's default namespace, like a manifest that names none.
    public var namespace: String?
    /// Where the entry is written in the configuration.
    public var mark: Mark?

    public init(kind: String, name: String, namespace: String? = nil, mark: Mark? = nil) {
        self.kind = kind
        self.name = name
        self.namespace = namespace
        self.mark = mark
    }

    func matches(kind: String, namespace: String, name: String, defaultNamespace: String) -> Bool {
        guard self.kind == kind, self.name == name else { return false }
        if ResourceIndex.clusterScopedKinds.contains(kind) { return true }
        return (self.namespace ?? defaultNamespace) == namespace
    }
}
