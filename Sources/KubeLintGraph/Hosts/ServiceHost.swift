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
        let labels = bytes.split(separator: ASCII.dot, omittingEmptySubsequences: false)
        guard labels.allSatisfy(Self.isDNSLabel), let first = labels.first, Self.isServiceName(first) else { return nil }
        let firstName = String(decoding: first, as: UTF8.self)
        switch labels.count {
        case 1:
            guard firstName != "localhost" else { return nil }
            (name, namespace, namesNamespace) = (firstName, podNamespace, false)
        case 2, 3, 5:
            let expected = ["svc", "cluster", "local"].prefix(labels.count - 2)
            guard zip(labels.dropFirst(2), expected).allSatisfy({ $0.elementsEqual($1.utf8) }) else { return nil }
            let labelNamespace = String(decoding: labels[1], as: UTF8.self)
            guard treeNamespaces.contains(labelNamespace) else { return nil }
            (name, namespace, namesNamespace) = (firstName, labelNamespace, true)
        default:
            return nil
        }
    }

    /// A DNS-1123 label: lowercase letters, digits and `-`, not at either end, at most 63.
    static func isDNSLabel(_ label: ArraySlice<UInt8>) -> Bool {
        guard let first = label.first, let last = label.last, label.count <= 63 else { return false }
        return label.allSatisfy { ASCII.isLowercase($0) || ASCII.isDigit($0) || $0 == ASCII.hyphen }
            && first != ASCII.hyphen && last != ASCII.hyphen
    }

    /// A Service's name is a DNS-1035 label: it starts with a letter (so `10` of `10.0.0.1` is not one).
    static func isServiceName(_ label: ArraySlice<UInt8>) -> Bool {
        label.first.map(ASCII.isLowercase) ?? false
    }
}
