import Foundation
import Testing
import KubeLintModel
import KubeLintEngine
import KubeLintReport
@testable import KubeLintDriver

/// A copy of the staging tree in a temporary directory, with a configuration beside it.
private struct StagingCopy {
    let root: String
    var tree: String { root + "/k8s" }
    var configuration: String { root + "/.kubelint.yaml" }

    init(_ name: String, configuration: String = "kubernetesVersion: \"1.13\"\n") throws {
        root = NSTemporaryDirectory() + "kubelint-\(name)-\(getpid())-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: repositoryRoot + "/fixtures/staging/k8s", toPath: tree)
        try configuration.write(toFile: self.configuration, atomically: true, encoding: .utf8)
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }

    func edit(_ file: String, _ change: (String) -> String) throws {
        let path = tree + "/" + file
        try change(try String(contentsOfFile: path, encoding: .utf8)).write(toFile: path, atomically: true, encoding: .utf8)
    }

    func lint(paths: [String]? = nil, changed: [String]? = nil) -> Report {
        var request = LintRequest(paths: paths ?? [tree], configurationSource: .file(configuration))
        request.changedFiles = changed
        return LintSession.lint(request)
    }
}

private func summary(_ report: Report, root: String) -> [String] {
    report.findings.map { "\($0.ruleID) \($0.location.file.replacingOccurrences(of: root + "/", with: "")):\($0.location.line)" }
}

@Suite("--changed-files: the whole tree is linted, what concerns the changed files reported")
struct ChangedFilesTests {
    static let configMap = "configmaps/worker-multi-worker-env-configmap.yaml"

    @Test func aKeyRemovedFromAConfigMapIsReportedWhenOnlyTheConfigMapChanged() throws {
        let copy = try StagingCopy("changed-key")
        defer { copy.remove() }
        try copy.edit(Self.configMap) { $0.replacingOccurrences(of: "  CELERY_LOG_LEVEL: INFO\n", with: "") }
        let report = copy.lint(changed: [copy.tree + "/" + Self.configMap])
        // The finding points into the Deployment, which did not change; its related position
        // is the ConfigMap, which did.
        #expect(summary(report, root: copy.root) == ["configmap-key-missing k8s/deployments/worker-deployment.yaml:44"])
        #expect(ExitStatus.of(report.result) == .findings)
    }

    @Test func aLabelRenamedInADeploymentIsReportedAtTheServiceItStrands() throws {
        let copy = try StagingCopy("changed-label")
        defer { copy.remove() }
        let deployment = "deployments/web-deployment.yaml"
        try copy.edit(deployment) { $0.replacingOccurrences(of: "io.kompose.service: web\n", with: "io.kompose.service: website\n") }
        let report = copy.lint(changed: [copy.tree + "/" + deployment])
        // The Service did not change; the note on the Deployment's labels ties the finding to the commit.
        #expect(summary(report, root: copy.root) == ["service-selector-no-match k8s/services/web-service.yaml:17"])
        #expect(report.findings.first?.related.map(\.location.file) == [copy.tree + "/" + deployment])
    }

    @Test func aContainerPortChangedInADeploymentIsReportedAtTheServiceTargetingIt() throws {
        let copy = try StagingCopy("changed-port")
        defer { copy.remove() }
        let deployment = "deployments/web-deployment.yaml"
        try copy.edit(deployment) { $0.replacingOccurrences(of: "containerPort: 8080", with: "containerPort: 8081") }
        let report = copy.lint(changed: [copy.tree + "/" + deployment])
        #expect(summary(report, root: copy.root) == ["service-target-port k8s/services/web-service.yaml:15"])
    }

    @Test func findingsThatDoNotConcernTheChangedFilesAreLeftOut() throws {
        let copy = try StagingCopy("changed-other")
        defer { copy.remove() }
        try copy.edit(Self.configMap) { $0.replacingOccurrences(of: "  CELERY_LOG_LEVEL: INFO\n", with: "") }
        try copy.edit("services/web-service.yaml") { $0.replacingOccurrences(of: "name: web", with: "name: web ") }
        let unrelated = copy.lint(changed: [copy.tree + "/pvcs/web-pv-persistentvolumeclaim.yaml"])
        #expect(unrelated.findings.isEmpty, "\(summary(unrelated, root: copy.root))")
        #expect(unrelated.result.fileCount == 24)
        let outside = copy.lint(changed: [repositoryRoot + "/Package.swift", copy.root + "/no-such-file.yaml"])
        #expect(outside.findings.isEmpty)
    }

    @Test func aChangedConfigurationConcernsTheWholeTree() throws {
        let copy = try StagingCopy("changed-configuration")
        defer { copy.remove() }
        try copy.edit(Self.configMap) { $0.replacingOccurrences(of: "  CELERY_LOG_LEVEL: INFO\n", with: "") }
        let report = copy.lint(changed: [copy.configuration])
        #expect(summary(report, root: copy.root) == ["configmap-key-missing k8s/deployments/worker-deployment.yaml:44"])
    }

    @Test func unreadableFilesAnywhereInTheTreeAreAlwaysReported() throws {
        let copy = try StagingCopy("changed-broken")
        defer { copy.remove() }
        try copy.edit("services/web-service.yaml") { $0 + "  broken: [\n" }
        let report = copy.lint(changed: [copy.tree + "/" + Self.configMap])
        #expect(report.findings.map(\.ruleID) == ["yaml-syntax"])
        #expect(ExitStatus.of(report.result) == .inputError)
    }
}

@Suite("Configuration keys about what is read: paths, exclude, maxFileSize")
struct LoadSettingsTests {
    @Test func pathsIsWhatARunWithoutPathsLints() throws {
        let copy = try StagingCopy("paths", configuration: "kubernetesVersion: \"1.13\"\npaths: [k8s/pvcs, k8s/pods, k8s/configmaps]\n")
        defer { copy.remove() }
        let report = copy.lint(paths: [])
        #expect(report.result.fileCount == 11)
        #expect(report.findings.isEmpty, "\(summary(report, root: copy.root))")
    }

    @Test func excludeLeavesFilesOutOfWalksButNotOutOfArguments() throws {
        let copy = try StagingCopy("exclude", configuration: """
            kubernetesVersion: "1.13"
            exclude: [k8s/pvcs, "*-service.yaml"]
            """)
        defer { copy.remove() }
        try copy.edit("pvcs/web-pv-persistentvolumeclaim.yaml") { $0 + "broken: [\n" }
        let walked = copy.lint()
        // 24 files less 5 claims and 6 Services: the claims and the Ingress backends are missing.
        #expect(walked.result.fileCount == 13)
        #expect(Set(walked.findings.map(\.ruleID)) == ["pvc-missing", "ingress-service-missing"], "\(summary(walked, root: copy.root))")
        let named = copy.lint(paths: [copy.tree + "/pvcs/web-pv-persistentvolumeclaim.yaml"])
        #expect(named.findings.map(\.ruleID) == ["yaml-syntax"])
    }

    @Test func aDirectoryThatExcludeEmptiesSaysSo() throws {
        let copy = try StagingCopy("exclude-all", configuration: "exclude: [\"*-persistentvolumeclaim.yaml\", \"*-pod.yaml\"]\n")
        defer { copy.remove() }
        let report = copy.lint(paths: [copy.tree + "/pvcs"])
        #expect(report.findings.map(\.message) == [
            "no .yaml, .yml or .json files found in this directory (the configuration's exclude patterns left out 5 entries)",
        ])
        let pods = copy.lint(paths: [copy.tree + "/pods"])
        #expect(pods.findings.map(\.message).first?.hasSuffix("left out 1 entry)") == true)
    }

    @Test func maxFileSizeComesFromTheCommandLineThenTheConfiguration() throws {
        let copy = try StagingCopy("size", configuration: "kubernetesVersion: \"1.13\"\nmaxFileSize: 300\n")
        defer { copy.remove() }
        let configured = copy.lint()
        #expect(!configured.findings.isEmpty)
        #expect(configured.findings.allSatisfy { $0.ruleID == "file-unreadable" || $0.ruleID.hasSuffix("-missing") || $0.ruleID == "service-selector-no-match" })
        var request = LintRequest(paths: [copy.tree], configurationSource: .file(copy.configuration))
        request.maxFileSize = 1_000_000
        #expect(LintSession.lint(request).findings.isEmpty)
    }
}
