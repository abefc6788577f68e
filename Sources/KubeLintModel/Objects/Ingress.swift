import KubeLintYAML

/// An Ingress in one shape for all API versions. Fields are read only under the apiVersion that
/// defines them: `service.name`/`service.port` under `networking.k8s.io/v1`, `serviceName`/
/// `servicePort` under the legacy `extensions/v1beta1` and `networking.k8s.io/v1beta1`.
package struct Ingress: Sendable {
    package enum Shape: Sendable {
        /// `networking.k8s.io/v1`: `defaultBackend`, `backend.service.{name,port.{number,name}}`.
        case v1
        /// `extensions/v1beta1`, `networking.k8s.io/v1beta1`: `backend`, `serviceName`, `servicePort`.
        case legacy
    }

    package struct Backend: Sendable {
        package var serviceName: Located<String>?
        package var servicePort: Located<IntOrString>?
        /// A `resource` backend (v1 only) names an object, not a Service.
        package var isResource: Bool
        package var mark: Mark

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

    package struct Path: Sendable {
        package var path: Located<String>?
        package var pathType: Located<String>?
        package var backend: Backend?
        package var mark: Mark
    }

    package struct Rule: Sendable {
        package var host: Located<String>?
        package var paths: [Path]
        package var mark: Mark
    }

    /// One `spec.tls` entry: the same shape under every apiVersion.
    package struct TLS: Sendable {
        package var hosts: [Located<String>]
        /// Absent when the controller's default certificate serves these hosts.
        package var secretName: Located<String>?
        package var mark: Mark
    }

    package var shape: Shape
    package var ingressClassName: Located<String>?
    package var defaultBackend: Backend?
    package var tls: [TLS]
    package var rules: [Rule]
    package var specMark: Mark?

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
    package var backends: [Backend] {
        (defaultBackend.map { [$0] } ?? []) + rules.flatMap { $0.paths.compactMap(\.backend) }
    }
}
