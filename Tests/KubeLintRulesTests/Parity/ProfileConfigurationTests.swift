import Testing
import KubeLintModel
@testable import KubeLintRules

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
        #expect(configuration.isEnabled("liveness-probe-missing"))
        #expect(configuration.isEnabled("service-selector-no-match"))
        #expect(!configuration.isEnabled("resources-unset"))
        #expect(configuration.isEnabled("host-network"), "a severity switches a rule on")
        #expect(configuration.isEnabled("privileged-container"))
        #expect(!configuration.isEnabled("run-as-root"), "security rules are not in recommended")
        #expect(!configuration.isEnabled("node-affinity-missing"), "optional rules are in all only")
    }

    @Test func theDefaultProfileRunsNoPracticeOrSecurityRule() {
        let configuration = LintConfiguration()
        #expect(configuration.profile == .default)
        #expect(configuration.isEnabled("pod-security-enforce"))
        #expect(!configuration.isEnabled("liveness-probe-missing"))
        #expect(!configuration.isEnabled("privileged-container"))
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
