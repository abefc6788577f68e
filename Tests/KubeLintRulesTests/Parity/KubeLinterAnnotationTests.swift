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

/// kube-linter's `ignore-check.kube-linter.io/<check>` and `kube-linter.io/ignore-all`
/// annotations silence the kubelint rules of the same meaning.
@Suite("kube-linter annotations")
struct KubeLinterAnnotationTests {
    static func lint(_ manifest: String, profile: RuleProfile = .all) -> LintResult {
        var configuration = LintConfiguration()
        configuration.profile = profile
        return Linter(configuration: configuration).lint(Loader.load([.bytes(name: "pod.yaml", Array(manifest.utf8))]))
    }

    static func pod(annotations: String) -> String {
        """
        apiVersion: v1
        kind: Pod
        metadata:
          name: agent
          namespace: tools
          annotations:
        \(annotations)
        spec:
          hostNetwork: true
          serviceAccountName: agent
          automountServiceAccountToken: false
          containers:
          - name: agent
            image: agent:1.0
            securityContext:
              privileged: true
        """
    }

    @Test func aCheckAnnotationSuppressesTheEquivalentRuleWithItsReason() throws {
        let result = Self.lint(Self.pod(annotations: """
                ignore-check.kube-linter.io/privileged-container: "the agent loads a kernel module"
                ignore-check.kube-linter.io/host-network: ""
            """))
        let suppressed = result.suppressed.map { "\($0.finding.ruleID) \($0.suppression.label): \($0.suppression.reason)" }
        #expect(suppressed == [
            "host-network annotation ignore-check.kube-linter.io/host-network: (no reason given in the kube-linter annotation)",
            "privileged-container annotation ignore-check.kube-linter.io/privileged-container: the agent loads a kernel module",
        ])
        #expect(!result.findings.contains { $0.ruleID == "privileged-container" || $0.ruleID == "host-network" })
        // Rules the annotations do not name still report.
        #expect(result.findings.contains { $0.ruleID == "run-as-root" })
    }

    @Test func ignoreAllCoversTheRulesWithAKubeLinterEquivalentOnly() {
        let result = Self.lint(Self.pod(annotations: """
                kube-linter.io/ignore-all: "vendored agent, reviewed by the platform team"
            """))
        // What is left are the rules with a kube-score equivalent only.
        let left = Set(result.findings.map(\.ruleID))
        #expect(left == ["user-group-id-low", "seccomp-profile-missing", "ephemeral-storage-unset", "image-pull-policy-not-always"])
        #expect(result.suppressed.contains { $0.finding.ruleID == "privileged-container" })
    }

    @Test func annotationsThatAcceptNothingAreNotReported() {
        // kube-linter may still read them; and a check kubelint has no rule for is kube-linter's.
        let result = Self.lint(Self.pod(annotations: """
                ignore-check.kube-linter.io/no-liveness-probe: "a batch agent"
                ignore-check.kube-linter.io/sorted-keys: "generated"
                ignore-check.kube-linter.io/privileged-container: "kernel module"
            """), profile: .default)
        #expect(!result.findings.contains { $0.ruleID == "unused-suppression" || $0.ruleID == "suppression-invalid" })
    }

    @Test func oneCheckMayStandForSeveralRules() {
        #expect(KubeLinterAnnotations.Rules(LintCatalog.builtIn.descriptions).byCheck["env-value-from"] == ["configmap-key-missing", "configmap-missing", "secret-key-missing", "secret-missing"])
        #expect(KubeLinterAnnotations.Rules(LintCatalog.builtIn.descriptions).byCheck["liveness-port"] == ["probe-port-missing", "probe-port-undeclared"])
    }
}
