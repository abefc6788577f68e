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

            Settings and team contracts come from .kubelint.yaml, found from the current \
            directory upward, or from --config.

            Exit status: 0 when there are no errors, 1 when there are, 2 on a usage error, a \
            file that could not be read or parsed, or an invalid configuration or contract \
            (everything else is still checked).
            """
    )

    @Argument(help: ArgumentHelp("Files or directories to check; - reads standard input. Default: k8s", valueName: "path"))
    var paths: [String] = []

    @Option(name: .long, help: "Output format.")
    var format: Format = .text

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the report to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp(
        "Read the configuration from this file. Default: .kubelint.yaml in the current directory or the nearest parent.",
        valueName: "file"
    ))
    var config: String?

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    func run() throws {
        let request = LintRequest(
            paths: paths,
            format: OutputFormat(rawValue: format.rawValue) ?? .text,
            outputPath: output,
            configurationSource: config.map { .file($0) } ?? .discover(startingAt: ".")
        )
        let status = LintSession.run(request, streams: ProcessStreams.streams)
        throw ExitCode(status.rawValue)
    }
}
