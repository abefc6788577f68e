import KubeLintModel
import Foundation
import Testing
import KubeLintReport
import KubeLintEngine
@testable import KubeLintDriver

/// The repository root, found from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

/// A fixture case: `fixtures/cases/<name>/k8s/` and an `expected.txt` listing the exit status
/// (`exit N`) and every finding as `<rule-id> <path>:<line>:<column>`, paths relative to the case,
/// then every suppressed finding as `suppressed <rule-id> <path>:<line>:<column>`. A finding's line
/// may go on with ` = ` and the finding's full message, which is then compared too.
/// A case may carry its own configuration as `kubelint.yaml` (contracts, externals, rule
/// settings); without one it runs with the defaults, never with a discovered file.
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

    /// The case's own configuration file, if it has one.
    var configurationFile: String? {
        let path = directory + "/kubelint.yaml"
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    func report() -> Report {
        let source: ConfigurationSource = configurationFile.map { .file($0) } ?? .none
        return LintSession.lint(LintRequest(paths: [directory + "/k8s"], configurationSource: source))
    }

    /// The findings as `expected.txt` lists them; with the message where the expected line at
    /// the same place gives one.
    func run(messagesAsIn expected: [String] = []) -> (status: KubeLintDriver.ExitStatus, findings: [String]) {
        let report = report()
        let prefix = directory + "/"
        func line(_ finding: Finding) -> String {
            let file = finding.location.file.hasPrefix(prefix) ? String(finding.location.file.dropFirst(prefix.count)) : finding.location.file
            return "\(finding.ruleID) \(file):\(finding.location.line):\(finding.location.column)"
        }
        let findings = report.findings.enumerated().map { position, finding in
            let wantsMessage = position < expected.count && expected[position].contains(Self.messageSeparator)
            return line(finding) + (wantsMessage ? Self.messageSeparator + finding.message : "")
        }
        return (KubeLintDriver.ExitStatus.of(report.result), findings + report.result.suppressed.map { "suppressed " + line($0.finding) })
    }

    static let messageSeparator = " = "
}

@Suite("Fixture trees report exactly their expected findings")
struct FixtureCaseTests {
    @Test(arguments: FixtureCase.all())
    func fixtureCase(_ fixture: FixtureCase) throws {
        let expected = try fixture.expectation()
        let actual = fixture.run(messagesAsIn: expected.findings)
        #expect(actual.findings == expected.findings)
        #expect(actual.status.rawValue == (expected.exitStatus ?? 1))
    }

    @Test func thereAreFixtureCases() {
        #expect(FixtureCase.all().count >= 2)
    }

    @Test("every cross-resource, workload, contract, admission, practice and security rule has a broken fixture")
    func everyRuleHasAFixture() throws {
        var covered: Set<String> = []
        for fixture in FixtureCase.all() {
            for line in try fixture.expectation().findings {
                if let id = line.split(separator: " ").first { covered.insert(String(id)) }
            }
        }
        let categories: Set<RuleCategory> = [.references, .workloads, .contracts, .suppressions, .admission, .practice, .security, .optional]
        let required = LintCatalog.builtIn.descriptions.filter { categories.contains($0.category) }.map(\.id)
            + ["config-invalid", "contract-invalid", "no-objects"]
        let uncovered = required.filter { !covered.contains($0) }
        #expect(uncovered.isEmpty, "rules without a fixture case: \(uncovered)")
    }

    @Test("trees written by other tools raise no false alarms")
    func realWorldTreesAreClean() throws {
        let realWorld = FixtureCase.all().filter { $0.name.contains("realworld") }
        #expect(realWorld.count >= 3)
        for fixture in realWorld {
            let report = fixture.report()
            // Only information may appear: custom kinds whose CRD is not in the tree.
            let alarms = report.findings.filter { $0.severity > .info }
            #expect(alarms.isEmpty, "\(fixture.name): \(alarms.map { "\($0.ruleID) \($0.location)" })")
            #expect(KubeLintDriver.ExitStatus.of(report.result) == .clean)
        }
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
