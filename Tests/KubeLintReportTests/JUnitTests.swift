import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import KubeLintModel
import KubeLintDriver
import KubeLintEngine
@testable import KubeLintReport

@Suite("JUnit report")
struct JUnitTests {
    static let reports: [String: Report] = [
        "synthetic": syntheticReport(),
        "synthetic, fail on info": syntheticReport(failureThreshold: .info),
        "yaml-pitfalls": fixtureReport("yaml-pitfalls"),
        "malformed-file": fixtureReport("malformed-file"),
        "empty": Report(result: LintResult(findings: [], fileCount: 0, resourceCount: 0), toolVersion: "x"),
    ]

    @Test(
        "validates against the Ant JUnit XSD",
        .enabled(if: ExternalValidator.runs(ExternalValidator.canValidateJUnit), ExternalValidator.junitSkipReason),
        arguments: reports.keys.sorted()
    )
    func validatesAgainstSchema(_ name: String) throws {
        try ExternalValidator.require(ExternalValidator.canValidateJUnit, ExternalValidator.junitSkipReason)
        let report = try #require(Self.reports[name])
        let problems = try ExternalValidator.junitProblems(JUnitReporter().render(report))
        #expect(problems == nil, "\(problems ?? "")")
    }

    @Test(
        "junitparser (what CI plugins read JUnit with) reads the suites, cases and outcomes",
        .enabled(if: ExternalValidator.runs(ExternalValidator.canReadWithJUnitParser), ExternalValidator.junitParserSkipReason)
    )
    func junitParserReadsIt() throws {
        try ExternalValidator.require(ExternalValidator.canReadWithJUnitParser, ExternalValidator.junitParserSkipReason)
        let reading = try ExternalValidator.junitParserReading(JUnitReporter().render(syntheticReport()))
        #expect(reading == """
            suite files tests=1 failures=0 errors=1
              missing.yaml|kubelint.files|error: cannot open: <&> [file-unreadable]
            suite ConfigMap tests=1 failures=1 errors=0
              ConfigMap/prod/ünïcode (k8s/a b.yaml)|kubelint.ConfigMap|failure: \(hostileMessage.replacingOccurrences(of: "\u{01}", with: "\u{2401}").replacingOccurrences(of: "\u{1B}", with: "\u{241B}").replacingOccurrences(of: "\u{FFFE}", with: "\u{FFFD}")) [invalid-type] (and 1 more)
            suite Service tests=1 failures=0 errors=0
              Service/web (k8s/svc.yaml)|kubelint.Service|passed

            """)
    }

    @Test("suite counts add up and match the test cases", arguments: reports.keys.sorted())
    func countsAddUp(_ name: String) throws {
        let report = try #require(Self.reports[name])
        let document = try XMLDocument(data: Data(JUnitReporter().render(report).utf8))
        let suites = try document.nodes(forXPath: "/testsuites/testsuite").compactMap { $0 as? XMLElement }
        var failures = 0
        var errors = 0
        for suite in suites {
            let cases = suite.elements(forName: "testcase")
            let failed = cases.filter { !$0.elements(forName: "failure").isEmpty }.count
            let errored = cases.filter { !$0.elements(forName: "error").isEmpty }.count
            #expect(Int(suite.attribute(forName: "tests")?.stringValue ?? "") == cases.count)
            #expect(Int(suite.attribute(forName: "failures")?.stringValue ?? "") == failed)
            #expect(Int(suite.attribute(forName: "errors")?.stringValue ?? "") == errored)
            failures += failed
            errors += errored
        }
        // Each file or object with failing findings is one test case, however many it has; an
        // input finding makes it an error.
        func subject(_ finding: Finding) -> String { "\(finding.resource?.description ?? "") \(finding.location.file)" }
        let failing = report.findings.filter { LintCatalog.builtIn.inputRuleIDs.contains($0.ruleID) || report.fails($0) }
        let errored = Set(failing.filter { LintCatalog.builtIn.inputRuleIDs.contains($0.ruleID) }.map(subject))
        #expect(errors == errored.count)
        #expect(failures == Set(failing.map(subject)).subtracting(errored).count)
    }

    @Test("one test case per object in a suite per kind, and per file with findings about it as written, whatever the rules")
    func testCasePerObjectAndFileWithFindings() throws {
        let report = fixtureReport("yaml-pitfalls")
        let coverage = report.result.coverage
        #expect(coverage.ruleIDs.count > 50)
        let document = try XMLDocument(data: Data(JUnitReporter().render(report).utf8))
        let suites = try document.nodes(forXPath: "/testsuites/testsuite").compactMap { $0 as? XMLElement }
        #expect(suites.map { $0.attribute(forName: "name")?.stringValue ?? "" } == ["files", "ConfigMap"])
        #expect(suites.map { $0.elements(forName: "testcase").count } == [1, 4])
        let files = try document.nodes(forXPath: "//testsuite[@name='files']/testcase/@name").map { $0.stringValue ?? "" }
        #expect(files == ["fixtures/cases/yaml-pitfalls/k8s/multi.yaml"])
        let names = try document.nodes(forXPath: "//testsuite[@name='ConfigMap']/testcase/@name").map { $0.stringValue ?? "" }
        #expect(names == [
            "ConfigMap/bom (fixtures/cases/yaml-pitfalls/k8s/bom.yaml)", "ConfigMap/crlf (fixtures/cases/yaml-pitfalls/k8s/crlf.yaml)",
            "ConfigMap/first (fixtures/cases/yaml-pitfalls/k8s/multi.yaml)", "ConfigMap/second (fixtures/cases/yaml-pitfalls/k8s/multi.yaml)",
        ])
        let rules = try document.nodes(forXPath: "//testsuite[@name='ConfigMap']/properties/property[@name='kubelint.rules']/@value")
        #expect(rules.first?.stringValue == coverage.ruleIDs.joined(separator: " "))
    }

    @Test("the report grows with objects and findings, not with the number of rules")
    func sizeDoesNotGrowWithRules() throws {
        func report(rules: Int, objects: Int) -> Report {
            let resources = (0..<objects).map { index in
                LintCoverage.CheckedResource(
                    identity: ResourceIdentity(apiVersion: "v1", kind: "ConfigMap", namespace: nil, name: "app-\(index)"),
                    location: FileLocation(file: "k8s/app-\(index).yaml", line: 1, column: 1)
                )
            }
            let coverage = LintCoverage(
                ruleIDs: (0..<rules).map { "rule-\($0)" }, files: resources.map(\.location.file), resources: resources
            )
            return Report(result: LintResult(findings: [], fileCount: objects, resourceCount: objects, coverage: coverage), toolVersion: "x")
        }
        let few = JUnitReporter().render(report(rules: 2, objects: 100))
        let many = JUnitReporter().render(report(rules: 200, objects: 100))
        #expect(few.components(separatedBy: "<testcase ").count - 1 == 100)
        #expect(many.components(separatedBy: "<testcase ").count - 1 == 100)
        // Only the property naming the rules grows: under 20 bytes a rule.
        #expect(many.utf8.count - few.utf8.count < 198 * 20)
        let larger = JUnitReporter().render(report(rules: 2, objects: 1000))
        #expect(larger.components(separatedBy: "<testcase ").count - 1 == 1000)
    }

    @Test("an object with findings of several rules is one failed test case listing each, and each rule's remediation")
    func severalRulesOnOneObject() throws {
        let web = ResourceIdentity(apiVersion: "apps/v1", kind: "Deployment", namespace: "prod", name: "web")
        let findings = [
            Finding(
                ruleID: "configmap-missing", severity: .error, message: "ConfigMap env is not in the tree",
                location: FileLocation(file: "k8s/web.yaml", line: 20, column: 15), resource: web, remediation: "Add the ConfigMap."
            ),
            Finding(
                ruleID: "rwo-volume-replicas", severity: .error, message: "3 replicas share a ReadWriteOnce claim",
                location: FileLocation(file: "k8s/web.yaml", line: 8, column: 13), resource: web, remediation: "Use one replica.",
                related: [Finding.Related(location: FileLocation(file: "k8s/pvc.yaml", line: 9, column: 5), message: "the claim's access mode")]
            ),
        ].sorted(by: Finding.reportOrder)
        let report = Report(result: LintResult(findings: findings, fileCount: 2, resourceCount: 2, rules: LintCatalog.builtIn.descriptions), toolVersion: "x")
        let document = try XMLDocument(data: Data(JUnitReporter().render(report).utf8))
        let failures = try document.nodes(forXPath: "//testsuite[@name='Deployment']/testcase/failure").compactMap { $0 as? XMLElement }
        #expect(failures.count == 1)
        #expect(failures.first?.attribute(forName: "type")?.stringValue == "rwo-volume-replicas configmap-missing")
        #expect(failures.first?.attribute(forName: "message")?.stringValue == "3 replicas share a ReadWriteOnce claim [rwo-volume-replicas] (and 1 more)")
        #expect(failures.first?.stringValue == """
            k8s/web.yaml:8:13: error: 3 replicas share a ReadWriteOnce claim [rwo-volume-replicas]
              note: k8s/pvc.yaml:9:5: the claim's access mode
            k8s/web.yaml:20:15: error: ConfigMap env is not in the tree [configmap-missing]
            remediation (rwo-volume-replicas): Use one replica.
            remediation (configmap-missing): Add the ConfigMap.
            """)
        let testCase = try #require(failures.first?.parent as? XMLElement)
        #expect(testCase.attribute(forName: "name")?.stringValue == "Deployment/prod/web (k8s/web.yaml)")
        #expect(testCase.attribute(forName: "classname")?.stringValue == "kubelint.Deployment")
    }

    @Test("a hostile message survives: parsers read back what kubelint wrote, forbidden characters made visible")
    func escapingRoundTrips() throws {
        let xml = JUnitReporter().render(syntheticReport())
        let document = try XMLDocument(data: Data(xml.utf8))
        let failure = try #require(try document.nodes(forXPath: "//testcase/failure").first as? XMLElement)
        let expected = "data.\"quoted\\key\" <b>&amp;</b> must be a string,\nfound\ta boolean \u{2401}\u{241B}[31m\r 100% a:b,c \u{FFFD}]]> [invalid-type] (and 1 more)"
        #expect(failure.attribute(forName: "message")?.stringValue == expected)
        #expect(failure.stringValue?.contains("\u{241B}[31m\r 100%") == true)
        #expect(failure.stringValue?.contains("k8s/a b.yaml:4:6: error: data.B must be a string") == true)
    }

    @Test("findings below the failure threshold do not fail a test; they are listed in their suite's system-out")
    func belowThresholdGoesToSystemOut() throws {
        let xml = JUnitReporter().render(syntheticReport())
        let document = try XMLDocument(data: Data(xml.utf8))
        let configMaps = try #require(try document.nodes(forXPath: "//testsuite[@name='ConfigMap']").first as? XMLElement)
        #expect(configMaps.attribute(forName: "failures")?.stringValue == "1")
        #expect(configMaps.elements(forName: "system-out").first?.stringValue == "k8s/a b.yaml:6:5: warning: duplicate key 'app' [duplicate-key]")
        let services = try #require(try document.nodes(forXPath: "//testsuite[@name='Service']").first as? XMLElement)
        #expect(services.attribute(forName: "failures")?.stringValue == "0")
        #expect(services.elements(forName: "system-out").first?.stringValue == "k8s/svc.yaml:2:1: info: an info about the service [invalid-type]")
        let strict = try XMLDocument(data: Data(JUnitReporter().render(syntheticReport(failureThreshold: .info)).utf8))
        let strictServices = try #require(try strict.nodes(forXPath: "//testsuite[@name='Service']").first as? XMLElement)
        #expect(strictServices.attribute(forName: "failures")?.stringValue == "1")
        #expect(strictServices.elements(forName: "system-out").first?.stringValue == "")
    }

    @Test("an input finding is a JUnit error, not a failure")
    func inputFindingsAreErrors() throws {
        let document = try XMLDocument(data: Data(JUnitReporter().render(fixtureReport("malformed-file")).utf8))
        let errors = try document.nodes(forXPath: "//testsuite[@name='files']/testcase/error")
        #expect(errors.count == 1)
        let testCase = try #require(errors.first?.parent as? XMLElement)
        #expect(testCase.attribute(forName: "name")?.stringValue == "fixtures/cases/malformed-file/k8s/broken.yaml")
    }
}
