import ArgumentParser
import KubeLintDriver

struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check manifests (the default command).",
        discussion: """
            Reads YAML manifests (files, directories searched recursively for .yaml/.yml, or - \
            for standard input), checks each object and the references between them, and prints \
            findings as path:line:column lines.

            Exit status: 0 when there are no errors, 1 when there are, 2 on a usage error or a \
            file that could not be read or parsed (everything else is still checked).
            """
    )

    @Argument(help: ArgumentHelp("Files or directories to check; - reads standard input. Default: k8s", valueName: "path"))
    var paths: [String] = []

    @Option(name: .long, help: "Output format.")
    var format: Format = .text

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the report to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Option(
        name: .customLong("kube-version"),
        help: ArgumentHelp(
            "Kubernetes release to check against (e.g. 1.13). Default: \(KubernetesVersion.defaultTarget).",
            valueName: "X.Y"
        )
    )
    var kubeVersion: KubernetesVersion?

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    func run() throws {
        let request = LintRequest(
            paths: paths,
            format: OutputFormat(rawValue: format.rawValue) ?? .text,
            outputPath: output,
            kubernetesVersion: kubeVersion
        )
        let status = LintSession.run(request, streams: ProcessStreams.streams)
        throw ExitCode(status.rawValue)
    }
}

/// `--kube-version 1.13` (also `v1.13`, `1.13.11-gke.14`).
extension KubernetesVersion: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(parsing: argument)
    }
}
