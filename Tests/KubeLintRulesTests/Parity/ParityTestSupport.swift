import Foundation
import Testing
import KubeLintModel
@testable import KubeLintRules

/// The findings of one rule over a tree written in the test (file name → YAML), with the rule
/// switched on whatever its profile.
func findings(
    of ruleID: String, in files: [String: String], version: KubernetesVersion? = nil, configuration text: String? = nil
) -> [Finding] {
    var configuration = text.map { ConfigurationParser.parse($0, file: ".kubelint.yaml").configuration } ?? LintConfiguration()
    if let version { configuration.kubernetesVersion = version }
    configuration.enabledRules.insert(ruleID)
    let inputs = files.sorted { $0.key < $1.key }.map { Loader.Input.bytes(name: $0.key, Array($0.value.utf8)) }
    let rules = RuleRegistry.makeAll().filter { $0.id == ruleID }
    return Linter(rules: rules, configuration: configuration).lint(Loader.load(inputs)).findings
}

/// `file:line:column message` of each finding, for tests that pin messages with their places.
func placedMessages(_ findings: [Finding]) -> [String] {
    findings.map { "\($0.location) \($0.message)" }
}

/// The messages a rule's triggering examples produce, in order.
func exampleMessages(_ ruleID: String) -> [String] {
    guard let rule = RuleRegistry.ruleTypes.first(where: { $0.description.id == ruleID }) else { return ["no rule \(ruleID)"] }
    return rule.description.triggeringExamples.flatMap { runExample($0, rule: rule).findings.map(\.message) }
}

/// Prints every new rule's example messages when KUBELINT_PRINT_MESSAGES is set, to review
/// them before pinning them below.
@Test func printExampleMessages() {
    guard let wanted = ProcessInfo.processInfo.environment["KUBELINT_PRINT_MESSAGES"] else { return }
    for id in RuleRegistry.descriptions.map(\.id) where wanted == "*" || wanted.split(separator: ",").contains(Substring(id)) {
        print("RULE \(id)")
        for message in exampleMessages(id) { print("  \(message)") }
    }
}
