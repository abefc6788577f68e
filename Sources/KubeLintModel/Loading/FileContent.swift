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
            /// Helm's `values.yaml`: a chart's values, which may name an `apiVersion` option.
            case chartValues
            /// An `apiVersion` that is a number or a boolean, no `kind`: another tool's file
            /// (Grafana provisioning files say `apiVersion: 1`). `text` as written.
            case foreignAPIVersion(text: String)
            /// A tool's own configuration (`ToolConfiguration`): skaffold, kind, an audit policy.
            case toolConfiguration(apiVersion: String, kind: String)
        }

        public var reason: Reason
        /// The first document's content, or the tool configuration's apiVersion.
        public var mark: Mark
    }

    /// Whether a file's text mentions `apiVersion` or `kind` anywhere. A file that does not
    /// could hold no object even if it parsed. (A word such as "kindly" keeps a file that does
    /// not parse an input error: erring that way loses nothing.)
    static func mayHoldObjects(_ bytes: [UInt8]) -> Bool {
        contains(bytes, "apiVersion") || contains(bytes, "kind")
    }

    private static func contains(_ bytes: [UInt8], _ word: String) -> Bool {
        let word = Array(word.utf8)
        guard bytes.count >= word.count else { return false }
        return bytes.indices.dropLast(word.count - 1).contains { start in
            bytes[start] == word[0] && bytes[start..<start + word.count].elementsEqual(word)
        }
    }

    /// True when nothing in the file was checked as an object: it is not a manifest, or a
    /// template still to be rendered.
    public var isUnchecked: Bool {
        switch self {
        case .notManifest, .helmTemplate: true
        case .manifests, .empty, .emptyLists: false
        }
    }

    /// Decides a file's content from its documents as they are decoded, and stops looking
    /// once one is an object (most files: the first document). `fileName` is the last
    /// component of the path: kustomize and Helm find their files by name.
    struct Classifier {
        let fileName: Substring
        /// An object was seen: the file is manifests, whatever else it holds.
        private(set) var sawObject: Bool
        private var notManifest: NotManifest?
        private var hasEmptyLists = false

        init(fileName: Substring) {
            self.fileName = fileName
            // kustomize reads kustomization.yaml whatever it holds; kubelint learns from it
            // which files are patches, so it is read as resources (`Resource.isKustomization`).
            sawObject = Resource.isKustomizationFileName(fileName)
        }

        var content: FileContent {
            if sawObject { return .manifests }
            if let notManifest { return .notManifest(notManifest) }
            return hasEmptyLists ? .emptyLists : .empty
        }

        /// Counts a document with content: its root and the resources decoded from it (the
        /// items of a List, else one resource).
        mutating func add(_ root: Node, resources: ArraySlice<Resource>) {
            guard !sawObject else { return }
            guard let resource = resources.first else {
                hasEmptyLists = true  // a List without items
                return
            }
            if let reason = Self.notObject(root, resource: resource, isList: resource.source.itemIndex != nil, fileName: fileName) {
                if notManifest == nil { notManifest = reason }
            } else {
                sawObject = true
            }
        }

        /// Why a document is not an object of the API, or nil when it is one (perhaps broken).
        private static func notObject(_ root: Node, resource: Resource, isList: Bool, fileName: Substring) -> NotManifest? {
            if isList { return nil }
            if let kind = resource.kind {
                // An object, perhaps broken, unless a tool's configuration.
                guard let apiVersion = resource.apiVersion, ToolConfiguration.contains(apiVersion: apiVersion.value, kind: kind.value),
                      !ToolConfiguration.isKustomize(apiVersion: apiVersion.value) else { return nil }
                return NotManifest(reason: .toolConfiguration(apiVersion: apiVersion.value, kind: kind.value), mark: apiVersion.mark)
            }
            guard root.kind == .mapping else { return NotManifest(reason: .noAPIVersionOrKind, mark: root.start) }
            // A kind of the wrong type makes a broken object.
            guard root.pair("kind") == nil else { return nil }
            // Helm reads these by name; values may hold an `apiVersion` option of the chart's.
            if let helmFile = ToolConfiguration.helmChartFile(named: fileName) {
                return NotManifest(reason: helmFile, mark: root.start)
            }
            // Neither key: values, compose and CI files.
            guard let value = root["apiVersion"] else { return NotManifest(reason: .noAPIVersionOrKind, mark: root.start) }
            // An apiVersion without a kind is a broken object, and so is a `null` one; but
            // `apiVersion: 1` is no Kubernetes apiVersion.
            guard resource.apiVersion == nil, let scalar = value.scalar, !value.isNull else { return nil }
            return NotManifest(reason: .foreignAPIVersion(text: scalar.text), mark: value.start)
        }
    }
}
