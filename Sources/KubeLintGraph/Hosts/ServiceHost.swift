import KubeLintModel

/// A host name in one of the forms cluster DNS answers for a Service: `name` (the pod's own
/// namespace), `name.namespace`, `name.namespace.svc`, `name.namespace.svc.cluster.local`.
///
/// Everything else is out of scope: IP addresses, `localhost`, external names (other dotted
/// names), pod names under a headless Service (`web-0.web.ns.svc`), names that are not DNS
/// labels. `name.namespace` is read as a Service only when the tree has objects in that
/// namespace (`api.github` is not), and the `svc` forms only for namespaces the tree describes:
/// a Service elsewhere belongs to another tree.
public struct ServiceHost: Sendable, Equatable {
    public var name: String
    public var namespace: String
    /// Whether the host names the namespace (`name.namespace...`), rather than following the pod's.
    public var namesNamespace: Bool

    public init?(_ host: String, podNamespace: String, treeNamespaces: Set<String>) {
        var bytes = Array(host.utf8)[...]
        if bytes.last == ASCII.dot { bytes = bytes.dropLast() }
        let labels = bytes.split(separator: ASCII.dot, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        // Every label a DNS-1123 label; the Service's name a DNS-1035 one (it starts with a
        // letter, so `10` of `10.0.0.1` is not one).
        guard labels.allSatisfy({ ValueSyntax.dnsLabel($0) == nil }), let firstName = labels.first,
              ValueSyntax.dns1035Label(firstName) == nil else { return nil }
        switch labels.count {
        case 1:
            guard firstName != "localhost" else { return nil }
            (name, namespace, namesNamespace) = (firstName, podNamespace, false)
        case 2, 3, 5:
            let expected = ["svc", "cluster", "local"].prefix(labels.count - 2)
            guard labels.dropFirst(2).elementsEqual(expected), treeNamespaces.contains(labels[1]) else { return nil }
            (name, namespace, namesNamespace) = (firstName, labels[1], true)
        default:
            return nil
        }
    }
}
