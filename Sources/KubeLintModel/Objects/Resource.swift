import KubeLintYAML

/// Where a resource was written.
public struct SourceReference: Sendable, Hashable {
    /// The file path as the user gave it (relative paths stay relative), or `<stdin>`.
    public var file: String
    /// 0-based index of the YAML document in the file.
    public var documentIndex: Int
    /// 0-based index in `items` when the resource came from a `kind: List`.
    public var itemIndex: Int?

    public init(file: String, documentIndex: Int, itemIndex: Int? = nil) {
        self.file = file
        self.documentIndex = documentIndex
        self.itemIndex = itemIndex
    }
}

/// What identifies an object in a cluster, for messages and reports.
public struct ResourceIdentity: Sendable, Hashable, CustomStringConvertible {
    public var apiVersion: String?
    public var kind: String?
    public var namespace: String?
    public var name: String?

    public init(apiVersion: String?, kind: String?, namespace: String?, name: String?) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.namespace = namespace
        self.name = name
    }

    /// `Deployment/web`, or `Deployment/prod/web` with a namespace.
    public var description: String {
        let kind = kind ?? "<no kind>"
        let name = name ?? "<no name>"
        if let namespace { return "\(kind)/\(namespace)/\(name)" }
        return "\(kind)/\(name)"
    }
}

/// One Kubernetes object read from a file, with its typed body and source positions.
public struct Resource: Sendable {
    // Indirect: payloads run to hundreds of bytes, and a resource is copied while the tree is
    // assembled; boxed, the whole resource stays small.
    public indirect enum Body: Sendable {
        case pod(PodSpec?)
        case workload(Workload)
        case service(Service)
        case configMap(ConfigMap)
        case secret(Secret)
        case persistentVolumeClaim(PersistentVolumeClaim)
        case ingress(Ingress)
        case horizontalPodAutoscaler(HorizontalPodAutoscaler)
        case podDisruptionBudget(PodDisruptionBudget)
        case serviceAccount(ServiceAccount)
        case namespace
        /// A kind kubelint does not model (CRDs, RBAC, ...), or a modelled kind under an
        /// apiVersion group that does not serve it.
        case generic
    }

    public var source: SourceReference
    public var apiVersion: Located<String>?
    public var kind: Located<String>?
    public var metadata: ObjectMeta
    public var body: Body
    /// The object's mapping as parsed, for rules that look past the typed model.
    public var root: Node
    /// Where the type did not fit; the API server would reject the object.
    public var issues: [DecodeIssue]
    /// Path prefix of this object inside its document (`items[2]` for List items, else "").
    public var path: String

    public var mark: Mark { root.start }
    public var name: String? { metadata.name?.value }
    public var namespace: String? { metadata.namespace?.value }

    /// The API group: "" for the core group (`v1`), else the part before the slash.
    public var group: String? {
        apiVersion.map { Resource.group(of: $0.value) }
    }

    public static func group(of apiVersion: String) -> String {
        guard let slash = apiVersion.firstIndex(of: "/") else { return "" }
        return String(apiVersion[..<slash])
    }

    public var identity: ResourceIdentity {
        ResourceIdentity(apiVersion: apiVersion?.value, kind: kind?.value, namespace: namespace, name: name)
    }

    public var workload: Workload? {
        if case .workload(let workload) = body { return workload }
        return nil
    }

    /// The pods this object runs: a Pod's own metadata and spec, a workload's template, or the
    /// pod template of a custom resource that runs pods (see `customPodTemplate`).
    public var podTemplate: PodTemplate? {
        switch body {
        case .pod(let spec): PodTemplate(metadata: metadata, spec: spec, mark: root.start)
        case .workload(let workload): workload.template
        case .generic: customPodTemplate
        default: nil
        }
    }

    /// Custom resources such as Argo Rollouts or OpenKruise CloneSets run pods from a standard
    /// `spec.template` (with `spec.containers`); Services select those pods like a Deployment's.
    /// Decoded on demand and without reporting issues: kubelint does not know the kind's schema.
    private var customPodTemplate: PodTemplate? {
        guard let group, !group.isEmpty, let template = root["spec"]?["template"],
              template["spec"]?["containers"]?.items != nil else { return nil }
        var context = DecodeContext()
        return MappingReader(template, path: "spec.template", context: &context).map { PodTemplate($0, context: &context) }
    }

    /// The best position for a finding about the object as a whole: its `name`, else its start.
    public var nameMark: Mark { metadata.name?.mark ?? kind?.mark ?? root.start }
}
