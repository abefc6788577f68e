import KubeLintYAML

/// Builds typed resources from document roots.
public enum ResourceDecoder {
    /// The resources of one document: one object, or the items of a `kind: List` (or any `*List`).
    public static func resources(in root: Node, source: SourceReference) -> [Resource] {
        if let items = listItems(of: root) {
            return items.enumerated().map { index, item in
                var itemSource = source
                itemSource.itemIndex = index
                return decode(item, source: itemSource, path: "items[\(index)]")
            }
        }
        return [decode(root, source: source, path: "")]
    }

    /// The items of a `kind: List` (or any `*List`) document; nil for any other document.
    static func listItems(of root: Node) -> [Node]? {
        guard root.kind == .mapping, let kind = root["kind"].flatMap(MappingReader.string), kind.hasSuffix("List") else { return nil }
        return root["items"]?.items
    }

    /// Decodes one object. Never fails: what does not fit is recorded in `issues`.
    public static func decode(_ root: Node, source: SourceReference, path: String = "") -> Resource {
        var context = DecodeContext()
        guard let reader = MappingReader(root, path: path, context: &context) else {
            // A scalar or list document (or a null one inside a List) is not an object at all.
            let issue = DecodeIssue(
                kind: .wrongType(expected: "a mapping (a Kubernetes object)", found: root.typeDescription),
                path: path.isEmpty ? "document" : path,
                mark: root.start
            )
            return Resource(
                source: source, apiVersion: nil, kind: nil, metadata: ObjectMeta(), body: .generic,
                root: root, issues: [issue], path: path
            )
        }
        let apiVersion = reader.string("apiVersion", context: &context)
        let kind = reader.string("kind", context: &context)
        reader.require("apiVersion", context: &context)
        reader.require("kind", context: &context)
        let metadata = reader.mapping("metadata", context: &context).map { ObjectMeta($0, context: &context) } ?? ObjectMeta()
        if metadata.name == nil, metadata.generateName == nil {
            if let metadataReader = reader.mapping("metadata", context: &context) {
                metadataReader.require("name", context: &context)
            } else {
                reader.require("metadata", context: &context)
            }
        }
        let body = decodeBody(reader, apiVersion: apiVersion?.value, kind: kind?.value, context: &context)
        return Resource(
            source: source, apiVersion: apiVersion, kind: kind, metadata: metadata, body: body,
            root: root, issues: context.issues, path: path
        )
    }

    private static func decodeBody(_ reader: MappingReader, apiVersion: String?, kind: String?, context: inout DecodeContext) -> Resource.Body {
        guard let apiVersion, let kind else { return .generic }
        let group = Resource.group(of: apiVersion)
        let spec = reader.mapping("spec", context: &context)
        switch (group, kind) {
        case ("", "Pod"):
            reader.require("spec", context: &context)
            return .pod(spec.map { PodSpec($0, context: &context) })
        case ("", "Service"):
            return .service(Service(spec: spec, context: &context))
        case ("", "ConfigMap"):
            return .configMap(ConfigMap(reader, context: &context))
        case ("", "Secret"):
            return .secret(Secret(reader, context: &context))
        case ("", "PersistentVolumeClaim"):
            return .persistentVolumeClaim(PersistentVolumeClaim(reader, context: &context))
        case ("", "ServiceAccount"):
            return .serviceAccount(ServiceAccount(reader, context: &context))
        case ("", "Namespace"):
            return .namespace
        case ("", "ReplicationController"):
            return .workload(Workload(kind: .replicationController, spec: spec, context: &context))
        case ("apps", "Deployment"), ("extensions", "Deployment"):
            return .workload(Workload(kind: .deployment, spec: spec, context: &context))
        case ("apps", "StatefulSet"):
            return .workload(Workload(kind: .statefulSet, spec: spec, context: &context))
        case ("apps", "DaemonSet"), ("extensions", "DaemonSet"):
            return .workload(Workload(kind: .daemonSet, spec: spec, context: &context))
        case ("apps", "ReplicaSet"), ("extensions", "ReplicaSet"):
            return .workload(Workload(kind: .replicaSet, spec: spec, context: &context))
        case ("batch", "Job"):
            return .workload(Workload(kind: .job, spec: spec, context: &context))
        case ("batch", "CronJob"):
            return .workload(Workload(kind: .cronJob, spec: spec, context: &context))
        case ("networking.k8s.io", "Ingress"), ("extensions", "Ingress"):
            let shape: Ingress.Shape = apiVersion == "networking.k8s.io/v1" ? .v1 : .legacy
            return .ingress(Ingress(spec: spec, shape: shape, context: &context))
        case ("autoscaling", "HorizontalPodAutoscaler"):
            return .horizontalPodAutoscaler(HorizontalPodAutoscaler(spec: spec, context: &context))
        case ("policy", "PodDisruptionBudget"):
            return .podDisruptionBudget(PodDisruptionBudget(spec: spec, context: &context))
        default:
            return .generic
        }
    }
}
