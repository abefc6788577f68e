import ArgumentParser
import KubeLintDriver

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain a rule: why it exists, how to fix what it reports, and examples."
    )

    @Argument(
        help: ArgumentHelp("A rule id, as printed in brackets after each finding.", valueName: "rule"),
        completion: .list(RuleCatalog.ruleIDs)
    )
    var rule: String

    func run() throws {
        do {
            ProcessStreams.writeAll(1, try RuleCatalog.explanation(of: rule))
        } catch {
            ProcessStreams.writeAll(2, "kubelint: \(error)\n")
            throw ExitCode(ExitStatus.inputError.rawValue)
        }
    }
}
