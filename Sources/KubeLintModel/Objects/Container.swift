import KubeLintYAML

public struct Container: Sendable {
    public var name: Located<String>?
    public var image: Located<String>?
    public var imagePullPolicy: Located<String>?
    public var command: [Located<String>]
    public var args: [Located<String>]
    public var ports: [ContainerPort]
    public var env: [EnvVar]
    public var envFrom: [EnvFromSource]
    public var volumeMounts: [VolumeMount]
    public var resources: ResourceRequirements?
    public var livenessProbe: Probe?
    public var readinessProbe: Probe?
    public var startupProbe: Probe?
    public var securityContext: SecurityContext?
    public var mark: Mark

    init(_ reader: MappingReader, context: inout DecodeContext) {
        name = reader.string("name", context: &context)
        image = reader.string("image", context: &context)
        imagePullPolicy = reader.string("imagePullPolicy", context: &context)
        command = reader.strings("command", context: &context)
        args = reader.strings("args", context: &context)
        ports = reader.objects("ports", context: &context, ContainerPort.init)
        env = reader.objects("env", context: &context, EnvVar.init)
        envFrom = reader.objects("envFrom", context: &context, EnvFromSource.init)
        volumeMounts = reader.objects("volumeMounts", context: &context, VolumeMount.init)
        resources = reader.mapping("resources", context: &context).map { ResourceRequirements($0, context: &context) }
        livenessProbe = reader.mapping("livenessProbe", context: &context).map { Probe($0, context: &context) }
        readinessProbe = reader.mapping("readinessProbe", context: &context).map { Probe($0, context: &context) }
        startupProbe = reader.mapping("startupProbe", context: &context).map { Probe($0, context: &context) }
        securityContext = reader.mapping("securityContext", context: &context).map { SecurityContext($0, context: &context) }
        mark = reader.node.start
        reader.require("name", context: &context)
    }

    public var probes: [Probe] { [livenessProbe, readinessProbe, startupProbe].compactMap { $0 } }
}

public struct ContainerPort: Sendable {
    public var name: Located<String>?
    public var containerPort: Located<Int>?
    public var hostPort: Located<Int>?
    public var `protocol`: Located<String>?
    public var mark: Mark

    init(_ reader: MappingReader, context: inout DecodeContext) {
        name = reader.string("name", context: &context)
        containerPort = reader.int("containerPort", context: &context)
        hostPort = reader.int("hostPort", context: &context)
        `protocol` = reader.string("protocol", context: &context)
        mark = reader.node.start
        reader.require("containerPort", context: &context)
    }
}

/// A reference to one key of a ConfigMap or Secret (`configMapKeyRef`, `secretKeyRef`).
public struct KeySelector: Sendable {
    public var name: Located<String>?
    public var key: Located<String>?
    public var optional: Located<Bool>?
    public var mark: Mark

    init(_ reader: MappingReader, context: inout DecodeContext) {
        name = reader.string("name", context: &context)
        key = reader.string("key", context: &context)
        optional = reader.bool("optional", context: &context)
        mark = reader.node.start
        reader.require("key", context: &context)
    }

    public var isOptional: Bool { optional?.value ?? false }
}

public struct EnvVar: Sendable {
    public var name: Located<String>?
    public var value: Located<String>?
    public var mark: Mark
    private var source: ValueSource

    /// `valueFrom`: nearly always one source, so one is kept inline and several (which the API
    /// server rejects anyway) in a box. With room for all three inline an env var took 424
    /// bytes, and a large tree holds hundreds of thousands.
    private enum ValueSource: Sendable {
        case none
        case configMap(KeySelector)
        case secret(KeySelector)
        case field(Located<String>)
        indirect case several(configMap: KeySelector?, secret: KeySelector?, field: Located<String>?)

        init(configMap: KeySelector?, secret: KeySelector?, field: Located<String>?) {
            switch (configMap, secret, field) {
            case (nil, nil, nil): self = .none
            case (let configMap?, nil, nil): self = .configMap(configMap)
            case (nil, let secret?, nil): self = .secret(secret)
            case (nil, nil, let field?): self = .field(field)
            default: self = .several(configMap: configMap, secret: secret, field: field)
            }
        }

        var configMap: KeySelector? {
            switch self {
            case .configMap(let selector): selector
            case .several(let configMap, _, _): configMap
            default: nil
            }
        }

        var secret: KeySelector? {
            switch self {
            case .secret(let selector): selector
            case .several(_, let secret, _): secret
            default: nil
            }
        }

        var field: Located<String>? {
            switch self {
            case .field(let path): path
            case .several(_, _, let field): field
            default: nil
            }
        }
    }

    public var configMapKeyRef: KeySelector? {
        get { source.configMap }
        set { source = ValueSource(configMap: newValue, secret: source.secret, field: source.field) }
    }

    public var secretKeyRef: KeySelector? {
        get { source.secret }
        set { source = ValueSource(configMap: source.configMap, secret: newValue, field: source.field) }
    }

    public var fieldPath: Located<String>? {
        get { source.field }
        set { source = ValueSource(configMap: source.configMap, secret: source.secret, field: newValue) }
    }

    init(_ reader: MappingReader, context: inout DecodeContext) {
        name = reader.string("name", context: &context)
        value = reader.string("value", context: &context)
        let valueFrom = reader.mapping("valueFrom", context: &context)
        let configMapKeyRef = valueFrom?.mapping("configMapKeyRef", context: &context).map { KeySelector($0, context: &context) }
        let secretKeyRef = valueFrom?.mapping("secretKeyRef", context: &context).map { KeySelector($0, context: &context) }
        let fieldPath = valueFrom?.mapping("fieldRef", context: &context)?.string("fieldPath", context: &context)
        source = ValueSource(configMap: configMapKeyRef, secret: secretKeyRef, field: fieldPath)
        mark = reader.node.start
        reader.require("name", context: &context)
    }
}

/// A whole ConfigMap or Secret imported as environment (`envFrom`).
public struct EnvFromSource: Sendable {
    public struct Reference: Sendable {
        public var name: Located<String>?
        public var optional: Located<Bool>?
        public var mark: Mark

        init(_ reader: MappingReader, context: inout DecodeContext) {
            name = reader.string("name", context: &context)
            optional = reader.bool("optional", context: &context)
            mark = reader.node.start
        }

        public var isOptional: Bool { optional?.value ?? false }
    }

    public var prefix: Located<String>?
    public var configMapRef: Reference?
    public var secretRef: Reference?
    public var mark: Mark

    init(_ reader: MappingReader, context: inout DecodeContext) {
        prefix = reader.string("prefix", context: &context)
        configMapRef = reader.mapping("configMapRef", context: &context).map { Reference($0, context: &context) }
        secretRef = reader.mapping("secretRef", context: &context).map { Reference($0, context: &context) }
        mark = reader.node.start
    }
}

public struct VolumeMount: Sendable {
    public var name: Located<String>?
    public var mountPath: Located<String>?
    public var subPath: Located<String>?
    public var readOnly: Located<Bool>?
    public var mark: Mark

    init(_ reader: MappingReader, context: inout DecodeContext) {
        name = reader.string("name", context: &context)
        mountPath = reader.string("mountPath", context: &context)
        subPath = reader.string("subPath", context: &context)
        readOnly = reader.bool("readOnly", context: &context)
        mark = reader.node.start
        reader.require("name", context: &context)
        reader.require("mountPath", context: &context)
    }
}

/// A liveness, readiness or startup probe; only what rules need (the port it targets).
public struct Probe: Sendable {
    public enum Handler: String, Sendable {
        case exec, httpGet, tcpSocket, grpc
    }

    public var handler: Handler?
    /// The port of an `httpGet`, `tcpSocket` or `grpc` probe; named ports must exist on the container.
    public var port: Located<IntOrString>?
    public var mark: Mark

    init(_ reader: MappingReader, context: inout DecodeContext) {
        mark = reader.node.start
        handler = nil
        port = nil
        if reader.mapping("exec", context: &context) != nil {
            handler = .exec
        }
        if let http = reader.mapping("httpGet", context: &context) {
            handler = .httpGet
            port = http.intOrString("port", context: &context)
        }
        if let tcp = reader.mapping("tcpSocket", context: &context) {
            handler = .tcpSocket
            port = tcp.intOrString("port", context: &context)
        }
        if let grpc = reader.mapping("grpc", context: &context) {
            handler = .grpc
            port = grpc.int("port", context: &context).map { Located(.int($0.value), at: $0.mark, key: $0.keyMark) }
        }
    }
}

/// `resources.requests` and `resources.limits`. Quantities are kept as written; Kubernetes
/// accepts them as strings or bare numbers.
public struct ResourceRequirements: Sendable {
    public struct Quantity: Sendable, Hashable {
        public var resource: String
        public var text: String
        public var keyMark: Mark
        public var mark: Mark
    }

    public var requests: [Quantity]
    public var limits: [Quantity]
    public var mark: Mark

    init(_ reader: MappingReader, context: inout DecodeContext) {
        requests = Self.quantities(reader, "requests", context: &context)
        limits = Self.quantities(reader, "limits", context: &context)
        mark = reader.node.start
    }

    private static func quantities(_ reader: MappingReader, _ key: String, context: inout DecodeContext) -> [Quantity] {
        guard let map = reader.mapping(key, context: &context), let pairs = map.node.pairs else { return [] }
        var result: [Quantity] = []
        for pair in pairs {
            guard let name = MappingReader.keyText(pair.key) else { continue }
            guard case .scalar(let scalar) = pair.value.content, !pair.value.isNull,
                  case let resolved = scalar.resolved, resolved != .bool(true), resolved != .bool(false) else {
                context.wrongType(map.fieldPath(name), expected: "a quantity", node: pair.value)
                continue
            }
            result.append(Quantity(resource: name, text: scalar.text, keyMark: pair.key.start, mark: pair.value.start))
        }
        return result
    }
}

/// The security settings rules look at; the rest stays in the node for schema checks.
public struct SecurityContext: Sendable {
    public var runAsNonRoot: Located<Bool>?
    public var runAsUser: Located<Int>?
    public var privileged: Located<Bool>?
    public var allowPrivilegeEscalation: Located<Bool>?
    public var readOnlyRootFilesystem: Located<Bool>?
    public var mark: Mark

    init(_ reader: MappingReader, context: inout DecodeContext) {
        runAsNonRoot = reader.bool("runAsNonRoot", context: &context)
        runAsUser = reader.int("runAsUser", context: &context)
        privileged = reader.bool("privileged", context: &context)
        allowPrivilegeEscalation = reader.bool("allowPrivilegeEscalation", context: &context)
        readOnlyRootFilesystem = reader.bool("readOnlyRootFilesystem", context: &context)
        mark = reader.node.start
    }
}
