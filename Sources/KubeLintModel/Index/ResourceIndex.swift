/// Lookups over the whole tree, built once in linear time: by kind, by (kind, namespace, name),
/// and pod-running objects by label. Rules resolve every reference through it, so no rule scans
/// all resources per reference.
public struct ResourceIndex: Sendable {
    public struct ObjectKey: Hashable, Sendable {
        public var kind: String
        public var namespace: String
        public var name: String

        public init(kind: String, namespace: String, name: String) {
            self.kind = kind
            self.namespace = namespace
            self.name = name
        }
    }

    private struct LabelKey: Hashable {
        var namespace: String
        var key: String
        var value: String
    }

    public let resources: [Resource]
    /// The namespace of objects that do not name one (`default`, or what the config says).
    public let defaultNamespace: String

    private let byKind: [String: [Int]]
    private let byObjectKey: [ObjectKey: [Int]]
    private let podRunnersByLabel: [LabelKey: [Int]]
    private let podRunnersByNamespace: [String: [Int]]

    /// Kinds that live outside namespaces: their namespace is "" whatever the file says.
    public static let clusterScopedKinds: Set<String> = [
        "Namespace", "Node", "PersistentVolume", "StorageClass", "CustomResourceDefinition",
        "ClusterRole", "ClusterRoleBinding", "PriorityClass", "IngressClass", "RuntimeClass",
        "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration", "APIService",
        "CSIDriver", "CSINode", "VolumeAttachment", "PodSecurityPolicy", "ComponentStatus",
        "CertificateSigningRequest", "ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding",
    ]

    public init(_ resources: [Resource], defaultNamespace: String = "default") {
        self.resources = resources
        self.defaultNamespace = defaultNamespace
        var byKind: [String: [Int]] = [:]
        var byObjectKey: [ObjectKey: [Int]] = [:]
        var podRunnersByLabel: [LabelKey: [Int]] = [:]
        var podRunnersByNamespace: [String: [Int]] = [:]
        for (position, resource) in resources.enumerated() {
            guard let kind = resource.kind?.value else { continue }
            byKind[kind, default: []].append(position)
            let namespace = Self.namespace(of: resource, defaultNamespace: defaultNamespace)
            if let name = resource.name {
                byObjectKey[ObjectKey(kind: kind, namespace: namespace, name: name), default: []].append(position)
            }
            if let template = resource.podTemplate {
                podRunnersByNamespace[namespace, default: []].append(position)
                for entry in template.labels.entries {
                    podRunnersByLabel[LabelKey(namespace: namespace, key: entry.key, value: entry.value), default: []].append(position)
                }
            }
        }
        self.byKind = byKind
        self.byObjectKey = byObjectKey
        self.podRunnersByLabel = podRunnersByLabel
        self.podRunnersByNamespace = podRunnersByNamespace
    }

    static func namespace(of resource: Resource, defaultNamespace: String) -> String {
        if let kind = resource.kind?.value, clusterScopedKinds.contains(kind) { return "" }
        return resource.namespace ?? defaultNamespace
    }

    /// The namespace a resource lands in ("" for cluster-scoped kinds).
    public func namespace(of resource: Resource) -> String {
        Self.namespace(of: resource, defaultNamespace: defaultNamespace)
    }

    public func resources(ofKind kind: String) -> [Resource] {
        (byKind[kind] ?? []).map { resources[$0] }
    }

    /// Every object with this kind, namespace and name (more than one is itself a problem).
    public func objects(kind: String, namespace: String, name: String) -> [Resource] {
        (byObjectKey[ObjectKey(kind: kind, namespace: namespace, name: name)] ?? []).map { resources[$0] }
    }

    public func object(kind: String, namespace: String, name: String) -> Resource? {
        byObjectKey[ObjectKey(kind: kind, namespace: namespace, name: name)]?.first.map { resources[$0] }
    }

    /// Pods and workloads in `namespace` whose pod labels include every entry of `selector`.
    /// Starts from the rarest label so the cost follows the answer, not the tree.
    public func podRunners(matching selector: StringMap, namespace: String) -> [Resource] {
        guard !selector.isEmpty else { return (podRunnersByNamespace[namespace] ?? []).map { resources[$0] } }
        var candidates: [Int]?
        for entry in selector.entries {
            let matches = podRunnersByLabel[LabelKey(namespace: namespace, key: entry.key, value: entry.value)] ?? []
            if matches.isEmpty { return [] }
            if let current = candidates, current.count <= matches.count { continue }
            candidates = matches
        }
        return (candidates ?? []).compactMap { position in
            let resource = resources[position]
            guard let labels = resource.podTemplate?.labels, selector.isSubset(of: labels) else { return nil }
            return resource
        }
    }

    /// Pods and workloads in `namespace` selected by a full label selector.
    public func podRunners(selectedBy selector: LabelSelector, namespace: String) -> [Resource] {
        podRunners(matching: selector.matchLabels, namespace: namespace).filter { resource in
            guard let labels = resource.podTemplate?.labels else { return false }
            return selector.matches(labels) ?? true
        }
    }
}
