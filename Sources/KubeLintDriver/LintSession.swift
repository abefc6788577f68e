import KubeLintModel
import KubeLintReport
import KubeLintEngine

/// One invocation of `kubelint` as a library call: what to read, how to judge, where to write.
package struct LintRequest: Sendable {
    package var paths: [String]
    package var format: OutputFormat
    /// Write the report here instead of standard output (see `OutputFile`).
    package var outputPath: String?
    /// The configuration when `configurationSource` is `.none`; replaced by the file's otherwise.
    package var configuration: LintConfiguration
    package var loadOptions: LoadOptions
    /// More reports, each written to its file (`--report FORMAT=PATH`, see `OutputFile`).
    package var reports: [ReportDestination] = []
    /// Findings at or above this severity make the exit status 1 (`--fail-on`).
    package var failOn: Severity = .error
    /// Colours of the text report on standard output (`--color`).
    package var color: ColorChoice = .auto
    /// The text report on standard output prints finding lines only (`--quiet`).
    package var quiet = false
    /// The Kubernetes release to check against (`--kube-version`); overrides the configuration's.
    package var kubernetesVersion: KubernetesVersion?
    /// The rule profile (`--profile`); overrides the configuration's `profile`.
    package var profile: RuleProfile?
    /// Where to read `.kubelint.yaml` from. The CLI discovers it; library calls default to none.
    package var configurationSource: ConfigurationSource
    /// Skip files larger than this (`--max-file-size`); overrides the configuration's
    /// `maxFileSize`, which overrides `loadOptions.maxFileSize`.
    package var maxFileSize: Int?
    /// The text report lists suppressed findings too (`--show-suppressed`).
    package var showSuppressed = false
    /// The text report on standard output prints every finding (`--all-findings`); by default
    /// a message repeated more than `TextReporter.defaultRepeatLimit` times is then counted.
    package var allFindings = false
    /// `--changed-files`: lint the whole tree (`paths`), report only what concerns these files.
    package var changedFiles: [String]?
    /// `--staged`: lint the tree as the commit being made leaves it (read from git), and report
    /// what concerns the files it changes and what it breaks elsewhere.
    package var staged = false

    package init(
        paths: [String], format: OutputFormat = .text, outputPath: String? = nil,
        configuration: LintConfiguration = LintConfiguration(), loadOptions: LoadOptions = LoadOptions(),
        configurationSource: ConfigurationSource = .none,
        kubernetesVersion: KubernetesVersion? = nil
    ) {
        self.paths = paths
        self.format = format
        self.outputPath = outputPath
        self.configuration = configuration
        self.loadOptions = loadOptions
        self.kubernetesVersion = kubernetesVersion
        self.configurationSource = configurationSource
    }

    /// How often standard output prints one message before counting the rest (`--all-findings`).
    package static let repeatLimit = TextReporter.defaultRepeatLimit

    /// With no path and no `paths` in the configuration, kubelint checks `k8s/` in the
    /// current directory.
    package static let defaultPaths = ["k8s"]
}


/// The rule profile type, for callers that only import the driver (the CLI).
package typealias RuleProfile = KubeLintEngine.RuleProfile

/// Where a session writes; the CLI passes the process's streams, tests capture text.
package struct OutputStreams: Sendable {
    /// Fails when standard output cannot take the text (a full disk, a closed pipe): the run
    /// then exits 2.
    package var standardOutput: @Sendable (String) throws(OutputFile.WriteError) -> Void
    package var standardError: @Sendable (String) -> Void
    package var standardInput: @Sendable () -> [UInt8]
    /// Whether standard output is a terminal (colours in `--color auto`).
    package var standardOutputIsTerminal: Bool
    /// Reads an environment variable (`FORCE_COLOR`, `NO_COLOR`, `CLICOLOR_FORCE`, `TERM`).
    package var environmentVariable: @Sendable (String) -> String?

    package init(
        standardOutput: @escaping @Sendable (String) throws(OutputFile.WriteError) -> Void,
        standardError: @escaping @Sendable (String) -> Void,
        standardInput: @escaping @Sendable () -> [UInt8] = { [] },
        standardOutputIsTerminal: Bool = false,
        environmentVariable: @escaping @Sendable (String) -> String? = { _ in nil }
    ) {
        self.standardOutput = standardOutput
        self.standardError = standardError
        self.standardInput = standardInput
        self.standardOutputIsTerminal = standardOutputIsTerminal
        self.environmentVariable = environmentVariable
    }
}

package enum LintSession {
    /// Loads, lints and builds the report, without writing anything. (`--staged` needs git:
    /// `run` reads the change first.)
    package static func lint(_ request: LintRequest, standardInput: () -> [UInt8] = { [] }) -> Report {
        lint(LintSetup(request), standardInput: standardInput)
    }

    static func lint(_ setup: LintSetup, standardInput: () -> [UInt8] = { [] }) -> Report {
        let tree = setup.load(standardInput: standardInput)
        let result = setup.lint(tree)
        guard let changedFiles = setup.request.changedFiles else { return setup.report(result, tree: tree) }
        let scoped = ChangedFiles(changedFiles, tree: tree, kubelintFiles: setup.loaded.kubelintFiles).scope(result)
        return setup.report(scoped, tree: tree, findingsLeftOut: result.findings.count - scoped.findings.count)
    }

    /// The paths to lint: those given, else the configuration's `paths` (relative to its
    /// file), else `k8s`.
    static func inputPaths(_ request: LintRequest, loaded: ConfigurationLoader.Loaded) -> [String] {
        if !request.paths.isEmpty { return request.paths }
        if let file = loaded.file, !loaded.loading.paths.isEmpty {
            return loaded.loading.paths.map { ConfigurationLoader.join(file, $0.value) }
        }
        return LintRequest.defaultPaths
    }

    /// The whole run: lint, write the report files and standard output, return the exit status.
    /// A report that cannot be written (standard output included) makes the status 2; the other
    /// outputs are still written.
    package static func run(_ request: LintRequest, streams: OutputStreams) -> ExitStatus {
        let setup = LintSetup(request)
        if setup.lacksDefaultTree {
            streams.standardError(setup.missingDefaultTreeMessage)
            return .inputError
        }
        let report: Report
        if request.staged {
            do {
                report = try StagedLint.lint(setup, change: StagedChange.read(treePaths: setup.paths))
            } catch {
                streams.standardError("kubelint: --staged: \(error)\n")
                return .inputError
            }
        } else {
            report = lint(setup, standardInput: streams.standardInput)
        }
        var status = ExitStatus.of(report.result, failOn: request.failOn)
        var files = request.reports
        if let outputPath = request.outputPath {
            files.insert(ReportDestination(format: request.format, path: outputPath), at: 0)
        }
        for destination in files {
            do {
                try OutputFile.createParentDirectories(of: destination.path)
                let text = TextReporter(showSuppressed: request.showSuppressed)
                try OutputFile.write(destination.format.reporter(text: text).render(report), to: destination.path)
            } catch {
                streams.standardError("kubelint: \(error)\n")
                status = .inputError
            }
        }
        if request.outputPath == nil {
            let style = request.color.style(
                isTerminal: streams.standardOutputIsTerminal, environmentVariable: streams.environmentVariable
            )
            let text = TextReporter(
                style: style, quiet: request.quiet, showSuppressed: request.showSuppressed,
                repeatLimit: request.allFindings ? nil : LintRequest.repeatLimit
            )
            do {
                try streams.standardOutput(request.format.reporter(text: text).render(report))
            } catch {
                streams.standardError("kubelint: \(error)\n")
                status = .inputError
            }
        }
        return status
    }
}
