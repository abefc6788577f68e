import KubeLintYAML

/// An Ingress in one shape for all API versions. Fields are read only under the apiVersion that
/// defines them: `service.name`/`service.port` under `networking.k8s.io/v1`, `serviceName`/
/// `servicePort` under the legacy `extensions/v1beta1` and `networking.k8s.io/v1beta1`.
public struct Ingress: Sendable {
    public enum Shape: Sendable {
        /// `networking.k8s.io/v1`: `defaultBackend`, `backend.service.{name,port.{number,name}}`.
        case v1
        /// `extensions/v1beta1`, `networking.k8s.io/v1beta1`: `backend`, `serviceName`, `servicePort`.
        case legacy
    }

    public struct Backend: Sendable {
        public var serviceName: Located<String>?
        public var servicePort: Located<IntOrString>?
        /// A `resource` backend (v1 only) names an object, not a Service.
        public var isResource: Bool
        public var mark: Mark

        init(_ reader: MappingReader, shape: Shape, context: inout DecodeContext) {
            mark = reader.node.start
            isResource = reader.has("resource")
            switch shape {
            case .legacy:
                serviceName = reader.string("serviceName", context: &context)
                servicePort = reader.intOrString("servicePort", context: &context)
            case .v1:
                let service = reader.mapping("service", context: &context)
                serviceName = service?.string("name", context: &context)
                servicePort = nil
                if let port = service?.mapping("port", context: &context) {
                    if let number = port.int("number", context: &context) {
                        servicePort = Located(.int(number.value), at: number.mark, key: number.keyMark)
                    } else if let name = port.string("name", context: &context) {
                        servicePort = Located(.string(name.value), at: name.mark, key: name.keyMark)
                    }
                }
            }
        }
    }

    public struct Path: Sendable {
        public var path: Located<String>?
        public var pathType: Located<String>?
        public var backend: Backend?
        public var mark: Mark
    }

    public struct Rule: Sendable {
        public var host: Located<String>?
        public var paths: [Path]
        public var mark: Mark
    }

    /// One `spec.tls` entry: the same shape under every apiVersion.
    public struct TLS: Sendable {
        public var hosts: [Located<String>]
        /// Absent when the controller's default certificate serves these hosts.
        public var secretName: Located<String>?
        public var mark: Mark
    }

    public var shape: Shape
    public var ingressClassName: Located<String>?
    public var defaultBackend: Backend?
    public var tls: [TLS]
    public var rules: [Rule]
    public var specMark: Mark?

    init(spec: MappingReader?, shape: Shape, context: inout DecodeContext) {
        self.shape = shape
        specMark = spec?.node.start
        ingressClassName = spec?.string("ingressClassName", context: &context)
        let backendKey = shape == .v1 ? "defaultBackend" : "backend"
        defaultBackend = spec?.mapping(backendKey, context: &context).map { Backend($0, shape: shape, context: &context) }
        tls = spec?.objects("tls", context: &context) { entry, context in
            TLS(
                hosts: entry.strings("hosts", context: &context),
                secretName: entry.string("secretName", context: &context),
                mark: entry.node.start
            )
        } ?? []
        rules = spec?.objects("rules", context: &context) { rule, context in
            let paths = rule.mapping("http", context: &context)?.objects("paths", context: &context) { path, context in
                Path(
                    path: path.string("path", context: &context),
                    pathType: path.string("pathType", context: &context),
                    backend: path.mapping("backend", context: &context).map { Backend($0, shape: shape, context: &context) },
                    mark: path.node.start
                )
            } ?? []
            return Rule(host: rule.string("host", context: &context), paths: paths, mark: rule.node.start)
        } ?? []
    }

    /// The default backend and every rule path's backend, in source order.
    public var backends: [Backend] {
        (defaultBackend.map { [$0] } ?? []) + rules.flatMap { $0.paths.compactMap(\.backend) }
    }
}
