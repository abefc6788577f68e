import KubeLintModel
import KubeLintYAML

/// The references between the objects of a tree, built once per lint: every object of the
/// index is a node, and so is every object a reference names that the tree does not write out
/// (missing, declared external, made by Kubernetes or by another object). An edge is one
/// reference, typed (`EdgeKind`), with where its key is written and a label (the port, the
/// data key, the volume).
///
/// `host-reference-unresolved` reads its edges here, `kubelint plan` orders the tree by them
/// and `kubelint graph` draws them: one model of edges. The other reference rules walk the same
/// references (`PodSpec.configReferences`, the Ingress backends) and resolve them the same way.
/// Whether a named object exists is not the graph's knowledge but the rules' (externals,
/// producers, unread files): it is given as a `ReferenceResolver` when the graph is built.
///
/// Edges are stored compactly (positions and interned labels, about 40 bytes each): a large
/// tree has hundreds of thousands of references, and the graph lives for the whole run.
public struct ReferenceGraph: Sendable {
    /// What a reference is.
    public enum EdgeKind: String, Sendable, CaseIterable {
        /// A pod spec reads a ConfigMap: a key as an env var, all of it (`envFrom`), or a volume.
        case configMap
        /// A pod spec reads a Secret, likewise.
        case secret
        /// A pod spec mounts a PersistentVolumeClaim.
        case claim
        /// A pod spec runs as a ServiceAccount.
        case serviceAccount
        /// A pod spec or ServiceAccount pulls images with a Secret.
        case imagePullSecret
        /// A Service sends traffic to the pods of an object (its selector matches them).
        case selects
        /// An Ingress backend forwards to a Service.
        case backend
        /// An Ingress terminates TLS with a Secret.
        case tlsSecret
        /// A HorizontalPodAutoscaler scales an object.
        case scaleTarget
        /// A pod spec's configuration names an in-cluster host: a Service (`HostReference`).
        case host
    }

    /// An object a reference names: kind, the namespace it is looked up in ("" for a
    /// cluster-scoped kind), name.
    public typealias Target = ResourceIndex.ObjectKey

    /// Where the object a reference names is, or why it need not be in the tree.
    public enum Resolution: UInt8, Sendable {
        /// An object of the tree.
        case object
        /// Declared under `externalObjects` in the configuration.
        case external
        /// Made by Kubernetes itself (the `default` ServiceAccount, the `kubernetes` Service).
        case platform
        /// Made by another object of the tree without being written out: an operator's custom
        /// resource, a workload at run time, a kustomize generator, a StatefulSet's claim template.
        case produced
        /// A file that could not be read or parsed may define it.
        case unread
        /// Nowhere.
        case missing

        public var resolves: Bool { self != .missing }
    }

    /// A node: an object of the tree (its position in `index.resources`), or a target the
    /// tree does not write out (its position in `targets`).
    public enum Node: Hashable, Sendable {
        case object(Int)
        case target(Int)
    }

    /// One reference.
    public struct Edge: Sendable {
        public let kind: EdgeKind
        public let resolution: Resolution
        /// `optional: true` on a ConfigMap or Secret reference: the pod starts without it.
        public let isOptional: Bool
        private let fromPosition: Int32
        /// The object's position when `resolution` is `.object`, else the target's.
        private let toPosition: Int32
        private let sitePosition: Int32
        private let labelPosition: Int32
        /// The position of the edge's detail in its kind's side table (`hostReference(of:)`), or -1.
        let detailPosition: Int32
        /// Where the referring key or value is written, in the file of `site`.
        public let mark: Mark

        init(kind: EdgeKind, resolution: Resolution, from: Int, to: Int, site: Int, label: Int, detail: Int = -1, optional: Bool = false, mark: Mark) {
            self.kind = kind
            self.resolution = resolution
            isOptional = optional
            fromPosition = Int32(truncatingIfNeeded: from)
            toPosition = Int32(truncatingIfNeeded: to)
            sitePosition = Int32(truncatingIfNeeded: site)
            labelPosition = Int32(truncatingIfNeeded: label)
            detailPosition = Int32(truncatingIfNeeded: detail)
            self.mark = mark
        }

        /// The referring object (its position in `index.resources`).
        public var from: Int { Int(fromPosition) }
        public var to: Node { resolution == .object ? .object(Int(toPosition)) : .target(Int(toPosition)) }
        /// The object in whose file the referring key is written: the referring object, or the
        /// ConfigMap a host reference's value is read from.
        public var site: Int { Int(sitePosition) }
        var label: Int { Int(labelPosition) }
    }

    public let index: ResourceIndex
    /// Every edge, grouped by referring object in tree order; within an object, in the order
    /// its references are written.
    public let edges: [Edge]
    /// The targets that are not objects of the tree, each once.
    public let targets: [Target]
    /// The namespaces the tree's objects land in, and those its Namespace objects define.
    public let namespaces: Set<String>
    private let labels: [String]
    private let hostReferences: [HostReference]
    /// `edges[edgeStarts[p]..<edgeStarts[p + 1]]` are the edges from the object at position p.
    private let edgeStarts: [Int32]
    /// What each Service's selector finds, by the Service's position.
    private let selections: [Int: Selection]
    private let positions: [SourceReference: Int]

    init(
        index: ResourceIndex, edges: [Edge], targets: [Target], namespaces: Set<String>, labels: [String],
        hostReferences: [HostReference], edgeStarts: [Int32], selections: [Int: Selection], positions: [SourceReference: Int]
    ) {
        self.index = index
        self.edges = edges
        self.targets = targets
        self.namespaces = namespaces
        self.labels = labels
        self.hostReferences = hostReferences
        self.edgeStarts = edgeStarts
        self.selections = selections
        self.positions = positions
    }

    /// The edges from the object at `position`, in the order its references are written.
    public func edges(from position: Int) -> ArraySlice<Edge> {
        guard position >= 0, position + 1 < edgeStarts.count else { return [] }
        return edges[Int(edgeStarts[position])..<Int(edgeStarts[position + 1])]
    }

    /// The edges from `resource`, an object of the index.
    public func edges(from resource: Resource) -> ArraySlice<Edge> {
        guard let position = position(of: resource) else { return [] }
        return edges(from: position)
    }

    /// Every edge of `kind`, in tree order.
    public func edges(_ kind: EdgeKind) -> [Edge] {
        edges.filter { $0.kind == kind }
    }

    /// The position of `resource` in `index.resources`, if the index holds it.
    public func position(of resource: Resource) -> Int? {
        positions[resource.source]
    }

    public func object(_ position: Int) -> Resource {
        index.resources[position]
    }

    /// The object an edge comes from.
    public func source(of edge: Edge) -> Resource {
        index.resources[edge.from]
    }

    /// The object in whose file the edge's key is written.
    public func site(of edge: Edge) -> Resource {
        index.resources[edge.site]
    }

    /// Where the edge's key is written.
    public func location(of edge: Edge) -> (file: String, mark: Mark) {
        (index.resources[edge.site].source.file, edge.mark)
    }

    /// What the edge names: kind, namespace and name, for an object of the tree as for a target.
    public func target(of edge: Edge) -> Target {
        switch edge.to {
        case .object(let position): key(of: position)
        case .target(let position): targets[position]
        }
    }

    /// The kind, namespace (as the index files it) and name of the object at `position`.
    public func key(of position: Int) -> Target {
        let resource = index.resources[position]
        return Target(kind: resource.kind?.value ?? "", namespace: index.namespace(of: resource), name: resource.name ?? "")
    }

    /// The edge's label: the port of a backend or host reference, the data key of an env var,
    /// `envFrom`, the volume of a mount; "" when the reference has none.
    public func label(of edge: Edge) -> String {
        labels[edge.label]
    }

    /// What a `.host` edge's configuration says: the variable, host and port.
    public func hostReference(of edge: Edge) -> HostReference? {
        guard edge.kind == .host, edge.detailPosition >= 0 else { return nil }
        return hostReferences[Int(edge.detailPosition)]
    }

    /// What the selector of the Service at `position` finds; nil for a Service whose selector
    /// is not checked (none, ExternalName, only labels controllers add) and for other objects.
    public func selection(ofService position: Int) -> Selection? {
        selections[position]
    }
}

/// What a Service's selector finds in the tree.
public enum Selection: Sendable, Equatable {
    /// Pods of objects of the tree (one `.selects` edge each).
    case objects
    /// No object of the tree, but pods declared external, or a file that could not be read,
    /// may carry its labels.
    case elsewhere
    /// Nothing: the Service has no endpoints.
    case nothing
}
