import Foundation
import Testing
import KubeLintDriver
import KubeLintEngine
@testable import KubeLintReport

@Suite("SARIF report")
struct SARIFTests {
    static let reports: [String: Report] = [
        "synthetic": syntheticReport(),
        "yaml-pitfalls": fixtureReport("yaml-pitfalls"),
        "malformed-file": fixtureReport("malformed-file"),
        "empty": Report(result: LintResult(findings: [], fileCount: 0, resourceCount: 0), toolVersion: "x"),
    ]

    @Test(
        "validates against the SARIF 2.1.0 schema",
        .enabled(if: ExternalValidator.runs(ExternalValidator.canValidateSARIF), ExternalValidator.sarifSkipReason),
        arguments: reports.keys.sorted()
    )
    func validatesAgainstSchema(_ name: String) throws {
        try ExternalValidator.require(ExternalValidator.canValidateSARIF, ExternalValidator.sarifSkipReason)
        let report = try #require(Self.reports[name])
        let problems = try ExternalValidator.sarifProblems(SARIFReporter().render(report))
        #expect(problems == nil, "\(problems ?? "")")
    }

    private func run(_ report: Report) throws -> [String: Any] {
        let text = SARIFReporter().render(report)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        let runs = try #require(log["runs"] as? [[String: Any]])
        return try #require(runs.first)
    }

    @Test("every result points at its rule's metadata, and every rule listed has a result")
    func resultsResolveTheirRules() throws {
        let run = try run(syntheticReport())
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rules = try #require(driver["rules"] as? [[String: Any]])
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == 5)
        for result in results {
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(rules[index]["id"] as? String == result["ruleId"] as? String)
        }
        #expect(Set(rules.compactMap { $0["id"] as? String }) == Set(results.compactMap { $0["ruleId"] as? String }))
        let invalidType = try #require(rules.first { $0["id"] as? String == "invalid-type" })
        let description = try #require(LintCatalog.builtIn.description(of: "invalid-type"))
        #expect((invalidType["shortDescription"] as? [String: String])?["text"] == description.summary)
        #expect((invalidType["fullDescription"] as? [String: String])?["text"] == description.rationale)
        #expect((invalidType["help"] as? [String: String])?["text"] == description.remediation)
        #expect((invalidType["defaultConfiguration"] as? [String: String])?["level"] == "error")
    }

    @Test("locations are 1-based regions with URI references; related locations carry their message")
    func locations() throws {
        let run = try run(syntheticReport())
        #expect(run["columnKind"] as? String == "unicodeCodePoints")
        let results = try #require(run["results"] as? [[String: Any]])
        let duplicate = try #require(results.first { $0["ruleId"] as? String == "duplicate-key" })
        #expect(duplicate["level"] as? String == "warning")
        let location = try #require((duplicate["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        let artifact = try #require(location["artifactLocation"] as? [String: String])
        #expect(artifact["uri"] == "k8s/a%20b.yaml")
        #expect(artifact["uriBaseId"] == "%SRCROOT%")
        #expect(URL(string: artifact["uri"] ?? "") != nil)
        let region = try #require(location["region"] as? [String: Int])
        #expect(region == ["startLine": 6, "startColumn": 5])
        let related = try #require((duplicate["relatedLocations"] as? [[String: Any]])?.first)
        #expect((related["message"] as? [String: String])?["text"] == "first 'app' is here")
        let info = try #require(results.first { ($0["message"] as? [String: String])?["text"] == "an info about the service" })
        #expect(info["level"] as? String == "note")
    }

    @Test("artifact URIs", arguments: [
        ("k8s/app.yaml", "k8s/app.yaml", "%SRCROOT%"),
        ("./k8s/a b.yaml", "k8s/a%20b.yaml", "%SRCROOT%"),
        ("c:odd/ü.yaml", "c%3Aodd/%C3%BC.yaml", "%SRCROOT%"),
        ("/abs/dir/x#1.yaml", "file:///abs/dir/x%231.yaml", nil),
    ] as [(String, String, String?)])
    func artifactURIs(_ path: String, _ uri: String, _ base: String?) {
        let reference = SARIFArtifactURI(path: path)
        #expect(reference.uri == uri)
        #expect(reference.baseID == base)
    }
}
