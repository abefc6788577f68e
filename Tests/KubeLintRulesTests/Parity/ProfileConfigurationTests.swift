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

/// `profile:` in .kubelint.yaml, and per-rule settings winning over it.
@Suite("Profiles in the configuration")
struct ProfileConfigurationTests {
    @Test func aProfileChoosesTheRulesAndRuleSettingsWin() {
        let parsed = ConfigurationParser.parse("""
            profile: recommended
            rules:
              resources-unset: {enabled: false}
              host-network: {severity: error}
              privileged-container: {enabled: true}
            """, file: ".kubelint.yaml")
        #expect(parsed.configuration.problems.isEmpty, "\(parsed.configuration.problems)")
        let configuration = parsed.configuration
        #expect(configuration.profile == .recommended)
        #expect(configuration.isEnabled(rule("liveness-probe-missing")))
        #expect(configuration.isEnabled(rule("service-selector-no-match")))
        #expect(!configuration.isEnabled(rule("resources-unset")))
        #expect(configuration.isEnabled(rule("host-network")), "a severity switches a rule on")
        #expect(configuration.isEnabled(rule("privileged-container")))
        #expect(!configuration.isEnabled(rule("run-as-root")), "security rules are not in recommended")
        #expect(!configuration.isEnabled(rule("node-affinity-missing")), "optional rules are in all only")
    }

    @Test func theDefaultProfileRunsNoPracticeOrSecurityRule() {
        let configuration = LintConfiguration()
        #expect(configuration.profile == .default)
        #expect(configuration.isEnabled(rule("pod-security-enforce")))
        #expect(!configuration.isEnabled(rule("liveness-probe-missing")))
        #expect(!configuration.isEnabled(rule("privileged-container")))
    }

    @Test func eachProfileIsASetOfCategories() {
        #expect(RuleProfile.allCases.map { $0.includes(.practice) } == [false, true, false, true])
        #expect(RuleProfile.allCases.map { $0.includes(.security) } == [false, false, true, true])
        #expect(RuleProfile.allCases.map { $0.includes(.optional) } == [false, false, false, true])
        #expect(RuleProfile.allCases.allSatisfy { $0.includes(.admission) && $0.includes(.references) })
    }

    @Test func anUnknownProfileIsReportedAtItsValue() {
        let parsed = ConfigurationParser.parse("profile: strict\n", file: ".kubelint.yaml")
        #expect(parsed.configuration.problems.map(\.message) == ["profile must be one of default, recommended, security, all, found 'strict'"])
        #expect(parsed.configuration.problems.map { "\($0.mark.line):\($0.mark.column)" } == ["1:10"])
        #expect(parsed.configuration.profile == .default)
    }
}

/// The description of a built-in rule, by id.
private func rule(_ id: String) -> RuleDescription {
    guard let description = LintCatalog.builtIn.descriptions.first(where: { $0.id == id }) else {
        preconditionFailure("no rule \(id)")
    }
    return description
}
