import KubeLintYAML

public struct Service: Sendable {
    public struct Port: Sendable {
        public var name: Located<String>?
        public var port: Located<Int>?
        public var targetPort: Located<IntOrString>?
        public var nodePort: Located<Int>?
        public var `protocol`: Located<String>?
        public var mark: Mark

        init(_ reader: MappingReader, context: inout DecodeContext) {
            name = reader.string("name", context: &context)
            port = reader.int("port", context: &context)
            targetPort = reader.intOrString("targetPort", context: &context)
            nodePort = reader.int("nodePort", context: &context)
            `protocol` = reader.string("protocol", context: &context)
            mark = reader.node.start
            reader.require("port", context: &context)
        }

        /// The container port the Service sends to: `targetPort`, else `port`. `targetPort: 0`
        /// (kompose writes it) and `targetPort: ""` are `targetPort` left out: the API server
        /// cannot tell them apart and sets it to `port`.
        public var effectiveTargetPort: IntOrString? {
            if let target = targetPort?.value, !target.isZeroValue { return target }
            return port.map { .int($0.value) }
        }

        /// Whether `targetPort` is written as 0 or "", which stand for `port`.
        public var targetPortIsZeroValue: Bool { targetPort?.value.isZeroValue ?? false }
    }

    /// `spec.type`; ClusterIP when absent.
    public var type: Located<String>?
    /// nil when the Service has no selector (its endpoints are managed by hand).
    public var selector: StringMap?
    public var ports: [Port]
    public var externalName: Located<String>?
    public var clusterIP: Located<String>?
    public var specMark: Mark?

    init(spec: MappingReader?, context: inout DecodeContext) {
        type = spec?.string("type", context: &context)
        if let spec, spec.has("selector") {
            selector = spec.stringMap("selector", context: &context)
        }
        ports = spec?.objects("ports", context: &context, Port.init) ?? []
        externalName = spec?.string("externalName", context: &context)
        clusterIP = spec?.string("clusterIP", context: &context)
        specMark = spec?.node.start
    }

    /// `type: ""` is `type` left out (Go's zero value).
    public var effectiveType: String {
        guard let type = type?.value, !type.isEmpty else { return "ClusterIP" }
        return type
    }

    public func port(matching reference: IntOrString) -> Port? {
        switch reference {
        case .int(let number): ports.first { $0.port?.value == number }
        case .string(let name): ports.first { $0.name?.value == name }
        }
    }
}
