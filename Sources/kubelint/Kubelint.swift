import ArgumentParser
import KubeLintDriver

@main
struct Kubelint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kubelint",
        abstract: "Check Kubernetes manifests for what would break a cluster, before they reach one.",
        discussion: """
            With no subcommand, kubelint runs `lint`: `kubelint k8s/` is `kubelint lint k8s/`.
            """,
        version: KubeLintVersion.current,
        subcommands: [LintCommand.self],
        defaultSubcommand: LintCommand.self
    )

    /// ArgumentParser exits 64 on usage errors; kubelint's contract is 2.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let code as ExitCode {
            Self.exit(withError: code)
        } catch {
            // --help and --version arrive here as "errors" with a success status.
            guard exitCode(for: error) == .success else {
                ProcessStreams.writeAll(2, fullMessage(for: error) + "\n")
                Self.exit(withError: ExitCode(ExitStatus.inputError.rawValue))
            }
            Self.exit(withError: error)
        }
    }
}
