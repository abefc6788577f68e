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
        var host = Substring(host)
        if host.hasSuffix(".") { host = host.dropLast() }
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.allSatisfy(Self.isDNSLabel), let first = labels.first, Self.isServiceName(first) else { return nil }
        switch labels.count {
        case 1:
            guard first != "localhost" else { return nil }
            (name, namespace, namesNamespace) = (String(first), podNamespace, false)
        case 2, 3, 5:
            if labels.count == 3 { guard labels[2] == "svc" else { return nil } }
            if labels.count == 5 { guard labels[2...] == ["svc", "cluster", "local"] else { return nil } }
            guard treeNamespaces.contains(String(labels[1])) else { return nil }
            (name, namespace, namesNamespace) = (String(first), String(labels[1]), true)
        default:
            return nil
        }
    }

    /// A DNS-1123 label: lowercase letters, digits and `-`, not at either end, at most 63.
    static func isDNSLabel(_ label: Substring) -> Bool {
        guard let first = label.first, let last = label.last, label.utf8.count <= 63 else { return false }
        return label.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }
            && first != "-" && last != "-"
    }

    /// A Service's name is a DNS-1035 label: it starts with a letter (so `10` of `10.0.0.1` is not one).
    static func isServiceName(_ label: Substring) -> Bool {
        label.first.map { $0.isASCII && $0.isLowercase } ?? false
    }
}
