import Foundation
import Testing
import KubeLintRules
@testable import KubeLintDriver

/// The repository root, found from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

/// A fixture case: `fixtures/cases/<name>/k8s/` and an `expected.txt` listing the exit status
/// (`exit N`) and every finding as `<rule-id> <path>:<line>:<column>`, paths relative to the case.
struct FixtureCase: CustomTestStringConvertible, Sendable {
    var name: String
    var directory: String { repositoryRoot + "/fixtures/cases/" + name }
    var testDescription: String { name }

    static func all() -> [FixtureCase] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: repositoryRoot + "/fixtures/cases")) ?? []
        return names.sorted().map(FixtureCase.init)
    }

    struct Expectation: Equatable {
        var exitStatus: Int32?
        var findings: [String]
    }

    func expectation() throws -> Expectation {
        let text = try String(contentsOfFile: directory + "/expected.txt", encoding: .utf8)
        var result = Expectation(exitStatus: nil, findings: [])
        for line in text.split(separator: "\n").map({ $0.trimmingCharacters(in: .whitespaces) }) where !line.isEmpty && !line.hasPrefix("#") {
            if line.hasPrefix("exit ") {
                result.exitStatus = Int32(line.dropFirst(5))
            } else {
                result.findings.append(line)
            }
        }
        return result
    }

    func run() -> (status: KubeLintDriver.ExitStatus, findings: [String]) {
        let report = LintSession.lint(LintRequest(paths: [directory + "/k8s"]))
        let prefix = directory + "/"
        let findings = report.findings.map { finding in
            let file = finding.location.file.hasPrefix(prefix) ? String(finding.location.file.dropFirst(prefix.count)) : finding.location.file
            return "\(finding.ruleID) \(file):\(finding.location.line):\(finding.location.column)"
        }
        return (KubeLintDriver.ExitStatus.of(report.result), findings)
    }
}

@Suite("Fixture trees report exactly their expected findings")
struct FixtureCaseTests {
    @Test(arguments: FixtureCase.all())
    func fixtureCase(_ fixture: FixtureCase) throws {
        let expected = try fixture.expectation()
        let actual = fixture.run()
        #expect(actual.findings == expected.findings)
        #expect(actual.status.rawValue == (expected.exitStatus ?? 1))
    }

    @Test func thereAreFixtureCases() {
        #expect(FixtureCase.all().count >= 2)
    }

    /// At the default Kubernetes version the staging tree has one real finding, documented in
    /// the README: its Ingress uses extensions/v1beta1, removed in 1.22.
    @Test func stagingTreeReportsOnlyItsLegacyIngress() {
        let report = LintSession.lint(LintRequest(paths: [repositoryRoot + "/fixtures/staging/k8s"]))
        let findings = report.findings.map { "\($0.ruleID) \($0.location.file.dropFirst(repositoryRoot.count + 1)):\($0.location.line):\($0.location.column)" }
        #expect(findings == ["api-version-removed fixtures/staging/k8s/ingresscontroller/ingress-controller.yaml:1:13"])
        #expect(report.findings.first?.message.contains("networking.k8s.io/v1") == true)
        #expect(report.findings.first?.message.contains("service.name") == true)
        #expect(report.result.fileCount == 24)
        #expect(report.result.resourceCount == 24)
    }

    /// The deployment guide's cluster (GKE 1.13) serves every apiVersion of the staging tree.
    @Test func stagingTreeIsCleanForKubernetes113() throws {
        let version = try #require(KubernetesVersion(parsing: "1.13.11-gke.14"))
        let viaRequest = LintSession.lint(LintRequest(paths: [repositoryRoot + "/fixtures/staging/k8s"], kubernetesVersion: version))
        #expect(viaRequest.findings.isEmpty, "\(viaRequest.findings.map(\.message))")
        #expect(ExitStatus.of(viaRequest.result) == .clean)
        let viaConfiguration = LintSession.lint(LintRequest(
            paths: [repositoryRoot + "/fixtures/staging/k8s"],
            configuration: LintConfiguration(kubernetesVersion: version)
        ))
        #expect(viaConfiguration.findings.isEmpty, "\(viaConfiguration.findings.map(\.message))")
    }
}
