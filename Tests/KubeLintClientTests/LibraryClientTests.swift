import Foundation
import KubeLint
import Testing

/// The library as a client uses it: this target imports `KubeLint` and nothing else, so only
/// its public surface is in reach.
@Suite("The KubeLint library")
struct LibraryClientTests {
    static let serviceYAML = "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector: {app: web}\n  ports:\n  - port: 80\n"

    /// The README's example, line for line (`theREADMEShowsThisExample` keeps them the same).
    static func readmeExample() -> [String] {
        var printed: [String] = []
        func print(_ line: String) { printed.append(line) }
        // README example begins
        let yaml = "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector: {app: web}\n  ports:\n  - port: 80\n"
        let linter = KubeLinter(configuration: Configuration(kubernetesVersion: "1.29", profile: .recommended))
        let findings = linter.lint(files: [ManifestFile(name: "service.yaml", contents: yaml)])
        for finding in findings where finding.severity == .error {
            print("\(finding.file):\(finding.line):\(finding.column) \(finding.ruleID): \(finding.message)")
        }
        // README example ends
        return printed
    }

    @Test func theREADMEExamplePrintsTheServiceThatSelectsNothing() {
        #expect(Self.readmeExample() == [
            "service.yaml:6:19 service-selector-no-match: no Pod or workload template in namespace 'default' has the label app: web, so Service web has no endpoints",
        ])
    }

    @Test func theREADMEShowsThisExample() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let source = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        let start = try #require(lines.firstIndex { $0.contains("// README example begins") })
        let end = try #require(lines.firstIndex { $0.contains("// README example ends") })
        let example = lines[(start + 1)..<end].map { $0.dropFirst(8) }.joined(separator: "\n")
        #expect(readme.contains(example), "README's example differs from this test's")
    }

    @Test func findingsStreamToAConsumerInReportOrder() {
        let linter = KubeLinter()
        var streamed: [Finding] = []
        let files = [
            ManifestFile(name: "a.yaml", contents: "apiVersion: v1\nkind: ConfigMap\nmetadata: {}\n"),
            ManifestFile(name: "b.yaml", contents: "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: b\n"),
        ]
        linter.lint(files: files) { streamed.append($0) }
        #expect(streamed == linter.lint(files: files))
        #expect(streamed.map { "\($0.file):\($0.line):\($0.column) \($0.ruleID) \($0.severity.rawValue)" } == [
            "a.yaml:3:11 missing-required-field error", "b.yaml:3:19 yaml-syntax error",
        ])
    }

    @Test func aConfigurationTextAppliesAndItsProblemsAreFindings() {
        let configuration = Configuration(yaml: "rules:\n  service-selector-no-match: {enabled: false}\n  no-such-rule: {enabled: false}\n")
        let findings = KubeLinter(configuration: configuration).lint(files: [ManifestFile(name: "service.yaml", contents: Self.serviceYAML)])
        #expect(findings.map(\.ruleID) == ["config-invalid"])
        #expect(findings.first?.message.hasPrefix("unknown rule 'no-such-rule'") == true)
    }

    @Test func pathsAreLintedWithTheConfigurationFileTheyName() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
        let configuration = Configuration(kubernetesVersion: "1.13", file: root + "/.kubelint.yaml")
        let findings = KubeLinter(configuration: configuration).lint(paths: [root + "/fixtures/staging/k8s"])
        #expect(findings.isEmpty, "\(findings.map { "\($0.ruleID) \($0.file):\($0.line)" })")
        let unpinned = KubeLinter().lint(paths: [root + "/fixtures/staging/k8s"])
        #expect(unpinned.contains { $0.ruleID == "api-version-removed" && $0.severity == .error })
    }

    @Test func profilesAreKnownByName() {
        #expect(Profile(name: "security") == .security)
        #expect(Profile(name: "strict") == nil)
        #expect(Profile.all.description == "all")
    }
}
