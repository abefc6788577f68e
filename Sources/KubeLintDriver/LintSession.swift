import KubeLintModel
import KubeLintReport
import KubeLintRules

/// One invocation of `kubelint` as a library call: what to read, how to judge, where to write.
public struct LintRequest: Sendable {
    public var paths: [String]
    public var format: OutputFormat
    /// Write the report here (atomically) instead of standard output.
    public var outputPath: String?
    public var configuration: LintConfiguration
    public var loadOptions: LoadOptions
    /// The Kubernetes release to check against (`--kube-version`); overrides the configuration's.
    public var kubernetesVersion: KubernetesVersion?

    public init(
        paths: [String], format: OutputFormat = .text, outputPath: String? = nil,
        configuration: LintConfiguration = LintConfiguration(), loadOptions: LoadOptions = LoadOptions(),
        kubernetesVersion: KubernetesVersion? = nil
    ) {
        self.paths = paths
        self.format = format
        self.outputPath = outputPath
        self.configuration = configuration
        self.loadOptions = loadOptions
        self.kubernetesVersion = kubernetesVersion
    }

    /// The configuration with the command line's overrides applied.
    public var effectiveConfiguration: LintConfiguration {
        var configuration = configuration
        if let kubernetesVersion { configuration.kubernetesVersion = kubernetesVersion }
        return configuration
    }

    /// With no path, kubelint checks `k8s/` in the current directory.
    public static let defaultPaths = ["k8s"]
}

/// The Kubernetes release type, for callers that only import the driver (the CLI).
public typealias KubernetesVersion = KubeLintRules.KubernetesVersion

/// Where a session writes; the CLI passes the process's streams, tests capture text.
public struct OutputStreams: Sendable {
    public var standardOutput: @Sendable (String) -> Void
    public var standardError: @Sendable (String) -> Void
    public var standardInput: @Sendable () -> [UInt8]

    public init(
        standardOutput: @escaping @Sendable (String) -> Void,
        standardError: @escaping @Sendable (String) -> Void,
        standardInput: @escaping @Sendable () -> [UInt8] = { [] }
    ) {
        self.standardOutput = standardOutput
        self.standardError = standardError
        self.standardInput = standardInput
    }
}

public enum LintSession {
    /// Loads, lints and builds the report, without writing anything.
    public static func lint(_ request: LintRequest, standardInput: () -> [UInt8] = { [] }) -> Report {
        let paths = request.paths.isEmpty ? LintRequest.defaultPaths : request.paths
        let tree = Loader.load(paths: paths, options: request.loadOptions, standardInput: standardInput)
        let result = Linter(configuration: request.effectiveConfiguration).lint(tree)
        var sources: [String: SourceFile] = [:]
        for file in tree.files { sources[file.path] = file }
        return Report(result: result, sources: sources, toolVersion: KubeLintVersion.current)
    }

    /// The whole run: lint, write the report, return the exit status.
    public static func run(_ request: LintRequest, streams: OutputStreams) -> ExitStatus {
        let report = lint(request, standardInput: streams.standardInput)
        let text = request.format.reporter.render(report)
        if let outputPath = request.outputPath {
            do {
                try AtomicFile.write(text, to: outputPath)
            } catch {
                streams.standardError("kubelint: \(error)\n")
                return .inputError
            }
        } else {
            streams.standardOutput(text)
        }
        return ExitStatus.of(report.result)
    }
}
