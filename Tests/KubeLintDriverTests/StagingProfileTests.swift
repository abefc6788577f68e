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

/// What each profile says about the reference staging tree, for its cluster (1.13), with the
/// repository's configuration and so the staging contract.
@Suite("The staging tree under each profile")
struct StagingProfileTests {
    static func findings(_ profile: RuleProfile) -> [String: Int] {
        var request = LintRequest(
            paths: [repositoryRoot + "/fixtures/staging/k8s"],
            configurationSource: .file(repositoryRoot + "/.kubelint.yaml"),
            kubernetesVersion: KubernetesVersion(major: 1, minor: 13)
        )
        request.profile = profile
        var counts: [String: Int] = [:]
        for finding in LintSession.lint(request).findings { counts[finding.ruleID, default: 0] += 1 }
        return counts
    }

    @Test func theDefaultProfileStaysClean() {
        #expect(Self.findings(.default).isEmpty)
    }

    @Test func recommendedAdvisesButNotAgainstTheContract() {
        // broker and rdms are single by contract (and broker's claim is ReadWriteOnce): no replicas
        // advice for them; monitor alone runs one replica behind a Service with nothing to say why.
        #expect(Self.findings(.recommended) == [
            "image-tag-unpinned": 5, "liveness-probe-missing": 7, "readiness-probe-missing": 6,
            "replicas-minimum": 1, "resources-unset": 7,
        ])
    }

    @Test func securityReportsPodSecurityAndNotTheContractsNodePort() {
        // web's NodePort Service is the guide's choice, stated in the contract: not reported.
        #expect(Self.findings(.security) == [
            "default-namespace": 24, "default-service-account": 7, "net-raw-not-dropped": 7, "network-policy-missing": 7,
            "read-only-root-fs-missing": 7, "run-as-root": 7, "seccomp-profile-missing": 7, "user-group-id-low": 7,
        ])
    }

    @Test func allIsBothAndTheOptionalRules() {
        var expected = Self.findings(.recommended).merging(Self.findings(.security)) { $0 + $1 }
        expected.merge(["ephemeral-storage-unset": 7, "image-pull-policy-not-always": 2, "node-affinity-missing": 7]) { $0 + $1 }
        #expect(Self.findings(.all) == expected)
    }
}
