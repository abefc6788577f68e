import Foundation
import Testing
import KubeLintModel
import KubeLintEngine
import KubeLintReport
@testable import KubeLintDriver

/// A git repository holding a copy of the staging tree, committed, for `--staged`.
private struct StagingRepository {
    let root: String
    var tree: String { root + "/k8s" }

    init(_ name: String) throws {
        root = NSTemporaryDirectory() + "kubelint-staged-\(name)-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: repositoryRoot + "/fixtures/staging/k8s", toPath: tree)
        try "kubernetesVersion: \"1.13\"\n".write(toFile: root + "/.kubelint.yaml", atomically: true, encoding: .utf8)
        try git("init", "-q")
        try git("add", "-A")
        try git("commit", "-q", "-m", "staging tree")
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }

    @discardableResult
    func git(_ arguments: String...) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", root, "-c", "user.name=test", "-c", "user.email=test@example.com",
                             "-c", "init.defaultBranch=main"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        try #require(process.terminationStatus == 0, "git \(arguments): \(text)")
        return text
    }

    func edit(_ file: String, _ change: (String) -> String) throws {
        let path = tree + "/" + file
        try change(try String(contentsOfFile: path, encoding: .utf8)).write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// `kubelint --staged`, run in the repository.
    func lint() throws -> Report {
        var request = LintRequest(paths: [tree], configurationSource: .file(root + "/.kubelint.yaml"))
        request.staged = true
        let setup = LintSetup(request)
        let git = Git(directory: root)
        return try StagedLint.lint(setup, change: StagedChange.read(git: git, treePaths: setup.paths), git: git)
    }

    func findings(_ report: Report) -> [String] {
        report.findings.map { "\($0.ruleID) \($0.location.file.replacingOccurrences(of: root + "/", with: "")):\($0.location.line):\($0.location.column)" }
    }
}

@Suite("--staged: the commit being made, deletions and renames included")
struct StagedTests {
    static let claim = "pvcs/web-pv-persistentvolumeclaim.yaml"
    static let claimReference = "pvc-missing k8s/deployments/web-deployment.yaml:40:22"

    @Test func aCleanCommitPasses() throws {
        let repository = try StagingRepository("clean")
        defer { repository.remove() }
        try repository.edit("services/web-service.yaml") { $0 + "# scaled by hand\n" }
        try repository.git("add", "-A")
        let report = try repository.lint()
        #expect(repository.findings(report).isEmpty)
        #expect(TextReporter().render(report) == "no problems in 24 files (24 resources)\n")
    }

    @Test func deletingAClaimADeploymentMountsIsReportedAtTheMount() throws {
        let repository = try StagingRepository("delete")
        defer { repository.remove() }
        try repository.git("rm", "-q", "k8s/" + Self.claim)
        let report = try repository.lint()
        #expect(repository.findings(report) == [Self.claimReference])
        #expect(ExitStatus.of(report.result) == .findings)
    }

    @Test func renamingAnObjectOthersReferToIsReportedAtTheReference() throws {
        let repository = try StagingRepository("rename-object")
        defer { repository.remove() }
        try repository.edit(Self.claim) { $0.replacingOccurrences(of: "  name: web-pv\n", with: "  name: web-data\n") }
        try repository.git("add", "-A")
        #expect(repository.findings(try repository.lint()) == [Self.claimReference])
    }

    @Test func renamingAConfigMapADeploymentReadsIsReportedAtTheDeployment() throws {
        let repository = try StagingRepository("rename-configmap")
        defer { repository.remove() }
        let configMap = "configmaps/worker-multi-worker-env-configmap.yaml"
        try repository.edit(configMap) { $0.replacingOccurrences(of: "  name: worker-multi-worker-env\n", with: "  name: worker-env\n") }
        try repository.git("add", "-A")
        let findings = repository.findings(try repository.lint())
        // A warning by default (ConfigMaps are often made by hand), reported all the same.
        #expect(!findings.isEmpty)
        #expect(findings.allSatisfy { $0.hasPrefix("configmap-missing k8s/deployments/worker-deployment.yaml:") }, "\(findings)")
    }

    @Test func movingAFileKeepsItsObjectsAndPasses() throws {
        let repository = try StagingRepository("move")
        defer { repository.remove() }
        try repository.git("mv", "k8s/" + Self.claim, "k8s/pvcs/web.yaml")
        #expect(repository.findings(try repository.lint()).isEmpty)
    }

    @Test func whatIsStagedCountsNotTheWorkingTree() throws {
        let repository = try StagingRepository("index")
        defer { repository.remove() }
        // Deleted from the index only: the file left on disk is not part of the commit.
        try repository.git("rm", "-q", "--cached", "k8s/" + Self.claim)
        #expect(repository.findings(try repository.lint()) == [Self.claimReference])
        try repository.git("reset", "-q", "--hard")
        // Deleted from the working tree only: the commit still has it.
        try FileManager.default.removeItem(atPath: repository.tree + "/" + Self.claim)
        #expect(repository.findings(try repository.lint()).isEmpty)
        try repository.git("checkout", "-q", "--", ".")
        // A broken change staged, then undone in the working tree only: the commit is broken.
        try repository.edit(Self.claim) { $0.replacingOccurrences(of: "  name: web-pv\n", with: "  name: web-data\n") }
        try repository.git("add", "-A")
        try repository.edit(Self.claim) { $0.replacingOccurrences(of: "  name: web-data\n", with: "  name: web-pv\n") }
        #expect(repository.findings(try repository.lint()) == [Self.claimReference])
    }

    @Test func findingsInUnchangedFilesAreLeftOutAndCounted() throws {
        let repository = try StagingRepository("left-out")
        defer { repository.remove() }
        try repository.edit("configmaps/api-multi-api-env-configmap.yaml") {
            $0.replacingOccurrences(of: "  DEBUG: \"False\"\n", with: "  DEBUG: False\n")
        }
        try repository.git("commit", "-q", "-a", "-m", "a boolean DEBUG, committed around the hook")
        try repository.edit("services/web-service.yaml") { $0 + "# scaled by hand\n" }
        try repository.git("add", "-A")
        let report = try repository.lint()
        #expect(repository.findings(report).isEmpty)
        #expect(report.findingsLeftOut == 1)
        #expect(TextReporter().render(report) == "no problems in 24 files (24 resources); 1 finding about unchanged files left out\n")
        #expect(ExitStatus.of(report.result) == .clean)
    }

    @Test func aChangedConfigurationReportsTheWholeTree() throws {
        let repository = try StagingRepository("configuration")
        defer { repository.remove() }
        try "kubernetesVersion: \"1.33\"\n".write(toFile: repository.root + "/.kubelint.yaml", atomically: true, encoding: .utf8)
        try repository.git("add", "-A")
        let findings = repository.findings(try repository.lint())
        #expect(findings == ["api-version-removed k8s/ingresscontroller/ingress-controller.yaml:1:13"])
    }

    @Test func theFirstCommitIsLintedWhole() throws {
        let root = NSTemporaryDirectory() + "kubelint-staged-first-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/k8s", withIntermediateDirectories: true)
        try "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: flags\ndata:\n  DEBUG: yes\n".write(toFile: root + "/k8s/flags.yaml", atomically: true, encoding: .utf8)
        let git = Git(directory: root)
        _ = try git.run(["init", "-q"])
        _ = try git.run(["add", "-A"])
        var request = LintRequest(paths: [root + "/k8s"])
        request.staged = true
        let setup = LintSetup(request)
        let report = try StagedLint.lint(setup, change: StagedChange.read(git: git, treePaths: setup.paths), git: git)
        #expect(report.findings.map(\.ruleID) == ["string-expected"])
    }

    @Test func outsideARepositoryItSaysSo() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(throws: Git.Failure.self) {
            _ = try StagedChange.read(git: Git(directory: directory), treePaths: [directory])
        }
    }

    @Test func nameStatusIsReadWithRenames() {
        let bytes = Array("M\0k8s/a.yaml\0R087\0k8s/old.yaml\0k8s/new.yaml\0D\0k8s/gone.yaml\0A\0k8s/new file.yaml\0".utf8)
        #expect(StagedChange.parseNameStatus(bytes) == [
            .init(path: "k8s/a.yaml", kind: .modified), .init(path: "k8s/new.yaml", kind: .renamed(from: "k8s/old.yaml")),
            .init(path: "k8s/gone.yaml", kind: .deleted), .init(path: "k8s/new file.yaml", kind: .added),
        ])
    }
}
