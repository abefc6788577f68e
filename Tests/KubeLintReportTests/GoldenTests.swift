import Foundation
import Testing
import KubeLintModel
import KubeLintDriver
import KubeLintEngine
@testable import KubeLintReport

let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
let repositoryRoot = testsDirectory.deletingLastPathComponent().deletingLastPathComponent().path

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
func fixtureReport(_ caseName: String, failureThreshold: Severity = .error) -> Report {
    let tree = Loader.load(paths: [repositoryRoot + "/fixtures/cases/\(caseName)/k8s"])
    let prefixLength = repositoryRoot.count + 1
    func relative(_ path: String) -> String { path.hasPrefix(repositoryRoot + "/") ? String(path.dropFirst(prefixLength)) : path }
    var result = Linter().lint(tree)
    result.findings = result.findings.map { finding in
        var finding = finding
        finding.location.file = relative(finding.location.file)
        finding.related = finding.related.map { related in
            var related = related
            related.location.file = relative(related.location.file)
            return related
        }
        return finding
    }
    result.coverage.files = result.coverage.files.map(relative)
    result.coverage.resources = result.coverage.resources.map { resource in
        var resource = resource
        resource.location.file = relative(resource.location.file)
        return resource
    }
    var sources: [String: SourceFile] = [:]
    for file in tree.files { sources[relative(file.path)] = file }
    return Report(result: result, sources: sources, toolVersion: "0.0.0-test", failureThreshold: failureThreshold)
}

/// A message no output format can carry raw: quotes, backslash, markup, a line break, a tab,
/// control characters (an ANSI escape among them), the two characters XML 1.0 forbids, and
/// the characters GitHub commands reserve.
let hostileMessage = "data.\"quoted\\key\" <b>&amp;</b> must be a string,\nfound\ta boolean \u{01}\u{1B}[31m\r 100% a:b,c \u{FFFE}]]>"

/// A hand-made report exercising escaping, empty fields, all severities, related positions,
/// a test case with two findings, a finding on a subject the coverage does not list, and a
/// suppressed finding whose reason is hostile too.
func syntheticReport(failureThreshold: Severity = .error) -> Report {
    let configMap = ResourceIdentity(apiVersion: "v1", kind: "ConfigMap", namespace: "prod", name: "ünïcode")
    let service = ResourceIdentity(apiVersion: "v1", kind: "Service", namespace: nil, name: "web")
    let findings = [
        Finding(
            ruleID: "invalid-type", severity: .error, message: hostileMessage,
            location: FileLocation(file: "k8s/a b.yaml", line: 3, column: 7),
            resource: configMap, remediation: "Quote it: \"yes\""
        ),
        Finding(
            ruleID: "invalid-type", severity: .error, message: "data.B must be a string, found an integer",
            location: FileLocation(file: "k8s/a b.yaml", line: 4, column: 6),
            resource: configMap, remediation: "Quote it: \"yes\""
        ),
        Finding(
            ruleID: "duplicate-key", severity: .warning, message: "duplicate key 'app'",
            location: FileLocation(file: "k8s/a b.yaml", line: 6, column: 5), resource: configMap,
            related: [Finding.Related(location: FileLocation(file: "k8s/a b.yaml", line: 5, column: 5), message: "first 'app' is here")]
        ),
        Finding(
            ruleID: "invalid-type", severity: .info, message: "an info about the service",
            location: FileLocation(file: "k8s/svc.yaml", line: 2, column: 1), resource: service
        ),
        Finding(
            ruleID: "file-unreadable", severity: .error, message: "cannot open: <&>",
            location: FileLocation(file: "missing.yaml", line: 1, column: 1)
        ),
    ]
    let coverage = LintCoverage(
        ruleIDs: ["file-unreadable", "duplicate-key", "invalid-type"],
        fileRuleIDs: ["file-unreadable"],
        files: ["k8s/a b.yaml", "k8s/svc.yaml"],
        resources: [
            LintCoverage.CheckedResource(identity: configMap, location: FileLocation(file: "k8s/a b.yaml", line: 1, column: 1)),
            LintCoverage.CheckedResource(identity: service, location: FileLocation(file: "k8s/svc.yaml", line: 1, column: 1)),
        ]
    )
    let source = "apiVersion: v1\nkind: ConfigMap\ndata:\n\tA: yes\u{1B}[2J\n    app: x\n    app: y\n"
    let suppressed = SuppressedFinding(
        finding: Finding(
            ruleID: "configmap-missing", severity: .warning, message: "ConfigMap env is not in the tree",
            location: FileLocation(file: "k8s/svc.yaml", line: 9, column: 15), resource: service
        ),
        suppression: Suppression(
            origin: .annotation, ruleID: "configmap-missing", reason: hostileMessage,
            location: FileLocation(file: "k8s/svc.yaml", line: 5, column: 5), resource: service
        )
    )
    return Report(
        result: LintResult(findings: findings, fileCount: 2, resourceCount: 2, coverage: coverage, suppressed: [suppressed], rules: LintCatalog.builtIn.descriptions),
        sources: ["k8s/a b.yaml": SourceFile(path: "k8s/a b.yaml", bytes: Array(source.utf8))],
        toolVersion: "0.0.0-test", failureThreshold: failureThreshold,
        run: RunInfo(startTime: "2024-05-01T12:30:00", hostname: "ci-runner")
    )
}

@Suite("Reporters match their golden files")
struct GoldenTests {
    static let formats: [(name: String, reporter: any Reporter, extension: String)] = [
        ("text", TextReporter(), "txt"),
        ("quiet", TextReporter(quiet: true), "quiet.txt"),
        ("suppressed", TextReporter(showSuppressed: true), "suppressed.txt"),
        ("quiet-suppressed", TextReporter(quiet: true, showSuppressed: true), "quiet-suppressed.txt"),
        ("json", JSONReporter(), "json"),
        ("junit", JUnitReporter(), "junit.xml"),
        ("sarif", SARIFReporter(), "sarif"),
        ("github", GitHubReporter(), "github.txt"),
    ]

    @Test(arguments: formats.map(\.name))
    func syntheticReport(_ format: String) throws {
        let entry = try #require(Self.formats.first { $0.name == format })
        try assertGolden(entry.reporter.render(KubeLintReportTests.syntheticReport()), "synthetic.\(entry.extension)")
    }

    /// JUnit lists every rule the run had, so its fixture output changes whenever a rule is
    /// added; it is validated against the schema (JUnitTests) instead of a golden file.
    @Test(arguments: formats.map(\.name).filter { !["junit", "suppressed", "quiet-suppressed"].contains($0) })
    func yamlPitfallsFixture(_ format: String) throws {
        let entry = try #require(Self.formats.first { $0.name == format })
        try assertGolden(entry.reporter.render(fixtureReport("yaml-pitfalls")), "yaml-pitfalls.\(entry.extension)")
    }

    @Test func malformedFileText() throws {
        try assertGolden(TextReporter().render(fixtureReport("malformed-file")), "malformed-file.txt")
    }

    @Test func jsonIsValidAndCarriesEveryField() throws {
        let text = JSONReporter().render(KubeLintReportTests.syntheticReport())
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["version"] as? Int == JSONReporter.schemaVersion)
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(findings.count == 5)
        #expect(findings[0]["message"] as? String == hostileMessage)
        #expect((findings[0]["resource"] as? [String: Any])?["name"] as? String == "ünïcode")
        #expect(findings[4]["resource"] is NSNull)
        let summary = try #require(object["summary"] as? [String: Int])
        #expect(summary == ["files": 2, "resources": 2, "notManifests": 0, "errors": 3, "warnings": 1, "infos": 1, "suppressed": 1])
        let suppressed = try #require(object["suppressed"] as? [[String: Any]])
        #expect(suppressed.count == 1)
        #expect(suppressed.first?["ruleId"] as? String == "configmap-missing")
        let suppression = try #require(suppressed.first?["suppression"] as? [String: Any])
        #expect(suppression["kind"] as? String == "annotation")
        #expect(suppression["reason"] as? String == hostileMessage)
        #expect(suppression["line"] as? Int == 5)
    }
}
