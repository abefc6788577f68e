import ArgumentParser
import KubeLintDriver
import KubeLintModel

/// What `plan` and `graph` read: the tree and its configuration, as `lint` reads them.
struct StackOptions: ParsableArguments {
    @Argument(
        help: ArgumentHelp("Files or directories to read; - reads standard input. Default: paths of the configuration, else k8s", valueName: "path"),
        completion: .file()
    )
    var paths: [String] = []

    @Option(
        name: .customLong("kube-version"),
        help: ArgumentHelp("Kubernetes release the tree is for (as for lint). Default: \(KubernetesVersion.defaultTarget).", valueName: "X.Y"),
        transform: LintCommand.parseKubernetesVersion
    )
    var kubeVersion: KubernetesVersion?

    @Option(name: .long, help: ArgumentHelp(
        "Read the configuration from this file. Default: .kubelint.yaml in the current directory or the nearest parent.",
        valueName: "file"
    ))
    var config: String?

    func run(_ output: StackOutput) throws {
        let request = LintRequest(
            paths: paths,
            configurationSource: config.map { .file($0) } ?? .discover(startingAt: "."),
            kubernetesVersion: kubeVersion
        )
        throw ExitCode(StackSession.run(request, output: output, streams: ProcessStreams.streams).rawValue)
    }
}

extension PlanFormat: ExpressibleByArgument {}
extension GraphFormat: ExpressibleByArgument {}
