import KubeLintModel
import KubeLintRules

/// What a run settles before reading the tree, shared by `lint` and `fix`: the configuration
/// file, the paths to read and how to read them.
struct RunSetup {
    var loaded: ConfigurationLoader.Loaded
    var directory: ConfigurationDirectory?
    var paths: [String]
    var loadOptions: LoadOptions

    init(_ request: LintRequest) {
        loaded = ConfigurationLoader.load(request.configurationSource, base: request.configuration)
        directory = loaded.file.flatMap { ConfigurationDirectory(configurationFile: $0) }
        paths = LintSession.inputPaths(request, loaded: loaded)
        loadOptions = request.loadOptions
        if let size = request.maxFileSize ?? loaded.loading.maxFileSize { loadOptions.maxFileSize = size }
        if let directory, !loaded.loading.exclude.isEmpty {
            let configured = directory.exclusion(loaded.loading.exclude)
            let given = loadOptions.isExcluded
            loadOptions.isExcluded = { given($0) || configured($0) }
        }
    }

    /// The configuration to lint `tree` with: contracts bound to the files read, `ignore` paths
    /// relative to the configuration file, and the command line's release over the file's.
    func configuration(for tree: LoadedTree, request: LintRequest) -> LintConfiguration {
        var configuration = ConfigurationLoader.bindContracts(loaded, inputs: paths, tree: tree)
        if let directory { configuration.relativePath = { directory.relative($0) } }
        if let kubernetesVersion = request.kubernetesVersion { configuration.kubernetesVersion = kubernetesVersion }
        return configuration
    }
}
