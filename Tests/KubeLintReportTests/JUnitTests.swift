import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import KubeLintRules
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
        "validates against the Ant JUnit XSD", .enabled(if: ExternalValidator.canValidateJUnit, ExternalValidator.junitSkipReason),
        arguments: reports.keys.sorted()
    )
    func validatesAgainstSchema(_ name: String) throws {
        let report = try #require(Self.reports[name])
        let problems = try ExternalValidator.junitProblems(JUnitReporter().render(report))
        #expect(problems == nil, "\(problems ?? "")")
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
        let input = report.findings.filter { RuleRegistry.inputRuleIDs.contains($0.ruleID) }
        let failing = report.findings.filter { !RuleRegistry.inputRuleIDs.contains($0.ruleID) && report.fails($0) }
        // Each failing (rule, subject) is one failed test case, however many findings it has.
        #expect(failures == Set(failing.map { "\($0.ruleID) \($0.resource?.description ?? "") \($0.location.file)" }).count)
        #expect(errors == Set(input.map { "\($0.ruleID) \($0.location.file)" }).count)
    }

    @Test("one test case per rule that ran and object or file it checked")
    func testCasePerRuleAndSubject() throws {
        let report = fixtureReport("yaml-pitfalls")
        let coverage = report.result.coverage
        let document = try XMLDocument(data: Data(JUnitReporter().render(report).utf8))
        let suites = try document.nodes(forXPath: "/testsuites/testsuite").compactMap { $0 as? XMLElement }
        #expect(suites.map { $0.attribute(forName: "name")?.stringValue ?? "" } == coverage.ruleIDs)
        for suite in suites {
            let rule = suite.attribute(forName: "name")?.stringValue ?? ""
            let expected = coverage.fileRuleIDs.contains(rule) ? coverage.files.count : coverage.resources.count
            #expect(suite.elements(forName: "testcase").count == expected, "\(rule)")
        }
        #expect(coverage.resources.count == 4)
        #expect(coverage.files.count == 3)
    }

    @Test("a hostile message survives: parsers read back what kubelint wrote, forbidden characters made visible")
    func escapingRoundTrips() throws {
        let xml = JUnitReporter().render(syntheticReport())
        let document = try XMLDocument(data: Data(xml.utf8))
        let failure = try #require(try document.nodes(forXPath: "//testcase/failure").first as? XMLElement)
        let expected = "data.\"quoted\\key\" <b>&amp;</b> must be a string,\nfound\ta boolean \u{2401}\u{241B}[31m\r 100% a:b,c \u{FFFD}]]> (and 1 more)"
        #expect(failure.attribute(forName: "message")?.stringValue == expected)
        #expect(failure.stringValue?.contains("\u{241B}[31m\r 100%") == true)
        #expect(failure.stringValue?.contains("k8s/a b.yaml:4:6: error: data.B must be a string") == true)
    }

    @Test("findings below the failure threshold do not fail a test; they are listed in system-out")
    func belowThresholdGoesToSystemOut() throws {
        let xml = JUnitReporter().render(syntheticReport())
        let document = try XMLDocument(data: Data(xml.utf8))
        let duplicateKey = try #require(try document.nodes(forXPath: "//testsuite[@name='duplicate-key']").first as? XMLElement)
        #expect(duplicateKey.attribute(forName: "failures")?.stringValue == "0")
        #expect(duplicateKey.elements(forName: "system-out").first?.stringValue == "k8s/a b.yaml:6:5: warning: duplicate key 'app' [duplicate-key]")
        let strict = try XMLDocument(data: Data(JUnitReporter().render(syntheticReport(failureThreshold: .warning)).utf8))
        let strictSuite = try #require(try strict.nodes(forXPath: "//testsuite[@name='duplicate-key']").first as? XMLElement)
        #expect(strictSuite.attribute(forName: "failures")?.stringValue == "1")
    }

    @Test("an input finding is a JUnit error, not a failure")
    func inputFindingsAreErrors() throws {
        let document = try XMLDocument(data: Data(JUnitReporter().render(fixtureReport("malformed-file")).utf8))
        let errors = try document.nodes(forXPath: "//testsuite[@name='yaml-syntax']/testcase/error")
        #expect(errors.count == 1)
        let testCase = try #require(errors.first?.parent as? XMLElement)
        #expect(testCase.attribute(forName: "name")?.stringValue == "fixtures/cases/malformed-file/k8s/broken.yaml")
    }
}
