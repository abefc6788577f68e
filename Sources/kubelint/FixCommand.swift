import ArgumentParser
import KubeLintDriver
import KubeLintModel

struct FixCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fix",
        abstract: "Apply the fixes that have exactly one safe, mechanical form, in place.",
        usage: "kubelint fix [<path> ...] [--dry-run] [--kube-version X.Y] [<options>]",
        discussion: """
            Fixes removed and deprecated apiVersions (moving to the apiVersion the target release \
            serves, with the field changes the move needs), values YAML reads as booleans, numbers \
            or null where a string is required (quoted as written), and tabs libyaml refuses \
            (replaced by spaces when every tab width reads the same). Only the keys, values and \
            lines that must change are edited: comments, key order, quoting, indentation, other \
            documents and line breaks stay. A finding whose fix is not safe is left, with a note \
            saying why. Running fix twice changes nothing the second time.

            Examples:
              kubelint fix --kube-version 1.37 k8s/   fix k8s/ for a 1.37 cluster
              kubelint fix --dry-run k8s/ > fix.diff  review the fixes as a diff first

            Exit status: 0 when no finding at or above --fail-on remains after fixing; 1 when \
            one does; 2 on a usage error, input that could not be read or parsed, or a file that \
            could not be written.
            """
    )

    @Argument(
        help: ArgumentHelp("Files or directories to fix. Default: paths of the configuration, else k8s", valueName: "path"),
        completion: .file()
    )
    var paths: [String] = []

    @Flag(name: .long, help: "Print a unified diff of the fixes on standard output and write nothing (the notes go to standard error).")
    var dryRun = false

    @Option(
        name: .customLong("kube-version"),
        help: ArgumentHelp(
            "Kubernetes release to fix for: apiVersions move only to versions it serves. Default: \(KubernetesVersion.defaultTarget).",
            valueName: "X.Y"
        ),
        transform: LintCommand.parseKubernetesVersion
    )
    var kubeVersion: KubernetesVersion?

    @Option(name: .long, help: ArgumentHelp(
        "Read the configuration from this file. Default: .kubelint.yaml in the current directory or the nearest parent.",
        valueName: "file"
    ))
    var config: String?

    @Option(name: .long, help: ArgumentHelp("Lowest severity of a remaining finding that makes the exit status 1.", valueName: "severity"))
    var failOn: FailureSeverity = .error

    @Option(name: .long, help: ArgumentHelp("Colours in the report: auto follows FORCE_COLOR, then NO_COLOR, then CLICOLOR_FORCE, else uses them on a terminal.", valueName: "when"))
    var color: ColorChoice = .auto

    @Flag(name: .shortAndLong, help: "After the fix lines, print only the finding lines of what remains (no code frames, no summary).")
    var quiet = false

    @Option(name: .long, help: ArgumentHelp(
        "Skip (and report) files larger than this many bytes. Default: maxFileSize of the configuration, else \(LoadOptions().maxFileSize).",
        valueName: "bytes"
    ))
    var maxFileSize: Int?

    func validate() throws {
        if let maxFileSize, maxFileSize <= 0 {
            throw ValidationError("--max-file-size must be a positive number of bytes")
        }
    }

    func run() throws {
        var lint = LintRequest(
            paths: paths,
            configurationSource: config.map { .file($0) } ?? .discover(startingAt: "."),
            kubernetesVersion: kubeVersion
        )
        lint.maxFileSize = maxFileSize
        lint.failOn = failOn
        lint.color = color
        lint.quiet = quiet
        let status = FixSession.run(FixRequest(lint: lint, dryRun: dryRun), streams: ProcessStreams.streams)
        throw ExitCode(status.rawValue)
    }
}
