import Foundation
import Testing
import KubeLintRules
@testable import KubeLintDriver

/// The repository root, found from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

/// A fixture case: `fixtures/cases/<name>/k8s/` and an `expected.txt` listing the exit status
/// (`exit N`) and every finding as `<rule-id> <path>:<line>:<column>`, paths relative to the case.
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

    func run() -> (status: KubeLintDriver.ExitStatus, findings: [String]) {
        let source: ConfigurationSource = configurationFile.map { .file($0) } ?? .none
        let report = LintSession.lint(LintRequest(paths: [directory + "/k8s"], configurationSource: source))
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

    @Test("every cross-resource, workload and contract rule has a broken fixture")
    func everyRuleHasAFixture() throws {
        var covered: Set<String> = []
        for fixture in FixtureCase.all() {
            for line in try fixture.expectation().findings {
                if let id = line.split(separator: " ").first { covered.insert(String(id)) }
            }
        }
        let categories: Set<RuleCategory> = [.references, .workloads, .contracts]
        let required = RuleRegistry.descriptions.filter { categories.contains($0.category) }.map(\.id) + ["config-invalid", "contract-invalid"]
        let uncovered = required.filter { !covered.contains($0) }
        #expect(uncovered.isEmpty, "rules without a fixture case: \(uncovered)")
    }

    @Test("trees written by other tools raise no false alarms")
    func realWorldTreesAreClean() throws {
        let realWorld = FixtureCase.all().filter { $0.name.hasPrefix("realworld-") }
        #expect(realWorld.count >= 3)
        for fixture in realWorld {
            let actual = fixture.run()
            #expect(actual.findings.isEmpty, "\(fixture.name): \(actual.findings)")
            #expect(actual.status == .clean)
        }
    }

    @Test func stagingTreeIsClean() {
        let report = LintSession.lint(LintRequest(paths: [repositoryRoot + "/fixtures/staging/k8s"]))
        #expect(report.findings.isEmpty, "\(report.findings.map(\.message))")
        #expect(report.result.fileCount == 24)
        #expect(report.result.resourceCount == 24)
    }
}
