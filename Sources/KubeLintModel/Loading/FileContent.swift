import KubeLintYAML

/// What a file holds, as far as checking it goes: decided once per file, before its documents
/// become resources, so that files which are not manifests never reach the rules.
public enum FileContent: Sendable, Hashable {
    /// Kubernetes objects, or documents meant as objects. Every document is checked, including
    /// one with neither apiVersion nor kind beside the others (a half-deleted object).
    case manifests
    /// No document with content: an empty file, or only comments, blank lines, `---` and
    /// `null` documents. `kubectl apply` skips such documents.
    case empty
    /// Only Lists without items (`kind: List`, `items: []`), and maybe empty documents.
    case emptyLists
    /// Documents, but none of them an object of the API (see `NotManifest`): nothing is checked.
    /// (Boxed, as `helmTemplate`: every file carries a content, few carry these, and the files
    /// of a large tree are copied whole a few times: unboxed, they cost megabytes.)
    indirect case notManifest(NotManifest)
    /// A Helm chart template: Go template actions that only `helm template` turns into YAML.
    /// `action` is where the first action using Helm's objects or functions starts.
    indirect case helmTemplate(action: Mark)

    /// Why a file is not a manifest, and where that shows.
    public struct NotManifest: Sendable, Hashable {
        public enum Reason: Sendable, Hashable {
            /// No document has an `apiVersion` or a `kind` (Helm values, docker-compose, CI
            /// configuration, package.json), or no document is a mapping at all.
            case noAPIVersionOrKind
            /// Helm's `Chart.yaml`: an `apiVersion` of Helm's own, no `kind`.
            case chartMetadata
            /// A tool's own configuration (`ToolConfiguration`): skaffold, kind, an audit policy.
            case toolConfiguration(apiVersion: String, kind: String)
        }

        public var reason: Reason
        /// The first document's content, or the tool configuration's apiVersion.
        public var mark: Mark
    }

    /// True when nothing in the file was checked as an object: it is not a manifest, or a
    /// template still to be rendered.
    public var isUnchecked: Bool {
        switch self {
        case .notManifest, .helmTemplate: true
        case .manifests, .empty, .emptyLists: false
        }
    }

    /// What the documents of a file that parsed (in whole or in part) amount to. `fileName` is
    /// the last component of the path: kustomize and Helm find their files by name.
    static func classify(_ documents: [YAMLDocument], fileName: Substring) -> FileContent {
        // kustomize reads kustomization.yaml whatever it holds; kubelint learns from it which
        // files are patches, so it is read as resources (`Resource.isKustomization`).
        if Resource.isKustomizationFileName(fileName) { return .manifests }
        var notManifest: NotManifest?
        var hasEmptyLists = false
        for document in documents {
            guard let root = document.root, !root.isNull else { continue }
            switch Self.kind(of: root, fileName: fileName) {
            case .object:
                return .manifests
            case .emptyList:
                hasEmptyLists = true
            case .notObject(let reason):
                if notManifest == nil { notManifest = NotManifest(reason: reason.reason, mark: reason.mark) }
            }
        }
        if let notManifest { return .notManifest(notManifest) }
        return hasEmptyLists ? .emptyLists : .empty
    }

    private enum DocumentKind {
        case object
        case emptyList
        case notObject(NotManifest)
    }

    private static func kind(of root: Node, fileName: Substring) -> DocumentKind {
        guard root.kind == .mapping else { return .notObject(NotManifest(reason: .noAPIVersionOrKind, mark: root.start)) }
        let apiVersion = root.pair("apiVersion")
        let kind = root.pair("kind")
        if apiVersion == nil, kind == nil {
            return .notObject(NotManifest(reason: .noAPIVersionOrKind, mark: root.start))
        }
        if kind == nil, ToolConfiguration.chartMetadata(fileName: fileName) {
            return .notObject(NotManifest(reason: .chartMetadata, mark: root.start))
        }
        if let items = ResourceDecoder.listItems(of: root) {
            return items.isEmpty ? .emptyList : .object
        }
        if let apiVersion, let versionText = MappingReader.string(apiVersion.value),
           let kindText = kind.flatMap({ MappingReader.string($0.value) }),
           Resource.group(of: versionText) != Resource.kustomizeGroup,
           ToolConfiguration.contains(apiVersion: versionText, kind: kindText) {
            return .notObject(NotManifest(reason: .toolConfiguration(apiVersion: versionText, kind: kindText), mark: apiVersion.value.start))
        }
        return .object
    }
}
