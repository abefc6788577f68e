import KubeLintYAML

/// The kinds whose objects live outside namespaces (`Namespace`, `ClusterRole`,
/// `PersistentVolume`, `StorageClass`, a custom kind defined with `scope: Cluster`). The API
/// server ignores the `metadata.namespace` such an object is written with, so the index files
/// them under no namespace ("") and finds them from any namespace.
///
/// The built-in kinds come from the API's description (the rules layer reads them from the
/// schema table); the custom ones from the tree's CustomResourceDefinitions.
public struct ClusterScopedKinds: Sendable {
    public struct GroupKind: Hashable, Sendable {
        public var group: String
        public var kind: String

        public init(group: String, kind: String) {
            self.group = group
            self.kind = kind
        }
    }

    private var groupKinds: Set<GroupKind> = []
    /// The kind names alone, for references and configuration entries that name no group.
    private var kinds: Set<String> = []

    public init() {}

    public init(_ groupKinds: some Sequence<GroupKind>) {
        for groupKind in groupKinds { insert(groupKind) }
    }

    private mutating func insert(_ groupKind: GroupKind) {
        groupKinds.insert(groupKind)
        kinds.insert(groupKind.kind)
    }

    /// Whether objects of this kind in this API group ("" for the core group) live outside namespaces.
    public func contains(group: String, kind: String) -> Bool {
        // Most kinds are namespaced: the kind alone rejects them without building a pair.
        kinds.contains(kind) && groupKinds.contains(GroupKind(group: group, kind: kind))
    }

    /// Whether objects of a kind of this name live outside namespaces in some API group: for a
    /// reference or a configuration entry that names a kind without its group.
    public func contains(kind: String) -> Bool {
        kinds.contains(kind)
    }

    /// These kinds and the custom kinds that the CustomResourceDefinitions among `resources`
    /// define with `scope: Cluster`.
    public func adding(definitionsIn resources: [Resource]) -> ClusterScopedKinds {
        var result = self
        for resource in resources where resource.kind?.value == "CustomResourceDefinition" && resource.group == "apiextensions.k8s.io" {
            guard let spec = resource.root["spec"],
                  spec["scope"].flatMap(MappingReader.string) == "Cluster",
                  let group = spec["group"].flatMap(MappingReader.string),
                  let kind = spec["names"]?["kind"].flatMap(MappingReader.string) else { continue }
            result.insert(GroupKind(group: group, kind: kind))
        }
        return result
    }
}
