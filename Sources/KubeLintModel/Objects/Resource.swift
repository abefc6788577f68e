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
    // Indirect: payloads run to hundreds of bytes; boxed, a body is one reference wherever it
    // is passed on its own.
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

    /// The fields, behind one reference: rules receive resources by value, tens of times each,
    /// and copying the fields themselves (hundreds of bytes, a retain for every string and
    /// array in them) was a tenth of the rules' time. Changing a field copies the storage.
    private final class Storage: Sendable {
        let fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private struct Fields: Sendable {
        var source: SourceReference
        var apiVersion: Located<String>?
        var kind: Located<String>?
        var metadata: ObjectMeta
        var body: Body
        var root: Node
        var issues: [DecodeIssue]
        var path: String
    }

    private var storage: Storage

    init(
        source: SourceReference, apiVersion: Located<String>?, kind: Located<String>?, metadata: ObjectMeta,
        body: Body, root: Node, issues: [DecodeIssue], path: String
    ) {
        storage = Storage(Fields(
            source: source, apiVersion: apiVersion, kind: kind, metadata: metadata, body: body, root: root, issues: issues, path: path
        ))
    }

    /// Replaces the storage with a copy changed by `change` (resources are rarely changed).
    private mutating func update(_ change: (inout Fields) -> Void) {
        var fields = storage.fields
        change(&fields)
        storage = Storage(fields)
    }

    public var source: SourceReference {
        get { storage.fields.source }
        set { update { $0.source = newValue } }
    }

    public var apiVersion: Located<String>? {
        get { storage.fields.apiVersion }
        set { update { $0.apiVersion = newValue } }
    }

    public var kind: Located<String>? {
        get { storage.fields.kind }
        set { update { $0.kind = newValue } }
    }

    public var metadata: ObjectMeta {
        get { storage.fields.metadata }
        set { update { $0.metadata = newValue } }
    }

    public var body: Body {
        get { storage.fields.body }
        set { update { $0.body = newValue } }
    }

    /// The object's mapping as parsed, for rules that look past the typed model.
    public var root: Node {
        get { storage.fields.root }
        set { update { $0.root = newValue } }
    }

    /// Where the type did not fit; the API server would reject the object.
    public var issues: [DecodeIssue] {
        get { storage.fields.issues }
        set { update { $0.issues = newValue } }
    }

    /// Path prefix of this object inside its document (`items[2]` for List items, else "").
    public var path: String {
        get { storage.fields.path }
        set { update { $0.path = newValue } }
    }

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

    /// The pods this object declares: a Pod's own metadata and spec, a workload's template, or
    /// the pod template of a custom resource that runs pods (see `customPodTemplate`). The pods
    /// an operator runs for a custom resource are known to the producer table, not to the
    /// model; the `ResourceIndex` is given their labels.
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

    /// A kustomize configuration rather than an API object: an object of the
    /// `kustomize.config.k8s.io` group, or one without apiVersion that is `kind: Kustomization`
    /// or sits in a file kustomize reads as its configuration (`kustomization.yaml`,
    /// `kustomization.yml`, `Kustomization`): kustomize supplies the apiVersion and kind. Flux's
    /// `Kustomization` (kustomize.toolkit.fluxcd.io) is an API object and is not one.
    public var isKustomization: Bool {
        guard let apiVersion = apiVersion?.value else {
            if kind?.value == "Kustomization" { return true }
            return source.itemIndex == nil && Self.isKustomizationFileName(Self.fileName(of: source.file))
        }
        return Resource.group(of: apiVersion) == Self.kustomizeGroup
    }

    /// The API group of kustomize's own files (Kustomization, Component).
    public static let kustomizeGroup = "kustomize.config.k8s.io"

    /// Whether kustomize reads a file of this name as its configuration.
    public static func isKustomizationFileName(_ name: Substring) -> Bool {
        name == "kustomization.yaml" || name == "kustomization.yml" || name == "Kustomization"
    }

    /// The last component of a path, without copying it (this runs for every file).
    public static func fileName(of path: String) -> Substring {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return path[...] }
        return path[path.utf8.index(after: slash)...]
    }

    /// The best position for a finding about the object as a whole: its `name`, else its start.
    public var nameMark: Mark { metadata.name?.mark ?? kind?.mark ?? root.start }
}
