import ArgumentParser
import KubeLintDriver
import KubeLintModel

struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check Kubernetes manifests for what would break a cluster, before they reach one.",
        usage: """
            kubelint [lint] [<path> ...] [<options>]
            kubelint fix [<path> ...] [--dry-run] [--kube-version X.Y]
            kubelint rules [--markdown]
            kubelint explain <rule>
            """,
        discussion: """
            Reads YAML manifests (files, directories searched recursively for .yaml/.yml, or - \
            for standard input) and reports what the API server would reject, YAML that means \
            something other than it says, and references between objects that do not resolve. \
            Each finding is printed as path:line:column with the offending line under it.

            Examples:
              kubelint                         check ./k8s
              kubelint deploy/ base.yaml       check these directories and files
              helm template . | kubelint -     check standard input
              kubelint --report junit=out.xml  also write a JUnit report for CI
              kubelint --changed-files a.yaml  lint k8s/, report only a.yaml's findings
              kubelint --staged                lint k8s/ as the commit being made leaves it
              kubelint fix --dry-run k8s/      the fixes kubelint can make, as a diff
              kubelint rules                   list every rule
              kubelint explain invalid-type    why a rule exists, how to fix it

            Settings and team contracts come from .kubelint.yaml, found from the current \
            directory upward, or from --config.

            Accepting a finding, with the reason (counted in the summary, listed by --show-suppressed):
              kubelint.dev/ignore.<rule-id>: "<reason>"  an annotation on the object
              # kubelint:ignore <rule-id> <reason>       a comment on or above the line
              ignore: [{rule: <rule-id>, reason: ...}]   an entry of .kubelint.yaml

            Exit status: 0 when no finding reaches --fail-on (default: error); 1 when one \
            does; 2 on a usage error, a report that could not be written, a file that could \
            not be read or parsed, no Kubernetes object found at all, or an invalid \
            configuration or contract (everything else is still checked).
            """
    )

    @Argument(
        help: ArgumentHelp("Files or directories to check; - reads standard input. Default: k8s", valueName: "path"),
        completion: .file()
    )
    var paths: [String] = []

    @Option(name: .long, help: "Format of the report on standard output.")
    var format: OutputFormat = .text

    @Option(
        name: .shortAndLong,
        help: ArgumentHelp("Write the report to this file instead of standard output.", valueName: "file"),
        completion: .file()
    )
    var output: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Also write a report in FORMAT to PATH (a file atomically, creating missing directories; a device, FIFO or /dev/fd/N in place); repeatable (e.g. junit=build/kubelint.xml).",
            valueName: "format=path"
        ),
        transform: LintCommand.parseReport
    )
    var report: [ReportDestination] = []

    @Option(name: .long, help: ArgumentHelp("Lowest severity that makes the exit status 1.", valueName: "severity"))
    var failOn: FailureSeverity = .error

    @Option(name: .long, help: ArgumentHelp(
        "Colours in the text report: auto follows FORCE_COLOR, then NO_COLOR, then CLICOLOR_FORCE, else uses them on a terminal.",
        valueName: "when"
    ))
    var color: ColorChoice = .auto

    @Flag(name: .shortAndLong, help: "Text report: print only the finding lines (no code frames, no summary, nothing when clean).")
    var quiet = false

    @Option(name: .long, help: ArgumentHelp(
        "Skip (and report) files larger than this many bytes. Default: maxFileSize of the configuration, else \(LoadOptions().maxFileSize).",
        valueName: "bytes"
    ))
    var maxFileSize: Int?

    @Flag(name: .long, help: "Text report: also list the findings that suppressions accepted, with their reasons.")
    var showSuppressed = false

    @Flag(name: .long, help: ArgumentHelp(
        "Text report on standard output: print every finding. By default a message repeated more than \(LintRequest.repeatLimit) times is printed that often, then counted.",
        discussion: "Report files (--report text=FILE) always hold every finding."
    ))
    var allFindings = false

    @Flag(name: .long, help: ArgumentHelp(
        "The paths are changed files (as pre-commit passes them): lint the whole tree they belong to and report only what concerns them.",
        discussion: "The tree is --tree, else paths of the configuration, else k8s. Changed files outside it are not linted."
    ))
    var changedFiles = false

    @Flag(name: .long, help: ArgumentHelp(
        "Lint what the commit being made contains (read from git, deletions and renames included) and report what concerns the files it changes and what it breaks elsewhere.",
        discussion: "The pre-commit hook. The tree is the paths given (or --tree), else paths of the configuration, else k8s."
    ))
    var staged = false

    @Option(
        name: .long,
        help: ArgumentHelp("With --changed-files or --staged: the tree to lint (repeatable).", valueName: "path"),
        completion: .directory
    )
    var tree: [String] = []

    @Option(
        name: .customLong("kube-version"),
        help: ArgumentHelp(
            "Kubernetes release to check against (e.g. 1.13), from \(KubernetesVersion.knownReleases.lowerBound) to \(KubernetesVersion.knownReleases.upperBound). Default: \(KubernetesVersion.defaultTarget).",
            valueName: "X.Y"
        ),
        transform: LintCommand.parseKubernetesVersion
    )
    var kubeVersion: KubernetesVersion?

    @Option(name: .long, help: ArgumentHelp(
        "Which rules run: default (what breaks a deployment), recommended (+ reliability practice), security (+ pod security, host access, RBAC), all. Default: profile of the configuration, else default.",
        valueName: "profile"
    ))
    var profile: RuleProfile?

    @Option(name: .long, help: ArgumentHelp(
        "Read the configuration from this file. Default: .kubelint.yaml in the current directory or the nearest parent.",
        valueName: "file"
    ))
    var config: String?

    static func parseReport(_ argument: String) throws -> ReportDestination {
        guard let destination = ReportDestination(argument: argument) else {
            let formats = OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationError("--report wants FORMAT=PATH with FORMAT one of \(formats); got '\(argument)'")
        }
        return destination
    }

    /// `--kube-version 1.13` (also `v1.13`, `1.13.11-gke.14`), within the known releases.
    static func parseKubernetesVersion(_ argument: String) throws -> KubernetesVersion {
        // ArgumentParser says which value of which option before the message.
        guard let version = KubernetesVersion(parsing: argument) else {
            throw ValidationError("write \(KubernetesVersion.expectedFormat)")
        }
        if let problem = version.unknownReleaseProblem { throw ValidationError(problem) }
        return version
    }

    func validate() throws {
        if staged && changedFiles {
            throw ValidationError("--staged reads the change from git; --changed-files takes it as paths: use one")
        }
        if !tree.isEmpty, !changedFiles, !staged {
            throw ValidationError("--tree is for --changed-files and --staged; to lint a tree, pass it as a path")
        }
        if let maxFileSize, maxFileSize <= 0 {
            throw ValidationError("--max-file-size must be a positive number of bytes")
        }
        var paths = Set<String>()
        for path in report.map(\.path) + (output.map { [$0] } ?? []) where !paths.insert(path).inserted {
            throw ValidationError("two reports would be written to \(path)")
        }
    }

    func run() throws {
        var request = LintRequest(
            paths: changedFiles ? tree : tree + paths,
            format: format,
            outputPath: output,
            configurationSource: config.map { .file($0) } ?? .discover(startingAt: "."),
            kubernetesVersion: kubeVersion
        )
        request.maxFileSize = maxFileSize
        request.showSuppressed = showSuppressed
        request.allFindings = allFindings
        request.changedFiles = changedFiles ? paths : nil
        request.staged = staged
        request.reports = report
        request.failOn = failOn
        request.color = color
        request.quiet = quiet
        request.profile = profile
        let status = LintSession.run(request, streams: ProcessStreams.streams)
        throw ExitCode(status.rawValue)
    }
}

/// `--profile recommended`; completion offers every profile.
extension RuleProfile: ExpressibleByArgument {}

/// `--format json`.
extension OutputFormat: ExpressibleByArgument {}

/// `--color never`.
extension ColorChoice: ExpressibleByArgument {}

/// `--fail-on warning`: the values from the most severe down, as help lists them.
extension FailureSeverity: ExpressibleByArgument {
    package static var allValueStrings: [String] { allCases.reversed().map(\.rawValue) }
}
