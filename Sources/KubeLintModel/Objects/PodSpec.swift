import KubeLintYAML

public struct PodSpec: Sendable {
    public var containers: [Container]
    public var initContainers: [Container]
    public var volumes: [Volume]
    public var restartPolicy: Located<String>?
    public var serviceAccountName: Located<String>?
    /// Deprecated alias of `serviceAccountName`, still honoured by the API server.
    public var serviceAccount: Located<String>?
    public var imagePullSecrets: [Located<String>]
    public var hostNetwork: Located<Bool>?
    public var nodeSelector: StringMap
    public var mark: Mark

    init(_ reader: MappingReader, context: inout DecodeContext) {
        containers = reader.objects("containers", context: &context, Container.init)
        initContainers = reader.objects("initContainers", context: &context, Container.init)
        volumes = reader.objects("volumes", context: &context, Volume.init)
        restartPolicy = reader.string("restartPolicy", context: &context)
        serviceAccountName = reader.string("serviceAccountName", context: &context)
        serviceAccount = reader.string("serviceAccount", context: &context)
        imagePullSecrets = reader.objects("imagePullSecrets", context: &context) { item, context in
            item.string("name", context: &context)
        }.compactMap { $0 }
        hostNetwork = reader.bool("hostNetwork", context: &context)
        nodeSelector = reader.stringMap("nodeSelector", context: &context)
        mark = reader.node.start
        reader.require("containers", context: &context)
    }

    /// Regular and init containers, in that order. Without init containers, the containers
    /// array itself: joining an empty array copied every container (hundreds of bytes each).
    public var allContainers: [Container] { initContainers.isEmpty ? containers : containers + initContainers }

    /// The effective service account name (`serviceAccountName`, else the deprecated field).
    public var effectiveServiceAccount: Located<String>? { serviceAccountName ?? serviceAccount }

    public func volume(named name: String) -> Volume? {
        volumes.first { $0.name?.value == name }
    }
}

/// The pods a workload creates: their labels and spec. For a bare Pod, its own metadata and spec.
public struct PodTemplate: Sendable {
    public var metadata: ObjectMeta
    public var spec: PodSpec?
    public var mark: Mark

    init(_ reader: MappingReader, context: inout DecodeContext) {
        metadata = reader.mapping("metadata", context: &context).map { ObjectMeta($0, context: &context) } ?? ObjectMeta()
        spec = reader.mapping("spec", context: &context).map { PodSpec($0, context: &context) }
        mark = reader.node.start
    }

    public init(metadata: ObjectMeta, spec: PodSpec?, mark: Mark) {
        self.metadata = metadata
        self.spec = spec
        self.mark = mark
    }

    public var labels: StringMap { metadata.labels }
}
