import KubeLintModel
import KubeLintReport
import KubeLintRules

/// One invocation of `kubelint` as a library call: what to read, how to judge, where to write.
public struct LintRequest: Sendable {
    public var paths: [String]
    public var format: OutputFormat
    /// Write the report here (atomically) instead of standard output.
    public var outputPath: String?
    /// The configuration when `configurationSource` is `.none`; replaced by the file's otherwise.
    public var configuration: LintConfiguration
    public var loadOptions: LoadOptions
    /// Where to read `.kubelint.yaml` from. The CLI discovers it; library calls default to none.
    public var configurationSource: ConfigurationSource

    public init(
        paths: [String], format: OutputFormat = .text, outputPath: String? = nil,
        configuration: LintConfiguration = LintConfiguration(), loadOptions: LoadOptions = LoadOptions(),
        configurationSource: ConfigurationSource = .none
    ) {
        self.paths = paths
        self.format = format
        self.outputPath = outputPath
        self.configuration = configuration
        self.loadOptions = loadOptions
        self.configurationSource = configurationSource
    }

    /// With no path, kubelint checks `k8s/` in the current directory.
    public static let defaultPaths = ["k8s"]
}

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
        let loaded = ConfigurationLoader.load(request.configurationSource, base: request.configuration)
        let tree = Loader.load(paths: paths, options: request.loadOptions, standardInput: standardInput)
        let configuration = ConfigurationLoader.bindContracts(loaded, inputs: paths, tree: tree)
        let result = Linter(configuration: configuration).lint(tree)
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
