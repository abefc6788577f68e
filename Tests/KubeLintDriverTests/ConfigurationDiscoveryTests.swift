import Foundation
import Testing
import KubeLintModel
import KubeLintContracts
import KubeLintEngine
@testable import KubeLintDriver

/// The repository's own `.kubelint.yaml` binds rules/staging.yaml to fixtures/staging/k8s only.
@Suite("Configuration discovery and contract scopes")
struct ConfigurationDiscoveryTests {
    let stagingTree = repositoryRoot + "/fixtures/staging/k8s"

    private func boundConfiguration(paths: [String], source: ConfigurationSource) -> LintConfiguration {
        let loaded = ConfigurationLoader.load(source, base: LintConfiguration())
        let tree = Loader.load(paths: paths)
        return ConfigurationLoader.bindContracts(loaded, inputs: paths, tree: tree)
    }

    @Test func discoveryWalksUpToTheNearestFile() throws {
        let found = try #require(ConfigurationLoader.locate(from: stagingTree))
        #expect(found == stagingTree + "/../../../.kubelint.yaml")
        #expect(LocalFiles.canonicalPath(found) == LocalFiles.canonicalPath(repositoryRoot + "/.kubelint.yaml"))
    }

    @Test func discoveryFindsNothingWhereThereIsNothing() throws {
        let directory = NSTemporaryDirectory() + "kubelint-discovery-\(getpid())"
        try FileManager.default.createDirectory(atPath: directory + "/a/b", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // /tmp has no .kubelint.yaml above it on any machine this runs on.
        #expect(ConfigurationLoader.locate(from: directory + "/a/b") == nil)
        try "defaultNamespace: staging\n".write(toFile: directory + "/a/.kubelint.yaml", atomically: true, encoding: .utf8)
        #expect(ConfigurationLoader.locate(from: directory + "/a/b") == directory + "/a/b/../.kubelint.yaml")
    }

    @Test func stagingTreeIsCleanUnderTheStagingContract() {
        let configuration = boundConfiguration(paths: [stagingTree], source: .discover(startingAt: repositoryRoot))
        #expect(configuration.problems.isEmpty, "\(configuration.problems)")
        #expect(configuration[ConfiguredContracts.self].contracts.count == 1)
        #expect(configuration[ConfiguredContracts.self].contracts.first?.contract.name.value == "staging")
        #expect(configuration[ConfiguredContracts.self].contracts.first?.files?.count == 24)
        // The staging tree is written for GKE 1.13; at later releases its Ingress is reported.
        let report = LintSession.lint(LintRequest(paths: [stagingTree], configurationSource: .discover(startingAt: repositoryRoot), kubernetesVersion: KubernetesVersion(major: 1, minor: 13)))
        #expect(report.findings.isEmpty, "\(report.findings.map { "\($0.location): \($0.message)" })")
    }

    @Test func otherTreesAreNotJudgedByTheStagingContract() {
        // This case breaks the staging contract, but outside the contract's scope.
        let caseTree = repositoryRoot + "/fixtures/cases/contract-storage/k8s"
        let configuration = boundConfiguration(paths: [caseTree], source: .discover(startingAt: repositoryRoot))
        #expect(configuration[ConfiguredContracts.self].contracts.isEmpty)
        let report = LintSession.lint(LintRequest(paths: [caseTree], configurationSource: .discover(startingAt: repositoryRoot), kubernetesVersion: KubernetesVersion(major: 1, minor: 13)))
        #expect(report.findings.isEmpty)
    }

    @Test func aContractAppliesOnlyWhenTheLintedPathsCoverItsScope() {
        let part = boundConfiguration(paths: [stagingTree + "/pvcs"], source: .discover(startingAt: repositoryRoot))
        #expect(part[ConfiguredContracts.self].contracts.isEmpty)
        let parent = boundConfiguration(paths: [repositoryRoot + "/fixtures"], source: .discover(startingAt: repositoryRoot))
        #expect(parent[ConfiguredContracts.self].contracts.count == 1)
        #expect(parent[ConfiguredContracts.self].contracts.first?.files?.count == 24)
    }

    @Test func anObjectDefinedOutsideTheContractsScopeIsNamedWhereItIs() throws {
        let directory = NSTemporaryDirectory() + "kubelint-outside-scope-\(getpid())-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory + "/k8s", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: directory + "/shared", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "contracts:\n- path: contract.yaml\n  scope: k8s\n".write(toFile: directory + "/.kubelint.yaml", atomically: true, encoding: .utf8)
        try "contract: app\nexpect:\n- kind: ConfigMap\n  objects:\n  - name: settings\n  - name: flags\n"
            .write(toFile: directory + "/contract.yaml", atomically: true, encoding: .utf8)
        try "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n".write(toFile: directory + "/k8s/settings.yaml", atomically: true, encoding: .utf8)
        try "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: flags\n".write(toFile: directory + "/shared/flags.yaml", atomically: true, encoding: .utf8)
        let request = LintRequest(paths: [directory + "/k8s", directory + "/shared"], configurationSource: .file(directory + "/.kubelint.yaml"))
        let findings = LintSession.lint(request).findings
        #expect(findings.map(\.message) == ["ConfigMap flags, expected by contract 'app', is defined outside the files the contract governs"])
        #expect(findings.first?.location.line == 6)
        #expect(findings.first?.related.map(\.location.file) == [directory + "/shared/flags.yaml"])
        // Without the other directory, the object is simply missing.
        let alone = LintSession.lint(LintRequest(paths: [directory + "/k8s"], configurationSource: .file(directory + "/.kubelint.yaml"))).findings
        #expect(alone.map(\.message) == ["ConfigMap flags, expected by contract 'app', is not in the tree in namespace 'default'"])
    }

    @Test func anExplicitConfigurationThatCannotBeReadExitsTwo() {
        let report = LintSession.lint(LintRequest(paths: [stagingTree], configurationSource: .file(repositoryRoot + "/no-such-kubelint.yaml"), kubernetesVersion: KubernetesVersion(major: 1, minor: 13)))
        #expect(report.findings.map(\.ruleID) == ["config-invalid"])
        #expect(ExitStatus.of(report.result) == .inputError)
    }

    @Test func aScopeThatDoesNotExistIsReported() throws {
        let directory = NSTemporaryDirectory() + "kubelint-scope-\(getpid())"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let configuration = """
            contracts:
            - path: \(repositoryRoot)/rules/staging.yaml
              scope: k8s-typo
            """
        try configuration.write(toFile: directory + "/.kubelint.yaml", atomically: true, encoding: .utf8)
        let bound = boundConfiguration(paths: [stagingTree], source: .file(directory + "/.kubelint.yaml"))
        #expect(bound[ConfiguredContracts.self].contracts.isEmpty)
        let problem = try #require(bound.problems.first)
        #expect(problem.message.contains("scope 'k8s-typo'"))
        #expect(problem.mark.line == 3 && problem.mark.column == 10)
    }
}
