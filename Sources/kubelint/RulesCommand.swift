import ArgumentParser
import KubeLintDriver

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List every rule: id, severity, category and summary.",
        discussion: "`kubelint explain RULE` shows why a rule exists, how to fix what it reports, and examples."
    )

    @Flag(name: .long, help: "Print the rule reference as Markdown (the source of docs/rules.md).")
    var markdown = false

    func run() throws {
        ProcessStreams.writeAll(1, RuleCatalog.listing(markdown: markdown))
    }
}
