import KubeLintYAML

/// What the kustomizations of a tree say about the other files in it.
///
/// The files a kustomization names as patches or replacement rules hold fragments that
/// kustomize merges into the objects of its resources (a Deployment with only `replicas`, a
/// container with only `resources`), not objects of their own: checked as objects they would
/// lack every required field, and indexed as objects they would stand beside the real ones.
public enum KustomizePatches {
    /// The paths, as the tree's files are named, of every file that a kustomization in
    /// `resources` names under `patches`, `patchesStrategicMerge`, `patchesJson6902` or
    /// `replacements`. Paths are joined to the kustomization's directory and normalized, so
    /// `../common/patch.yaml` is found under the name the loader gave it.
    public static func files(in resources: [Resource]) -> Set<String> {
        var files: Set<String> = []
        for resource in resources where resource.isKustomization {
            let directory = directoryComponents(of: resource.source.file)
            for path in patchPaths(resource.root) {
                files.insert(normalized(directory + components(of: path)))
            }
        }
        return files
    }

    /// The paths, normalized as in `files(in:)`, of every file that a kustomization in
    /// `resources` reads as data rather than as objects: generator inputs
    /// (`configMapGenerator` and `secretGenerator` `files`, `envs`, `env`), Helm values
    /// (`helmCharts` `valuesFile`, `additionalValuesFiles`), transformer `configurations` and
    /// `crds` schemas. They are no manifests, and belong where they are.
    public static func dataFiles(in resources: [Resource]) -> Set<String> {
        var files: Set<String> = []
        for resource in resources where resource.isKustomization {
            let directory = directoryComponents(of: resource.source.file)
            for path in dataPaths(resource.root) {
                files.insert(normalized(directory + components(of: path)))
            }
        }
        return files
    }

    /// Whether `file` (a path as the loader names it) is one of `patchFiles`.
    public static func contains(_ file: String, in patchFiles: Set<String>) -> Bool {
        !patchFiles.isEmpty && patchFiles.contains(normalized(components(of: file)))
    }

    /// The paths (files or directories, normalized as in `files(in:)`) that a kustomization
    /// lists under `resources` while it adds labels to selectors: `commonLabels`, or `labels`
    /// entries with `includeSelectors: true`. Kustomize writes those labels into each
    /// workload's `spec.selector` and pod template, so a base may leave the selector out.
    /// The resources of `tree` that are objects: without those of the files a kustomization
    /// names as patches, which are fragments of the objects they patch.
    public static func objects(of tree: LoadedTree) -> [Resource] {
        let patchFiles = files(in: tree.resources)
        return patchFiles.isEmpty ? tree.resources : tree.resources.filter { !contains($0.source.file, in: patchFiles) }
    }

    public static func selectorLabelledPaths(in resources: [Resource]) -> Set<String> {
        var paths: Set<String> = []
        for resource in resources where resource.isKustomization && addsSelectorLabels(resource.root) {
            let directory = directoryComponents(of: resource.source.file)
            for item in resource.root["resources"]?.items ?? [] {
                guard let text = item.scalar?.text, !text.isEmpty, !text.hasPrefix("/"), !text.contains("://") else { continue }
                paths.insert(normalized(directory + components(of: text)))
            }
        }
        return paths
    }

    /// Whether `file` is one of `paths` or lies under one of them (a base directory).
    public static func isUnder(_ file: String, anyOf paths: Set<String>) -> Bool {
        guard !paths.isEmpty else { return false }
        var path = normalized(components(of: file))
        while true {
            if paths.contains(path) { return true }
            guard let slash = path.lastIndex(of: "/") else { return false }
            path = String(path[..<slash])
        }
    }

    private static func addsSelectorLabels(_ root: Node) -> Bool {
        if let common = root["commonLabels"], case .mapping(let pairs) = common.content, !pairs.isEmpty { return true }
        return (root["labels"]?.items ?? []).contains { entry in
            entry["includeSelectors"]?.scalar?.text == "true"
        }
    }

    private static func patchPaths(_ root: Node) -> [String] {
        var paths: [String] = []
        // `patchesStrategicMerge` lists file names, or inline patches (text with a newline).
        for item in root["patchesStrategicMerge"]?.items ?? [] {
            if let text = item.scalar?.text, !text.contains("\n") { paths.append(text) }
        }
        for key in ["patches", "patchesJson6902", "replacements"] {
            for item in root[key]?.items ?? [] {
                if let text = item["path"]?.scalar?.text { paths.append(text) }
            }
        }
        return paths.filter { !$0.isEmpty && !$0.hasPrefix("/") }
    }

    private static func dataPaths(_ root: Node) -> [String] {
        var paths: [String] = []
        func texts(_ node: Node?) -> [String] {
            if let text = node?.scalar?.text { return [text] }
            return (node?.items ?? []).compactMap { $0.scalar?.text }
        }
        for key in ["configMapGenerator", "secretGenerator"] {
            for generator in root[key]?.items ?? [] {
                // `files` entries may name the key: `config.json=settings/prod.json`.
                paths += texts(generator["files"]).map { $0.split(separator: "=", maxSplits: 1).last.map(String.init) ?? $0 }
                paths += texts(generator["envs"]) + texts(generator["env"])
            }
        }
        for chart in root["helmCharts"]?.items ?? [] {
            paths += texts(chart["valuesFile"]) + texts(chart["additionalValuesFiles"])
        }
        paths += texts(root["configurations"]) + texts(root["crds"])
        return paths.filter { !$0.isEmpty && !$0.hasPrefix("/") && !$0.contains("://") }
    }

    private static func components(of path: String) -> [String] {
        path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    }

    private static func directoryComponents(of file: String) -> [String] {
        Array(components(of: file).dropLast())
    }

    /// `a/./b/../c` as `a/c`; a leading `/` is kept, a `..` with nothing to climb is kept.
    private static func normalized(_ components: [String]) -> String {
        var result: [String] = []
        for (position, component) in components.enumerated() {
            switch component {
            case "." : continue
            case "" where position > 0: continue
            case "..":
                if let last = result.last, last != "..", !last.isEmpty { result.removeLast() } else { result.append(component) }
            default: result.append(component)
            }
        }
        let path = result.joined(separator: "/")
        return path.isEmpty ? "." : path
    }
}
