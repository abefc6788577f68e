import KubeLintModel
import KubeLintYAML

extension ReferenceGraph {
    /// The graph of the tree `index` holds: one pass over its objects, each reference resolved
    /// once (in the index, else by `resolver`). The host names in configuration, the graph's
    /// largest cost, are read first, in pieces of `HostScanner.piece` objects, on every core
    /// when `parallel`.
    public init(index: ResourceIndex, resolver: some ReferenceResolver, parallel: Bool = false) {
        var builder = GraphBuilder(index: index, resolver: resolver)
        let scanner = builder.scanner
        let ranges = ParallelMap.ranges(of: index.resources.count, size: HostScanner.piece)
        builder.hosts = ParallelMap.map(count: ranges.count, parallel: parallel) { piece in ranges[piece].flatMap { scanner.hosts(of: $0) } }.flatMap { $0 }
        for position in index.resources.indices {
            builder.addEdges(from: position)
        }
        self.init(
            index: index, edges: builder.edges, targets: builder.targets, namespaces: builder.namespaces,
            labels: builder.labels, hostReferences: builder.hostReferences,
            edgeStarts: builder.edgeStarts + [Int32(builder.edges.count)],
            selections: builder.selections, positions: builder.positions
        )
    }
}

/// Builds a `ReferenceGraph`: walks each object's references in the order they are written.
extension ReferenceGraph {
    /// The namespace and name a TLS `secretName` refers to: `namespace/name` is how Contour (and
    /// some other controllers) take a certificate delegated from another namespace.
    public static func tlsSecretReference(_ value: String, ownNamespace: String) -> (namespace: String, name: String) {
        let parts = value.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return (ownNamespace, value) }
        return (String(parts[0]), String(parts[1]))
    }
}

private struct GraphBuilder<Resolver: ReferenceResolver> {
    let index: ResourceIndex
    let resolver: Resolver
    var edges: [ReferenceGraph.Edge] = []
    var edgeStarts: [Int32] = []
    var targets: [ReferenceGraph.Target] = []
    private var targetPositions: [ReferenceGraph.Target: Int] = [:]
    var labels: [String] = []
    private var labelPositions: [String: Int] = [:]
    var hostReferences: [HostReference] = []
    var selections: [Int: Selection] = [:]
    let positions: [SourceReference: Int]
    let namespaces: Set<String>
    /// The hosts every object's configuration names, in object order (`HostScanner`).
    var hosts: [HostScanner.Found] = []
    private var nextHost = 0

    var scanner: HostScanner { HostScanner(index: index, positions: positions, namespaces: namespaces) }

    init(index: ResourceIndex, resolver: Resolver) {
        self.index = index
        self.resolver = resolver
        var positions: [SourceReference: Int] = [:]
        positions.reserveCapacity(index.resources.count)
        var namespaces: Set<String> = []
        for (position, resource) in index.resources.enumerated() {
            positions[resource.source] = position
            let namespace = index.namespace(of: resource)
            if !namespace.isEmpty { namespaces.insert(namespace) }
            if case .namespace = resource.body, let name = resource.name { namespaces.insert(name) }
        }
        self.positions = positions
        self.namespaces = namespaces
        edgeStarts.reserveCapacity(index.resources.count + 1)
    }

    mutating func addEdges(from position: Int) {
        edgeStarts.append(Int32(edges.count))
        let resource = index.resources[position]
        let namespace = index.namespace(of: resource)
        if let spec = resource.podTemplate?.spec {
            addPodSpecEdges(spec, of: resource, at: position, namespace: namespace)
        }
        switch resource.body {
        case .service(let service):
            addSelection(of: service, at: position, namespace: namespace)
        case .ingress(let ingress):
            addIngressEdges(ingress, of: resource, at: position, namespace: namespace)
        case .horizontalPodAutoscaler(let autoscaler):
            if let target = autoscaler.scaleTargetRef, let kind = target.kind?.value, let name = target.name {
                add(.scaleTarget, from: position, to: kind, namespace, name.value, mark: name.mark, label: "")
            }
        case .serviceAccount(let account):
            for name in account.imagePullSecrets {
                add(.imagePullSecret, from: position, to: "Secret", namespace, name.value, mark: name.mark, label: "")
            }
        default:
            break
        }
    }

    // MARK: Pod specs

    /// In the order the reference rules report them: ConfigMaps and Secrets (env, envFrom,
    /// volumes), claims, the ServiceAccount, image pull secrets, then host references.
    private mutating func addPodSpecEdges(_ spec: PodSpec, of resource: Resource, at position: Int, namespace: String) {
        for reference in spec.configReferences {
            let kind: ReferenceGraph.EdgeKind = reference.target == .configMap ? .configMap : .secret
            let label: String
            if !reference.keys.isEmpty {
                label = reference.keys.map(\.value).joined(separator: ", ")
            } else if case .volume(let volume) = reference.origin {
                label = "volume \(volume ?? "?")"
            } else {
                label = "envFrom"
            }
            add(kind, from: position, to: reference.target.rawValue, namespace, reference.name.value, mark: reference.name.mark,
                label: label, optional: reference.isOptional)
        }
        for volume in spec.volumes {
            guard let claim = volume.persistentVolumeClaim?.claimName else { continue }
            add(.claim, from: position, to: "PersistentVolumeClaim", namespace, claim.value, mark: claim.mark, label: volume.name?.value ?? "")
        }
        if let account = spec.effectiveServiceAccount, !account.value.isEmpty {
            add(.serviceAccount, from: position, to: "ServiceAccount", namespace, account.value, mark: account.mark, label: "")
        }
        for name in spec.imagePullSecrets {
            add(.imagePullSecret, from: position, to: "Secret", namespace, name.value, mark: name.mark, label: "")
        }
        addHostEdges(spec, at: position, namespace: namespace)
    }

    /// One edge per host the object's configuration names in Service form (`HostScanner`).
    private mutating func addHostEdges(_ spec: PodSpec, at position: Int, namespace: String) {
        while nextHost < hosts.count, hosts[nextHost].position == position {
            let found = hosts[nextHost]
            nextHost += 1
            hostReferences.append(found.reference)
            let service = found.reference.service
            add(.host, from: position, to: "Service", service.namespace, service.name, mark: found.mark,
                label: found.reference.mention.port.map { String($0.number) } ?? "", site: found.site, detail: hostReferences.count - 1)
        }
    }

    // MARK: Services and Ingresses

    /// `.selects` edges to the objects whose pods the Service's selector matches, and what it
    /// finds (`Selection`).
    private mutating func addSelection(of service: Service, at position: Int, namespace: String) {
        guard let selector = service.checkableSelector else { return }
        let runners = index.podRunners(matching: selector, namespace: namespace)
        if runners.isEmpty {
            selections[position] = resolver.podsMayRunElsewhere(in: namespace, matching: selector) ? .elsewhere : .nothing
            return
        }
        selections[position] = .objects
        let ports = service.ports.compactMap { $0.effectiveTargetPort?.description }
        var seenPorts: Set<String> = []
        let label = ports.filter { seenPorts.insert($0).inserted }.joined(separator: ", ")
        let mark = selector.entries.first?.keyMark ?? selector.mark ?? index.resources[position].nameMark
        for runner in runners {
            guard let runnerPosition = positions[runner.source] else { continue }
            edges.append(ReferenceGraph.Edge(
                kind: .selects, resolution: .object, from: position, to: runnerPosition, site: position, label: intern(label), mark: mark
            ))
        }
    }

    private mutating func addIngressEdges(_ ingress: Ingress, of resource: Resource, at position: Int, namespace: String) {
        for backend in ingress.backends where !backend.isResource {
            guard let name = backend.serviceName else { continue }
            add(.backend, from: position, to: "Service", namespace, name.value, mark: name.mark, label: backend.servicePort?.value.description ?? "")
        }
        for entry in ingress.tls {
            guard let secretName = entry.secretName else { continue }
            let (secretNamespace, name) = ReferenceGraph.tlsSecretReference(secretName.value, ownNamespace: namespace)
            add(.tlsSecret, from: position, to: "Secret", secretNamespace, name, mark: secretName.mark, label: "")
        }
    }

    // MARK: Resolution

    /// An edge to the object of `kind` named `name` from `namespace`, resolved in the index,
    /// else by the resolver.
    private mutating func add(
        _ kind: ReferenceGraph.EdgeKind, from position: Int, to targetKind: String, _ namespace: String, _ name: String,
        mark: Mark, label: String, optional: Bool = false, site: Int? = nil, detail: Int = -1
    ) {
        let targetNamespace = index.namespace(forKind: targetKind, from: namespace)
        let resolution: ReferenceGraph.Resolution
        let to: Int
        if let object = index.object(kind: targetKind, namespace: targetNamespace, name: name), let objectPosition = positions[object.source] {
            (resolution, to) = (.object, objectPosition)
        } else {
            resolution = resolver.resolveElsewhere(kind: targetKind, namespace: targetNamespace, name: name, referrer: index.resources[position])
            to = target(ReferenceGraph.Target(kind: targetKind, namespace: targetNamespace, name: name))
        }
        edges.append(ReferenceGraph.Edge(
            kind: kind, resolution: resolution, from: position, to: to, site: site ?? position, label: intern(label),
            detail: detail, optional: optional, mark: mark
        ))
    }

    private mutating func target(_ target: ReferenceGraph.Target) -> Int {
        if let position = targetPositions[target] { return position }
        targetPositions[target] = targets.count
        targets.append(target)
        return targets.count - 1
    }

    private mutating func intern(_ label: String) -> Int {
        if let position = labelPositions[label] { return position }
        labelPositions[label] = labels.count
        labels.append(label)
        return labels.count - 1
    }
}
