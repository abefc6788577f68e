import KubeLintGraph
import KubeLintModel

/// What `kubelint graph` draws, whatever the format: the objects traffic and configuration flow
/// through (Ingresses, Services, workloads, ConfigMaps, Secrets, claims, autoscalers) and the
/// edges between them, one per pair of nodes and kind of reference (their labels joined).
/// Targets the tree does not have are nodes too, drawn apart; a missing one, or an edge a
/// finding is about, carries the finding's message.
struct GraphDrawing {
    struct Node {
        /// `o<position>` for an object of the tree, `t<n>` for a target outside it.
        var id: String
        var kind: String
        var name: String
        var namespace: String
        var resolution: ReferenceGraph.Resolution
        /// Where the object is written (objects of the tree only).
        var file: String?
        var line: Int?
        /// What the findings at the references to a missing target say.
        var problems: [String] = []
    }

    struct Edge {
        var from: String
        var to: String
        var kind: ReferenceGraph.EdgeKind
        var label: String
        var resolution: ReferenceGraph.Resolution
        /// What the findings at these references say (a missing target, a port the Service
        /// does not expose, a Service that selects no pods).
        var problems: [String]
        /// Where the first of these references is written.
        var file: String
        var line: Int
        var column: Int
    }

    var nodes: [Node] = []
    var edges: [Edge] = []
    /// Whether the objects are in more than one namespace (then labels say which).
    var spansNamespaces: Bool

    /// The kinds of reference drawn always; a ServiceAccount or pull Secret only when missing
    /// (every pod has one, and they say nothing about how the stack fits together).
    static let drawnKinds: Set<ReferenceGraph.EdgeKind> = [.backend, .tlsSecret, .selects, .configMap, .secret, .claim, .host, .scaleTarget]
    static let drawnObjectKinds: Set<String> = ["Ingress", "Service", "ConfigMap", "Secret", "PersistentVolumeClaim", "HorizontalPodAutoscaler"]

    init(_ report: StackReport) {
        let graph = report.graph
        spansNamespaces = report.spansNamespaces
        var nodePositions: [String: Int] = [:]
        var edgePositions: [String: Int] = [:]
        var labels: [[String]] = []

        func objectNode(_ position: Int) -> String {
            let id = "o\(position)"
            if nodePositions[id] == nil {
                let key = graph.key(of: position)
                let place = report.place(of: position)
                nodePositions[id] = nodes.count
                nodes.append(Node(id: id, kind: key.kind, name: key.name, namespace: key.namespace, resolution: .object, file: place.file, line: place.line))
            }
            return id
        }

        // Objects in tree order first, so that the picture follows the files.
        for position in graph.index.resources.indices {
            let resource = graph.object(position)
            if resource.podTemplate != nil || Self.drawnObjectKinds.contains(resource.kind?.value ?? "") {
                _ = objectNode(position)
            }
        }
        for edge in graph.edges {
            guard Self.drawnKinds.contains(edge.kind) || edge.resolution == .missing else { continue }
            let from = objectNode(edge.from)
            let to: String
            let problems = report.problems(of: edge).map(\.message)
            switch edge.to {
            case .object(let position):
                to = objectNode(position)
            case .target(let position):
                to = "t\(position)"
                let target = graph.targets[position]
                if nodePositions[to] == nil {
                    nodePositions[to] = nodes.count
                    nodes.append(Node(id: to, kind: target.kind, name: target.name, namespace: target.namespace, resolution: edge.resolution))
                }
                if edge.resolution == .missing {
                    for problem in problems where !nodes[nodePositions[to]!].problems.contains(problem) {
                        nodes[nodePositions[to]!].problems.append(problem)
                    }
                }
            }
            let key = "\(from) \(to) \(edge.kind.rawValue)"
            let label = graph.label(of: edge)
            if let position = edgePositions[key] {
                if !label.isEmpty && !labels[position].contains(label) { labels[position].append(label) }
                for problem in problems where !edges[position].problems.contains(problem) { edges[position].problems.append(problem) }
                continue
            }
            let (file, mark) = graph.location(of: edge)
            edgePositions[key] = edges.count
            labels.append(label.isEmpty ? [] : [label])
            edges.append(Edge(
                from: from, to: to, kind: edge.kind, label: "", resolution: edge.resolution, problems: problems,
                file: file, line: mark.line, column: mark.column
            ))
        }
        for position in edges.indices {
            edges[position].label = Self.label(edges[position].kind, labels[position])
        }
    }

    /// The labels of merged references: all of them, or how many keys when there are many.
    static func label(_ kind: ReferenceGraph.EdgeKind, _ labels: [String]) -> String {
        let parts = labels.flatMap { $0.split(separator: ",").map { $0.trimmingWhitespace } }
        var unique: [String] = []
        for part in parts where !unique.contains(part) { unique.append(part) }
        if (kind == .configMap || kind == .secret), unique.count > 3, !unique.contains(where: { $0.hasPrefix("volume ") || $0 == "envFrom" }) {
            return "\(unique.count) keys"
        }
        return unique.joined(separator: ", ")
    }

    /// `Kind name`, with the namespace when the picture spans several.
    func title(of node: Node) -> String {
        spansNamespaces && !node.namespace.isEmpty ? "\(node.kind) \(node.namespace)/\(node.name)" : "\(node.kind) \(node.name)"
    }

    /// The second line of a target outside the tree: why it exists, or the finding's message.
    func note(of node: Node) -> String? {
        guard node.resolution != .object else { return nil }
        if node.resolution == .missing, let problem = node.problems.first { return problem }
        return StackReport.describe(node.resolution)
    }
}

extension Substring {
    var trimmingWhitespace: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
