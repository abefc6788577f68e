import KubeLintYAML

package struct PodSpec: Sendable {
    package var containers: [Container]
    package var initContainers: [Container]
    package var volumes: [Volume]
    package var restartPolicy: Located<String>?
    package var serviceAccountName: Located<String>?
    /// Deprecated alias of `serviceAccountName`, still honoured by the API server.
    package var serviceAccount: Located<String>?
    package var imagePullSecrets: [Located<String>]
    package var hostNetwork: Located<Bool>?
    package var nodeSelector: StringMap
    package var mark: Mark

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
    package var allContainers: [Container] { initContainers.isEmpty ? containers : containers + initContainers }

    /// The effective service account name (`serviceAccountName`, else the deprecated field).
    package var effectiveServiceAccount: Located<String>? { serviceAccountName ?? serviceAccount }

    package func volume(named name: String) -> Volume? {
        volumes.first { $0.name?.value == name }
    }
}

/// The pods a workload creates: their labels and spec. For a bare Pod, its own metadata and spec.
package struct PodTemplate: Sendable {
    package var metadata: ObjectMeta
    package var spec: PodSpec?
    package var mark: Mark

    init(_ reader: MappingReader, context: inout DecodeContext) {
        metadata = reader.mapping("metadata", context: &context).map { ObjectMeta($0, context: &context) } ?? ObjectMeta()
        spec = reader.mapping("spec", context: &context).map { PodSpec($0, context: &context) }
        mark = reader.node.start
    }

    package init(metadata: ObjectMeta, spec: PodSpec?, mark: Mark) {
        self.metadata = metadata
        self.spec = spec
        self.mark = mark
    }

    package var labels: StringMap { metadata.labels }
}
