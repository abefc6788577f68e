import KubeLintModel
import KubeLintYAML

/// Reads the host names an object's configuration names in Service form: each container's
/// environment as Kubernetes assembles it (`ContainerEnvironment`), each value through
/// `HostMention` and `ServiceHost`. Objects are independent, so the graph reads them in pieces
/// side by side (`ReferenceGraph.init`).
struct HostScanner: Sendable {
    /// Objects per piece of work: enough to outweigh handing a piece to a thread.
    static let piece = 256

    /// One host of one object's configuration, before it is resolved into an edge.
    struct Found: Sendable {
        /// The object whose pods read the value.
        var position: Int
        var reference: HostReference
        /// The object the value is written in (the pod runner, or a ConfigMap) and where.
        var site: Int
        var mark: Mark
    }

    let index: ResourceIndex
    let positions: [SourceReference: Int]
    let namespaces: Set<String>

    /// The hosts of the object at `position`, in the order its containers' variables are
    /// assembled; a value read by several containers of the pod counts once.
    func hosts(of position: Int) -> [Found] {
        let resource = index.resources[position]
        guard let spec = resource.podTemplate?.spec else { return [] }
        let namespace = index.namespace(of: resource)
        var found: [Found] = []
        var seen: Set<Key> = []
        for container in spec.allContainers {
            let environment = ContainerEnvironment(container, runner: position) { name in
                configMap(named: name, namespace: namespace)
            }
            for variable in environment.variables {
                let mentions = HostMention.find(in: variable.value, variable: variable.name) { environment[$0]?.value }
                for mention in mentions {
                    guard let service = ServiceHost(mention.host, podNamespace: namespace, treeNamespaces: namespaces),
                          seen.insert(Key(site: variable.site, mark: variable.mark, host: mention.host, port: mention.port?.number)).inserted
                    else { continue }
                    var reference = HostReference(variable: variable.name, key: variable.key, mention: mention, service: service)
                    if case .paired(_, let portVariable) = mention.port, let port = environment[portVariable] {
                        reference.portSite = port.site
                        reference.portMark = port.mark
                    }
                    found.append(Found(position: position, reference: reference, site: variable.site, mark: variable.mark))
                }
            }
        }
        return found
    }

    private struct Key: Hashable {
        var site: Int
        var mark: Mark
        var host: String
        var port: Int?
    }

    /// The tree's ConfigMap of that name in `namespace`, with its position, if it has one.
    private func configMap(named name: String, namespace: String) -> (position: Int, data: StringMap)? {
        guard let object = index.object(kind: "ConfigMap", namespace: namespace, name: name),
              case .configMap(let configMap) = object.body, let position = positions[object.source] else { return nil }
        return (position, configMap.data)
    }
}
