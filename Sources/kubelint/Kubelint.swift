import ArgumentParser
import KubeLintDriver
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@main
struct Kubelint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kubelint",
        abstract: "Check Kubernetes manifests for what would break a cluster, before they reach one.",
        discussion: """
            With no subcommand, kubelint runs `lint`: `kubelint k8s/` is `kubelint lint k8s/`.
            """,
        version: KubeLintVersion.current,
        subcommands: [LintCommand.self, FixCommand.self, PlanCommand.self, GraphCommand.self, RulesCommand.self, ExplainCommand.self],
        defaultSubcommand: LintCommand.self
    )

    /// ArgumentParser exits 64 on usage errors; kubelint's contract is 2.
    static func main() {
        // A reader that went away (`kubelint | head`, `--report json=>(true)`) must be a write
        // error kubelint reports with exit status 2, not a signal that kills it silently.
        signal(SIGPIPE, SIG_IGN)
        if showsLintHelp(for: Array(CommandLine.arguments.dropFirst())) {
            ProcessStreams.writeAll(1, helpMessage(for: LintCommand.self) + "\n")
            Self.exit()
        }
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

    /// `kubelint --help` shows the default command's help (how to lint, every option, the
    /// other commands) rather than ArgumentParser's bare list of subcommands: it is the first
    /// thing a new user runs.
    static func showsLintHelp(for arguments: [String]) -> Bool {
        arguments.count == 1 && ["--help", "-h", "-help", "help"].contains(arguments[0])
    }
}
