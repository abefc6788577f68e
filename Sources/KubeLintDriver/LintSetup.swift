import KubeLintModel
import KubeLintReport
import KubeLintEngine

/// What one run decides before reading the tree: the configuration, the paths to lint and how
/// to read them. Built once per run; `--staged` lints two trees with it.
struct LintSetup {
    var request: LintRequest
    var loaded: ConfigurationLoader.Loaded
    var directory: ConfigurationDirectory?
    /// The paths to lint: those given, else the configuration's `paths` (relative to its
    /// file), else `k8s`.
    var paths: [String]
    var loadOptions: LoadOptions
    var run: RunInfo

    init(_ request: LintRequest) {
        self.request = request
        run = RunInfo.current()
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

    /// True when no path was given, the configuration names none, and there is no `k8s` to
    /// fall back on: a new user's first `kubelint`, which must say what to do.
    var lacksDefaultTree: Bool {
        paths == LintRequest.defaultPaths && request.paths.isEmpty && LocalFiles.entryType(LintRequest.defaultPaths[0]) == .missing
    }

    /// The message for `lacksDefaultTree`.
    var missingDefaultTreeMessage: String {
        let configuration = loaded.file.map { "under `paths` in \($0)" } ?? "under `paths` in a .kubelint.yaml"
        return """
            kubelint: no path given, and there is no k8s/ directory here to lint by default.
            Name the manifests to check (kubelint deploy/ app.yaml, or - for standard input), or list them \(configuration).

            """
    }

    func load(standardInput: () -> [UInt8] = { [] }) -> LoadedTree {
        Loader.load(paths: paths, options: loadOptions, standardInput: standardInput)
    }

    /// Lints `tree` with its configuration.
    func lint(_ tree: LoadedTree) -> LintResult {
        Linter(configuration: configuration(for: tree), parallel: loadOptions.parallel).lint(tree, inputs: paths)
    }

    /// The configuration to lint `tree` with (`lint` and `fix`): contracts bound to the files
    /// read, `ignore` paths relative to the configuration file, and the command line's release
    /// and profile over the file's.
    func configuration(for tree: LoadedTree) -> LintConfiguration {
        var configuration = ConfigurationLoader.bindContracts(loaded, inputs: paths, tree: tree)
        if let directory { configuration.relativePath = { directory.relative($0) } }
        if let kubernetesVersion = request.kubernetesVersion { configuration.kubernetesVersion = kubernetesVersion }
        if let profile = request.profile { configuration.profile = profile }
        return configuration
    }

    func report(_ result: LintResult, tree: LoadedTree, findingsLeftOut: Int = 0) -> Report {
        var sources: [String: SourceFile] = [:]
        for file in tree.files { sources[file.path] = file }
        // Findings in the configuration and contracts get code frames as well.
        for file in loaded.sources where sources[file.path] == nil { sources[file.path] = file }
        var report = Report(
            result: result, sources: sources, toolVersion: KubeLintVersion.current,
            failureThreshold: request.failOn, run: run
        )
        report.findingsLeftOut = findingsLeftOut
        return report
    }
}
