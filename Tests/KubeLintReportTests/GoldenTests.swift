import Foundation
import Testing
import KubeLintModel
import KubeLintRules
@testable import KubeLintReport

private let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
private let repositoryRoot = testsDirectory.deletingLastPathComponent().deletingLastPathComponent().path

/// Compares `actual` with `Golden/<name>`. Set KUBELINT_UPDATE_GOLDEN=1 to rewrite the files
/// after an intended change, then review the diff.
func assertGolden(_ actual: String, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
    let path = testsDirectory.appendingPathComponent("Golden/\(name)").path
    if ProcessInfo.processInfo.environment["KUBELINT_UPDATE_GOLDEN"] == "1" {
        try actual.write(toFile: path, atomically: true, encoding: .utf8)
        return
    }
    let expected = try String(contentsOfFile: path, encoding: .utf8)
    #expect(actual == expected, "output differs from Golden/\(name)", sourceLocation: sourceLocation)
}

/// The report of a fixture case, with paths relative to the repository.
func fixtureReport(_ caseName: String) -> Report {
    let tree = Loader.load(paths: [repositoryRoot + "/fixtures/cases/\(caseName)/k8s"])
    var result = Linter().lint(tree)
    result.findings = result.findings.map { finding in
        var finding = finding
        finding.location.file = String(finding.location.file.dropFirst(repositoryRoot.count + 1))
        finding.related = finding.related.map { related in
            var related = related
            related.location.file = String(related.location.file.dropFirst(repositoryRoot.count + 1))
            return related
        }
        return finding
    }
    return Report(result: result, toolVersion: "0.0.0-test")
}

/// A hand-made report exercising escaping and empty fields.
func syntheticReport() -> Report {
    let findings = [
        Finding(
            ruleID: "invalid-type", severity: .error,
            message: "data.\"quoted\\key\" must be a string,\nfound\ta boolean \u{01}",
            location: FileLocation(file: "k8s/a b.yaml", line: 3, column: 7),
            resource: ResourceIdentity(apiVersion: "v1", kind: "ConfigMap", namespace: "prod", name: "ünïcode"),
            remediation: "Quote it: \"yes\""
        ),
        Finding(
            ruleID: "file-unreadable", severity: .warning, message: "cannot open: <&>",
            location: FileLocation(file: "missing.yaml", line: 1, column: 1)
        ),
    ]
    return Report(result: LintResult(findings: findings, fileCount: 1, resourceCount: 1), toolVersion: "0.0.0-test")
}

@Suite("Reporters match their golden files")
struct GoldenTests {
    @Test func textOfFixture() throws {
        try assertGolden(TextReporter().render(fixtureReport("yaml-pitfalls")), "yaml-pitfalls.txt")
    }

    @Test func jsonOfFixture() throws {
        try assertGolden(JSONReporter().render(fixtureReport("yaml-pitfalls")), "yaml-pitfalls.json")
    }

    @Test func textOfSyntheticReport() throws {
        try assertGolden(TextReporter().render(syntheticReport()), "synthetic.txt")
    }

    @Test func jsonOfSyntheticReport() throws {
        try assertGolden(JSONReporter().render(syntheticReport()), "synthetic.json")
    }

    @Test func jsonIsValidAndCarriesEveryField() throws {
        let text = JSONReporter().render(syntheticReport())
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["version"] as? Int == JSONReporter.schemaVersion)
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(findings.count == 2)
        #expect(findings[0]["message"] as? String == "data.\"quoted\\key\" must be a string,\nfound\ta boolean \u{01}")
        #expect((findings[0]["resource"] as? [String: Any])?["name"] as? String == "ünïcode")
        #expect(findings[1]["resource"] is NSNull)
        let summary = try #require(object["summary"] as? [String: Int])
        #expect(summary == ["files": 1, "resources": 1, "errors": 1, "warnings": 1, "infos": 0])
    }

    @Test func emptyReportSummary() {
        let report = Report(result: LintResult(findings: [], fileCount: 24, resourceCount: 24), toolVersion: "x")
        #expect(TextReporter().render(report) == "no problems in 24 files (24 resources)\n")
    }
}
