import Foundation
import PackagePlugin

/// Lists the rules of a rule module at build time (`RuleList.ruleTypes`), so that a rule is one
/// file: scripts/rule-list.sh finds every type of the module's sources that conforms to a rule
/// protocol. The list is rebuilt whenever a source file of the module changes.
@main
struct RuleList: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let sources = target.sourceFiles(withSuffix: "swift").map(\.url)
        let script = context.package.directoryURL.appending(path: "scripts/rule-list.sh")
        let output = context.pluginWorkDirectoryURL.appending(path: "RuleList.swift")
        return [
            .buildCommand(
                displayName: "Listing the rules of \(target.name)",
                executable: URL(fileURLWithPath: "/bin/sh"),
                arguments: [script.path(), output.path()] + sources.map { $0.path() },
                inputFiles: [script] + sources,
                outputFiles: [output]
            ),
        ]
    }
}
