import Foundation
import Testing
import KubeLintModel
@testable import KubeLintEngine
@testable import KubeLintSchema
@testable import KubeLintTreeFacts
@testable import KubeLintContracts
@testable import KubeLintFileRules
@testable import KubeLintSchemaRules
@testable import KubeLintReferenceRules
@testable import KubeLintSecurityRules
@testable import KubeLintPracticeRules
@testable import KubeLintDriver

/// The findings of one rule over a tree written in the test (file name → YAML), with the rule
/// switched on whatever its profile.
func findings(
    of ruleID: String, in files: [String: String], version: KubernetesVersion? = nil, configuration text: String? = nil
) -> [Finding] {
    var configuration = text.map { ConfigurationParser.parse($0, file: ".kubelint.yaml").configuration } ?? LintConfiguration()
    if let version { configuration.kubernetesVersion = version }
    configuration.enabledRules.insert(ruleID)
    let inputs = files.sorted { $0.key < $1.key }.map { Loader.Input.bytes(name: $0.key, Array($0.value.utf8)) }
    let catalog = LintCatalog.builtIn.keeping(LintCatalog.builtIn.ruleTypes.filter { $0.description.id == ruleID })
    return Linter(catalog: catalog, configuration: configuration).lint(Loader.load(inputs)).findings
}

/// `file:line:column message` of each finding, for tests that pin messages with their places.
func placedMessages(_ findings: [Finding]) -> [String] {
    findings.map { "\($0.location) \($0.message)" }
}

/// The messages a rule's triggering examples produce, in order.
func exampleMessages(_ ruleID: String) -> [String] {
    guard let rule = LintCatalog.builtIn.ruleTypes.first(where: { $0.description.id == ruleID }) else { return ["no rule \(ruleID)"] }
    return rule.description.triggeringExamples.flatMap { runExample($0, rule: rule).findings.map(\.message) }
}

/// Prints every new rule's example messages when KUBELINT_PRINT_MESSAGES is set, to review
/// them before pinning them below.
@Test func printExampleMessages() {
    guard let wanted = ProcessInfo.processInfo.environment["KUBELINT_PRINT_MESSAGES"] else { return }
    for id in LintCatalog.builtIn.descriptions.map(\.id) where wanted == "*" || wanted.split(separator: ",").contains(Substring(id)) {
        print("RULE \(id)")
        for message in exampleMessages(id) { print("  \(message)") }
    }
}
