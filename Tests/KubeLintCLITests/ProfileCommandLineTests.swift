import Foundation
import Testing

/// `--profile`, `kubelint rules --format json` and the profile and equivalents in `explain`.
@Suite("Profiles and peer equivalents on the command line")
struct ProfileCommandLineTests {
    @Test func aProfileAddsItsRulesToTheRun() throws {
        let plain = try Kubelint.run(["--kube-version", "1.13", "fixtures/staging/k8s", "--color", "never"])
        #expect(plain.status == 0)
        #expect(!plain.output.contains("[replicas-minimum]"))
        let recommended = try Kubelint.run(["--profile", "recommended", "--kube-version", "1.13", "fixtures/staging/k8s", "--color", "never"])
        #expect(recommended.status == 0, "warnings do not fail the run")
        #expect(recommended.output.contains(
            "fixtures/staging/k8s/deployments/monitor-deployment.yaml:12:13: warning: Deployment monitor runs 1 replica behind a Service; any rollout, drain or crash takes the Service down [replicas-minimum]"
        ))
        #expect(recommended.output.contains("19 warnings"))
    }

    @Test func anUnknownProfileIsAUsageError() throws {
        let outcome = try Kubelint.run(["--profile", "strict", "fixtures/staging/k8s"])
        #expect(outcome.status == 2)
        #expect(outcome.error.contains("default"), "\(outcome.error)")
    }

    @Test func helpNamesTheProfiles() throws {
        let outcome = try Kubelint.run(["--help"])
        #expect(outcome.output.contains("--profile <profile>"))
    }

    @Test func rulesAsJSONCarryProfilesAndEquivalents() throws {
        let outcome = try Kubelint.run(["rules", "--format", "json"])
        #expect(outcome.status == 0)
        let catalogue = try #require(try JSONSerialization.jsonObject(with: Data(outcome.output.utf8)) as? [String: Any])
        #expect(catalogue["version"] as? Int == 1)
        let rules = try #require(catalogue["rules"] as? [[String: Any]])
        let liveness = try #require(rules.first { $0["id"] as? String == "liveness-probe-missing" })
        #expect(liveness["profile"] as? String == "recommended")
        #expect(liveness["equivalents"] as? [String] == ["kube-linter:no-liveness-probe", "kube-score:pod-probes"])
        let dangling = try #require(rules.first { $0["id"] as? String == "service-selector-no-match" })
        #expect(dangling["profile"] as? String == "default")
        #expect(dangling["equivalents"] as? [String] == ["kube-linter:dangling-service", "kube-score:service-targets-pod"])
        let notApplicable = try #require(catalogue["notApplicable"] as? [[String: String]])
        #expect(notApplicable.map { $0["check"] } == [
            "kube-linter:dnsconfig-options", "kube-linter:priority-class-name", "kube-linter:required-annotation-email",
            "kube-linter:required-label-owner", "kube-linter:sorted-keys",
        ])
    }

    @Test func explainShowsProfilesAndEquivalents() throws {
        let outcome = try Kubelint.run(["explain", "readiness-probe-missing"])
        #expect(outcome.status == 0)
        #expect(outcome.output.contains("\nProfiles: recommended, all\n"))
        #expect(outcome.output.contains("\nEquivalents:\n  kube-linter:no-readiness-probe, kube-score:pod-probes\n"))
    }

    @Test func markdownAndAnotherFormatConflict() throws {
        let outcome = try Kubelint.run(["rules", "--markdown", "--format", "json"])
        #expect(outcome.status == 2)
    }
}
