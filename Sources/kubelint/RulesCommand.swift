import ArgumentParser
import KubeLintDriver

extension RuleCatalog.ListingFormat: ExpressibleByArgument {}

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List every rule: id, severity, category, profile and summary.",
        discussion: "`kubelint explain RULE` shows why a rule exists, how to fix what it reports, and examples."
    )

    @Flag(name: .long, help: "Print the rule reference as Markdown (the source of docs/rules.md); the same as --format markdown.")
    var markdown = false

    @Option(name: .long, help: ArgumentHelp(
        "text: a table; markdown: the rule reference; json: every rule with its profile and its kube-linter and kube-score equivalents.",
        valueName: "format"
    ))
    var format: RuleCatalog.ListingFormat = .text

    func validate() throws {
        if markdown, format != .text, format != .markdown {
            throw ValidationError("--markdown and --format \(format.rawValue) ask for two formats")
        }
    }

    func run() throws {
        ProcessStreams.writeAll(1, RuleCatalog.listing(format: markdown ? .markdown : format))
    }
}
