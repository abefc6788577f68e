/// Lookups over the whole tree, built once in linear time: by kind, by (kind, namespace, name),
/// pod-running objects by label, selecting objects by the labels they select, and autoscalers by
/// their target. Rules resolve every reference through it, so no rule scans all resources per
/// reference.
///
/// The pods an object runs are its own template's (`Resource.podTemplate`) and those that an
/// operator runs for it, which the index is told when it is built (`producedPods`): the model
/// knows no operator.
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
    /// Kinds whose objects live outside namespaces: filed under "" whatever the file says.
    public let clusterScopedKinds: ClusterScopedKinds

    /// One set of pods an object runs: the object's position and the labels the pods carry. An
    /// object may run several (an operator's primary and replicas, a template and the operator's
    /// pods); a selector selects the object when it selects one of them.
    private struct PodGroup {
        var position: Int
        var labels: StringMap
    }

    private let byKind: [String: [Int]]
    private let byObjectKey: [ObjectKey: [Int]]
    private let podGroups: [PodGroup]
    /// Pod groups (positions in `podGroups`) by each label they carry, and by namespace.
    private let podGroupsByLabel: [LabelKey: [Int]]
    private let podGroupsByNamespace: [String: [Int]]
    /// The labels of the pods operators run for objects, by the object's source.
    private let producedPodLabels: [SourceReference: [StringMap]]
    /// Objects with a pod selector, each under the one `matchLabels` entry of its selector that
    /// the fewest selectors share. A selector only matches pods that carry all its entries, so
    /// looking up every label of a pod still finds it, and a label that every selector of a
    /// release shares (`app.kubernetes.io/instance`) does not make every selector a candidate.
    private let selectorsByLabel: [LabelKey: [Int]]
    /// Objects whose selector has no `matchLabels` (expressions only, or empty): always candidates.
    private let labelFreeSelectorsByNamespace: [String: [Int]]
    /// HorizontalPodAutoscalers under the object their `scaleTargetRef` names.
    private let autoscalersByTarget: [ObjectKey: [Int]]

    /// `clusterScopedKinds`: which kinds live outside namespaces (none when not given; the
    /// linter passes the API's, see `LintContext`). `producedPods` gives, for an object and the
    /// namespace it lands in, the labels of each set of pods an operator runs for it (the
    /// producer table's answer; none by default).
    public init(
        _ resources: [Resource], defaultNamespace: String = "default",
        clusterScopedKinds: ClusterScopedKinds = ClusterScopedKinds(),
        producedPods: (Resource, String) -> [StringMap] = { _, _ in [] }
    ) {
        self.resources = resources
        self.defaultNamespace = defaultNamespace
        self.clusterScopedKinds = clusterScopedKinds
        var byKind: [String: [Int]] = [:]
        var byObjectKey: [ObjectKey: [Int]] = [:]
        var podGroups: [PodGroup] = []
        var podGroupsByLabel: [LabelKey: [Int]] = [:]
        var podGroupsByNamespace: [String: [Int]] = [:]
        var producedPodLabels: [SourceReference: [StringMap]] = [:]
        var selectorsByLabel: [LabelKey: [Int]] = [:]
        var labelFreeSelectorsByNamespace: [String: [Int]] = [:]
        var autoscalersByTarget: [ObjectKey: [Int]] = [:]
        var selectorLabelCounts: [LabelKey: Int] = [:]
        var selectorsToFile: [(position: Int, keys: [LabelKey])] = []
        for (position, resource) in resources.enumerated() {
            guard let kind = resource.kind?.value else { continue }
            byKind[kind, default: []].append(position)
            let namespace = Self.namespace(of: resource, defaultNamespace: defaultNamespace, clusterScopedKinds: clusterScopedKinds)
            if let name = resource.name {
                byObjectKey[ObjectKey(kind: kind, namespace: namespace, name: name), default: []].append(position)
            }
            let produced = producedPods(resource, namespace)
            if !produced.isEmpty { producedPodLabels[resource.source] = produced }
            for labels in (resource.podTemplate.map { [$0.labels] } ?? []) + produced {
                let group = podGroups.count
                podGroups.append(PodGroup(position: position, labels: labels))
                podGroupsByNamespace[namespace, default: []].append(group)
                for entry in labels.entries {
                    podGroupsByLabel[LabelKey(namespace: namespace, key: entry.key, value: entry.value), default: []].append(group)
                }
            }
            if let selector = resource.podSelector {
                let matchLabels = selector.matchLabels.dictionary
                if matchLabels.isEmpty {
                    labelFreeSelectorsByNamespace[namespace, default: []].append(position)
                } else {
                    let keys = matchLabels.map { LabelKey(namespace: namespace, key: $0.key, value: $0.value) }
                    for key in keys { selectorLabelCounts[key, default: 0] += 1 }
                    selectorsToFile.append((position, keys))
                }
            }
            if case .horizontalPodAutoscaler(let autoscaler) = resource.body,
               let target = autoscaler.scaleTargetRef, let targetKind = target.kind?.value, let targetName = target.name?.value {
                autoscalersByTarget[ObjectKey(kind: targetKind, namespace: namespace, name: targetName), default: []].append(position)
            }
        }
        for (position, keys) in selectorsToFile {
            // Ties broken by key and value, so the index never depends on dictionary order.
            let rarest = keys.min { lhs, rhs in
                let left = selectorLabelCounts[lhs] ?? 0
                let right = selectorLabelCounts[rhs] ?? 0
                return left != right ? left < right : (lhs.key, lhs.value) < (rhs.key, rhs.value)
            }
            if let rarest { selectorsByLabel[rarest, default: []].append(position) }
        }
        self.byKind = byKind
        self.byObjectKey = byObjectKey
        self.podGroups = podGroups
        self.podGroupsByLabel = podGroupsByLabel
        self.podGroupsByNamespace = podGroupsByNamespace
        self.producedPodLabels = producedPodLabels
        self.selectorsByLabel = selectorsByLabel
        self.labelFreeSelectorsByNamespace = labelFreeSelectorsByNamespace
        self.autoscalersByTarget = autoscalersByTarget
    }

    /// `namespace: ""` is the namespace left out: Go's JSON decoding cannot tell them apart.
    private static func namespace(of resource: Resource, defaultNamespace: String, clusterScopedKinds: ClusterScopedKinds) -> String {
        if isClusterScoped(resource, clusterScopedKinds) { return "" }
        guard let namespace = resource.namespace, !namespace.isEmpty else { return defaultNamespace }
        return namespace
    }

    private static func isClusterScoped(_ resource: Resource, _ clusterScopedKinds: ClusterScopedKinds) -> Bool {
        guard let kind = resource.kind?.value, clusterScopedKinds.contains(kind: kind) else { return false }
        return clusterScopedKinds.contains(group: resource.group ?? "", kind: kind)
    }

    /// The namespace a resource lands in ("" for cluster-scoped kinds).
    public func namespace(of resource: Resource) -> String {
        Self.namespace(of: resource, defaultNamespace: defaultNamespace, clusterScopedKinds: clusterScopedKinds)
    }

    /// Whether the resource's kind lives outside namespaces (its `metadata.namespace` is ignored).
    public func isClusterScoped(_ resource: Resource) -> Bool {
        Self.isClusterScoped(resource, clusterScopedKinds)
    }

    /// Where an object of `kind` named from `namespace` (a reference's, a contract's) is filed:
    /// "" for a cluster-scoped kind, else `namespace`.
    public func namespace(forKind kind: String, from namespace: String) -> String {
        clusterScopedKinds.contains(kind: kind) ? "" : namespace
    }

    public func resources(ofKind kind: String) -> [Resource] {
        (byKind[kind] ?? []).map { resources[$0] }
    }

    /// Every object with this kind, namespace and name (more than one is itself a problem). An
    /// object of a cluster-scoped kind is found from any namespace.
    public func objects(kind: String, namespace: String, name: String) -> [Resource] {
        positions(kind: kind, namespace: namespace, name: name).map { resources[$0] }
    }

    public func object(kind: String, namespace: String, name: String) -> Resource? {
        positions(kind: kind, namespace: namespace, name: name).first.map { resources[$0] }
    }

    /// Looked up in `namespace` first: a namespaced custom kind may share the name of a
    /// cluster-scoped kind of another group (Cluster API's `IPAddress`).
    private func positions(kind: String, namespace: String, name: String) -> [Int] {
        if let found = byObjectKey[ObjectKey(kind: kind, namespace: namespace, name: name)] { return found }
        guard !namespace.isEmpty, clusterScopedKinds.contains(kind: kind) else { return [] }
        return byObjectKey[ObjectKey(kind: kind, namespace: "", name: name)] ?? []
    }

    /// Pods and workloads in `namespace` whose pod labels include every entry of `selector`.
    /// Starts from the rarest label so the cost follows the answer, not the tree.
    public func podRunners(matching selector: StringMap, namespace: String) -> [Resource] {
        runners(of: groups(matching: selector, namespace: namespace))
    }

    /// Pods and workloads in `namespace` selected by a full label selector.
    public func podRunners(selectedBy selector: LabelSelector, namespace: String) -> [Resource] {
        runners(of: groups(matching: selector.matchLabels, namespace: namespace).filter { group in
            selector.matches(podGroups[group].labels) ?? true
        })
    }

    /// The labels of each set of pods `resource` runs: its template's, then those of the pods an
    /// operator runs for it. Empty for an object that runs no pods.
    public func podLabelSets(of resource: Resource) -> [StringMap] {
        (resource.podTemplate.map { [$0.labels] } ?? []) + (producedPodLabels[resource.source] ?? [])
    }

    /// The pod groups of `namespace` whose labels include every entry of `selector`, in order.
    private func groups(matching selector: StringMap, namespace: String) -> [Int] {
        guard !selector.isEmpty else { return podGroupsByNamespace[namespace] ?? [] }
        var candidates: [Int]?
        for entry in selector.entries {
            let matches = podGroupsByLabel[LabelKey(namespace: namespace, key: entry.key, value: entry.value)] ?? []
            if matches.isEmpty { return [] }
            if let current = candidates, current.count <= matches.count { continue }
            candidates = matches
        }
        return (candidates ?? []).filter { selector.isSubset(of: podGroups[$0].labels) }
    }

    /// The objects running `groups` (in order, so their positions ascend), each once.
    private func runners(of groups: [Int]) -> [Resource] {
        var result: [Resource] = []
        var last: Int?
        for group in groups {
            let position = podGroups[group].position
            if position == last { continue }
            last = position
            result.append(resources[position])
        }
        return result
    }

    /// Services, workloads and PodDisruptionBudgets in `namespace` whose selector selects a pod
    /// with `labels`. Candidates come from the index under each of the labels, so the cost
    /// follows the number of selectors that share a label with the pod, not the tree.
    public func objectsSelecting(_ labels: StringMap, namespace: String) -> [Resource] {
        var candidates = Set(labelFreeSelectorsByNamespace[namespace] ?? [])
        for (key, value) in labels.dictionary {
            candidates.formUnion(selectorsByLabel[LabelKey(namespace: namespace, key: key, value: value)] ?? [])
        }
        return candidates.sorted().compactMap { position in
            let resource = resources[position]
            guard resource.podSelector?.matches(labels) == true else { return nil }
            return resource
        }
    }

    /// HorizontalPodAutoscalers in `namespace` whose `scaleTargetRef` names this object.
    public func autoscalers(targetingKind kind: String, namespace: String, name: String) -> [Resource] {
        (autoscalersByTarget[ObjectKey(kind: kind, namespace: namespace, name: name)] ?? []).map { resources[$0] }
    }
}
