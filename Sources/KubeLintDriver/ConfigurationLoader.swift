import KubeLintModel
import KubeLintContracts
import KubeLintEngine

/// Where a run's configuration comes from.
package enum ConfigurationSource: Sendable, Equatable {
    /// No file: the request's `configuration` as given (library callers, tests).
    case none
    /// `.kubelint.yaml` in this directory or the nearest parent that has one, up to the
    /// filesystem root; finding none is fine.
    case discover(startingAt: String)
    /// This file (`--config`); one that cannot be read is an error.
    case file(String)
}

/// Finds and reads the configuration file, then reads the contracts it names and binds each to
/// the files it governs. Parsing belongs to the engine and the contracts module; this is the
/// filesystem half.
enum ConfigurationLoader {
    /// A configuration as read, before the tree is known.
    struct Loaded {
        var configuration: LintConfiguration
        /// Which files to read (`paths`, `exclude`, `maxFileSize`).
        var loading = LoadSettings()
        /// The configuration file as displayed; nil when none was used.
        var file: String?
        /// What reading each of `kubelintFiles` gave, by displayed path: read once, for the
        /// contracts to be parsed (for each tree `--staged` lints) and for code frames.
        var reads: [String: Result<[UInt8], LocalFiles.ReadError>] = [:]

        /// The configuration and contract files that could be read, for code frames of the
        /// findings in them.
        var sources: [SourceFile] {
            kubelintFiles.compactMap { path in
                guard case .success(let bytes)? = reads[path] else { return nil }
                return SourceFile(path: path, bytes: bytes)
            }
        }

        /// The contract files the configuration names.
        var contracts: [ContractReference] { configuration[ConfiguredContracts.self].references }

        /// The configuration file and the contract files it names, as displayed.
        var kubelintFiles: [String] {
            guard let file else { return [] }
            return [file] + contracts.map { ConfigurationLoader.join(file, $0.path.value) }
        }
    }

    static func load(_ source: ConfigurationSource, base: LintConfiguration) -> Loaded {
        let path: String
        switch source {
        case .none:
            return Loaded(configuration: base)
        case .discover(let directory):
            guard let found = locate(from: directory) else { return Loaded(configuration: base) }
            path = found
        case .file(let given):
            path = given
        }
        let parsed: ParsedConfiguration
        let read = LocalFiles.read(path)
        switch read {
        case .success(let bytes):
            parsed = ConfigurationParser.parse(bytes, file: path)
        case .failure(let error):
            parsed = ConfigurationParser.unreadable(file: path, reason: error.message)
        }
        var loaded = Loaded(configuration: parsed.configuration, loading: parsed.loading, file: path)
        loaded.reads[path] = read
        for reference in loaded.contracts {
            let contractPath = join(path, reference.path.value)
            if loaded.reads[contractPath] == nil { loaded.reads[contractPath] = LocalFiles.read(contractPath) }
        }
        return loaded
    }

    /// The nearest `.kubelint.yaml` from `directory` upward, as a path relative to it
    /// (`.kubelint.yaml`, `../.kubelint.yaml`, ...).
    static func locate(from directory: String) -> String? {
        guard let absolute = LocalFiles.canonicalPath(directory) else { return nil }
        let depth = absolute.split(separator: "/").count
        let prefix = directory == "." ? "" : (directory.hasSuffix("/") ? directory : directory + "/")
        for level in 0...depth {
            let candidate = prefix + String(repeating: "../", count: level) + ConfigurationParser.fileName
            if LocalFiles.entryType(candidate) == .regularFile { return candidate }
        }
        return nil
    }

    /// Reads the contracts the configuration names and adds those whose scope the linted paths
    /// cover, each with the set of files it governs. Problems (unreadable contract, scope that
    /// does not exist, invalid contract) are added to the configuration's problems.
    static func bindContracts(_ loaded: Loaded, inputs: [String], tree: LoadedTree) -> LintConfiguration {
        var configuration = loaded.configuration
        guard let configurationFile = loaded.file, !loaded.contracts.isEmpty else { return configuration }
        let inputRoots = inputs.filter { $0 != "-" }.compactMap(LocalFiles.canonicalPath)
        var canonicalFiles: [(display: String, canonical: String)]?
        for reference in loaded.contracts {
            let contractPath = join(configurationFile, reference.path.value)
            let parsed: ParsedContract
            switch loaded.reads[contractPath] ?? LocalFiles.read(contractPath) {
            case .success(let bytes):
                parsed = ContractParser.parse(bytes, file: contractPath)
            case .failure(let error):
                configuration.problems.append(ConfigurationProblem(
                    origin: .configuration, file: configurationFile, mark: reference.path.mark,
                    message: "cannot read contract '\(contractPath)': \(error.message)"
                ))
                continue
            }
            configuration.problems += parsed.problems
            guard let contract = parsed.contract else { continue }
            if reference.scope.isEmpty {
                configuration[ConfiguredContracts.self].contracts.append(ScopedContract(contract))
                continue
            }
            var scopeRoots: [String] = []
            for entry in reference.scope {
                let scopePath = join(configurationFile, entry.value)
                guard let canonical = LocalFiles.canonicalPath(scopePath) else {
                    configuration.problems.append(ConfigurationProblem(
                        origin: .configuration, file: configurationFile, mark: entry.mark,
                        message: "scope '\(entry.value)' of contract '\(reference.path.value)' does not exist (looked for \(scopePath))"
                    ))
                    continue
                }
                scopeRoots.append(canonical)
            }
            // A contract speaks about its whole scope ("exactly five claims"), so it applies only
            // when the linted paths include all of it; a run over one file or another tree skips it.
            guard !scopeRoots.isEmpty, scopeRoots.count == reference.scope.count,
                  scopeRoots.allSatisfy({ scope in inputRoots.contains { isWithin(scope, $0) } }) else { continue }
            if canonicalFiles == nil {
                canonicalFiles = tree.files.compactMap { file in
                    LocalFiles.canonicalPath(file.path).map { (display: file.path, canonical: $0) }
                }
            }
            let governed = (canonicalFiles ?? []).filter { file in scopeRoots.contains { isWithin(file.canonical, $0) } }
            configuration[ConfiguredContracts.self].contracts.append(ScopedContract(contract, files: Set(governed.map(\.display))))
        }
        return configuration
    }

    /// `path` relative to the directory of `file` (absolute paths stay as they are).
    static func join(_ file: String, _ path: String) -> String {
        if path.hasPrefix("/") { return path }
        guard let slash = file.lastIndex(of: "/") else { return path }
        return String(file[...slash]) + path
    }

    /// Whether canonical `path` is `root` or inside it.
    static func isWithin(_ path: String, _ root: String) -> Bool {
        if root == "/" { return path.hasPrefix("/") }
        return path == root || path.hasPrefix(root + "/")
    }
}
