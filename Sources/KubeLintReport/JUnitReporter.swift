import KubeLintModel
import KubeLintRules

/// JUnit XML (the Apache Ant schema that Jenkins, GitLab and most CI viewers read).
///
/// One `<testsuite>` per rule that ran, one `<testcase>` per (rule, subject) it checked: the
/// subject is an object for ordinary rules and a file for input rules. A test case fails with
/// one `<failure>` holding every finding of its rule on its subject at or above the failure
/// threshold (the schema allows one per test case), or errors with one `<error>` for input
/// findings (files that could not be read or parsed, exit status 2). Findings below the
/// threshold do not fail a test; they are listed in the suite's `<system-out>`. Counts add up:
/// `tests` = passed + `failures` + `errors` in every suite.
public struct JUnitReporter: Reporter {
    public init() {}

    public func render(_ report: Report) -> String {
        let suites = JUnitSuiteBuilder(report: report).build()
        let descriptions = Dictionary(report.rules.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n"
        for (index, suite) in suites.enumerated() {
            xml += "  <testsuite"
            xml += attributes([
                ("name", suite.ruleID), ("package", "kubelint"), ("id", String(index)),
                ("timestamp", report.run.startTime), ("hostname", report.run.hostname),
                ("tests", String(suite.cases.count)), ("failures", String(suite.count(.failure))),
                ("errors", String(suite.count(.error))), ("skipped", "0"), ("time", "0"),
            ])
            xml += ">\n    <properties>\n"
            var properties = [("kubelint.version", report.toolVersion)]
            if let description = descriptions[suite.ruleID] {
                properties += [
                    ("rule.severity", description.severity.rawValue),
                    ("rule.category", description.category.rawValue),
                    ("rule.summary", description.summary),
                ]
            }
            for (name, value) in properties {
                xml += "      <property\(attributes([("name", name), ("value", value)]))/>\n"
            }
            xml += "    </properties>\n"
            for testCase in suite.cases {
                xml += "    <testcase"
                xml += attributes([("name", testCase.name), ("classname", "kubelint.\(suite.ruleID)"), ("time", "0")])
                guard let element = testCase.outcome.element else {
                    xml += "/>\n"
                    continue
                }
                xml += ">\n      <\(element)"
                xml += attributes([("message", Self.failureMessage(testCase.findings)), ("type", suite.ruleID)])
                xml += ">" + XMLText.content(Self.failureBody(testCase.findings)) + "</\(element)>\n"
                xml += "    </testcase>\n"
            }
            let notFailing = suite.notFailing.map(Self.line).joined(separator: "\n")
            xml += "    <system-out>\(XMLText.content(notFailing))</system-out>\n"
            xml += "    <system-err></system-err>\n"
            xml += "  </testsuite>\n"
        }
        return xml + "</testsuites>\n"
    }

    private func attributes(_ pairs: [(String, String)]) -> String {
        pairs.map { " \($0.0)=\"\(XMLText.attribute($0.1))\"" }.joined()
    }

    static func failureMessage(_ findings: [Finding]) -> String {
        guard let first = findings.first else { return "" }
        return findings.count == 1 ? first.message : "\(first.message) (and \(findings.count - 1) more)"
    }

    /// Every finding as a linkable line, its related positions, then the remediation once.
    static func failureBody(_ findings: [Finding]) -> String {
        var lines: [String] = []
        for finding in findings {
            lines.append(line(finding))
            for related in finding.related {
                lines.append("  note: \(related.location): \(related.message)")
            }
        }
        if let remediation = findings.first?.remediation { lines.append("remediation: \(remediation)") }
        return lines.joined(separator: "\n")
    }

    static func line(_ finding: Finding) -> String {
        "\(finding.location): \(finding.severity.rawValue): \(finding.message) [\(finding.ruleID)]"
    }
}

/// Groups findings into suites and test cases: first every (rule, subject) the run checked, in
/// coverage order, then any finding whose rule or subject coverage does not list (a report
/// built without coverage still renders every finding).
struct JUnitSuiteBuilder {
    enum Subject: Hashable {
        case resource(ResourceIdentity, file: String)
        case file(String)

        var name: String {
            switch self {
            case .resource(let identity, let file): "\(identity) (\(file))"
            case .file(let file): file
            }
        }
    }

    enum Outcome {
        case passed, failure, error

        var element: String? {
            switch self {
            case .passed: nil
            case .failure: "failure"
            case .error: "error"
            }
        }
    }

    struct TestCase {
        var subject: Subject
        var findings: [Finding] = []
        var isInput = false

        var name: String { subject.name }
        var outcome: Outcome { findings.isEmpty ? .passed : isInput ? .error : .failure }
    }

    struct Suite {
        var ruleID: String
        var cases: [TestCase] = []
        var caseIndex: [Subject: Int] = [:]
        var notFailing: [Finding] = []

        func count(_ outcome: Outcome) -> Int { cases.lazy.filter { $0.outcome == outcome }.count }

        mutating func testCase(_ subject: Subject) -> Int {
            if let index = caseIndex[subject] { return index }
            cases.append(TestCase(subject: subject))
            caseIndex[subject] = cases.count - 1
            return cases.count - 1
        }
    }

    var report: Report
    private var suites: [Suite] = []
    private var suiteIndex: [String: Int] = [:]

    init(report: Report) {
        self.report = report
    }

    consuming func build() -> [Suite] {
        let coverage = report.result.coverage
        let fileSubjects = coverage.files.map(Subject.file)
        let resourceSubjects = coverage.resources.map { Subject.resource($0.identity, file: $0.location.file) }
        for ruleID in coverage.ruleIDs {
            let suite = suite(ruleID)
            for subject in coverage.fileRuleIDs.contains(ruleID) ? fileSubjects : resourceSubjects {
                _ = suites[suite].testCase(subject)
            }
        }
        for finding in report.findings {
            let suite = suite(finding.ruleID)
            let isInput = RuleRegistry.inputRuleIDs.contains(finding.ruleID)
            guard isInput || report.fails(finding) else {
                suites[suite].notFailing.append(finding)
                continue
            }
            let subject = finding.resource.map { Subject.resource($0, file: finding.location.file) } ?? .file(finding.location.file)
            let testCase = suites[suite].testCase(subject)
            suites[suite].cases[testCase].findings.append(finding)
            suites[suite].cases[testCase].isInput = isInput
        }
        return suites
    }

    private mutating func suite(_ ruleID: String) -> Int {
        if let index = suiteIndex[ruleID] { return index }
        suites.append(Suite(ruleID: ruleID))
        suiteIndex[ruleID] = suites.count - 1
        return suites.count - 1
    }
}
