import KubeLintModel
import KubeLintEngine

/// JUnit XML (the Apache Ant schema that Jenkins, GitLab and most CI viewers read), sized by
/// what the run read and found, never by rules × objects.
///
/// - One `<testsuite>` per kind (`Deployment`, `Service`, ...; in name order) with one
///   `<testcase>` per object (`Deployment/prod/web (k8s/web.yaml)`, class `kubelint.<Kind>`),
///   which fails with every finding about the object at or above the failure threshold, from
///   whichever rules: one `<failure>` (the schema allows one per test case) whose `type` lists
///   the rule ids and whose text lists each finding as `path:line:column: severity: message
///   [rule-id]`, its related positions, then each rule's remediation.
/// - First, when some finding is about a file as written rather than an object (YAML syntax,
///   duplicate keys, suppressions, the configuration, a contract), `<testsuite name="files">`
///   with one `<testcase>` per such file, named by its path: it fails with those findings, and
///   errors for input findings (a file that cannot be read or parsed: exit status 2). Files
///   without such findings are not listed: their objects are, and a test case per file would
///   double the report of a large tree for nothing.
/// - Findings below the threshold fail nothing; they are listed in their suite's `<system-out>`.
/// - Every suite's properties name the kubelint version, the failure threshold and the rules
///   that ran. Counts add up: `tests` = passed + `failures` + `errors` in every suite.
package struct JUnitReporter: Reporter {
    package init() {}

    /// The suite of file test cases.
    static let filesSuiteName = "files"

    package func render(_ report: Report) -> String {
        let suites = JUnitSuiteBuilder(report: report).build()
        let ruleList = report.result.coverage.ruleIDs.joined(separator: " ")
        let properties = [
            ("kubelint.version", report.toolVersion),
            ("kubelint.failOn", report.failureThreshold.rawValue),
            ("kubelint.rules", ruleList),
        ]
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n"
        for (index, suite) in suites.enumerated() {
            xml += "  <testsuite"
            appendAttributes([
                ("name", suite.name), ("package", "kubelint"), ("id", String(index)),
                ("timestamp", report.run.startTime), ("hostname", report.run.hostname),
                ("tests", String(suite.cases.count)), ("failures", String(suite.count(.failure))),
                ("errors", String(suite.count(.error))), ("skipped", "0"), ("time", "0"),
            ], to: &xml)
            xml += ">\n    <properties>\n"
            for (name, value) in properties {
                xml += "      <property"
                appendAttributes([("name", name), ("value", value)], to: &xml)
                xml += "/>\n"
            }
            xml += "    </properties>\n"
            let className = "kubelint." + suite.name
            for testCase in suite.cases {
                xml += "    <testcase"
                appendAttributes([("name", testCase.name), ("classname", className), ("time", "0")], to: &xml)
                guard let element = testCase.outcome.element else {
                    xml += "/>\n"
                    continue
                }
                xml += ">\n      <\(element)"
                appendAttributes(
                    [("message", Self.failureMessage(testCase.findings)), ("type", Self.ruleIDs(testCase.findings))], to: &xml
                )
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

    private func appendAttributes(_ pairs: [(String, String)], to xml: inout String) {
        for (name, value) in pairs {
            xml += " " + name + "=\"" + XMLText.attribute(value) + "\""
        }
    }

    /// The first finding's message and rule, and how many more there are.
    static func failureMessage(_ findings: [Finding]) -> String {
        guard let first = findings.first else { return "" }
        let message = "\(first.message) [\(first.ruleID)]"
        return findings.count == 1 ? message : "\(message) (and \(findings.count - 1) more)"
    }

    /// The distinct rule ids of `findings`, in order of first appearance.
    static func ruleIDs(_ findings: [Finding]) -> String {
        var seen: Set<String> = []
        return findings.map(\.ruleID).filter { seen.insert($0).inserted }.joined(separator: " ")
    }

    /// Every finding as a linkable line with its related positions, then each rule's remediation.
    static func failureBody(_ findings: [Finding]) -> String {
        var lines: [String] = []
        var remediations: [(String, String)] = []
        var seen: Set<String> = []
        for finding in findings {
            lines.append(line(finding))
            for related in finding.related {
                lines.append("  note: \(related.location): \(related.message)")
            }
            if let remediation = finding.remediation, seen.insert(finding.ruleID).inserted {
                remediations.append((finding.ruleID, remediation))
            }
        }
        for (ruleID, remediation) in remediations {
            lines.append(remediations.count == 1 ? "remediation: \(remediation)" : "remediation (\(ruleID)): \(remediation)")
        }
        return lines.joined(separator: "\n")
    }

    static func line(_ finding: Finding) -> String {
        "\(finding.location): \(finding.severity.rawValue): \(finding.message) [\(finding.ruleID)]"
    }
}

/// Sorts findings into suites and test cases: the files suite (files with findings about them
/// as written), then one suite per kind with a test case for every object the run read (in
/// load order), then for any object with findings that the coverage does not list (a report
/// built without coverage still renders every finding).
struct JUnitSuiteBuilder {
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
        var name: String
        var findings: [Finding] = []
        /// Some finding is about input that could not be read or parsed.
        var hasInputFinding = false

        /// Input findings (unreadable or unparsable files) make the case an error.
        var outcome: Outcome {
            if findings.isEmpty { return .passed }
            return hasInputFinding ? .error : .failure
        }
    }

    struct Suite {
        var name: String
        var cases: [TestCase] = []
        var notFailing: [Finding] = []

        func count(_ outcome: Outcome) -> Int { cases.lazy.filter { $0.outcome == outcome }.count }
    }

    /// What a finding is about: a file as written, or an object of a file.
    enum Subject: Hashable {
        case file(String)
        case resource(ResourceIdentity, file: String)

        init(_ finding: Finding) {
            self = finding.resource.map { .resource($0, file: finding.location.file) } ?? .file(finding.location.file)
        }

        var suiteName: String {
            switch self {
            case .file: JUnitReporter.filesSuiteName
            case .resource(let identity, _): identity.kind ?? "(no kind)"
            }
        }

        var testCaseName: String {
            switch self {
            case .file(let file): file
            case .resource(let identity, let file): "\(identity) (\(file))"
            }
        }
    }

    var report: Report

    func build() -> [Suite] {
        // Failing findings by subject (few), and the suites' below-threshold findings.
        var failing: [Subject: [Finding]] = [:]
        var notFailing: [String: [Finding]] = [:]
        for finding in report.findings {
            let subject = Subject(finding)
            if report.result.isInputFinding(finding) || report.fails(finding) {
                failing[subject, default: []].append(finding)
            } else {
                notFailing[subject.suiteName, default: []].append(finding)
            }
        }
        // Subjects in order: every object read, then what only findings name.
        var subjects: [Subject] = []
        var listed: Set<Subject> = []
        func list(_ subject: Subject) {
            if listed.insert(subject).inserted { subjects.append(subject) }
        }
        report.result.coverage.resources.forEach { list(.resource($0.identity, file: $0.location.file)) }
        report.findings.forEach { list(Subject($0)) }
        var suites: [String: Suite] = [:]
        for subject in subjects {
            let name = subject.suiteName
            let findings = failing[subject] ?? []
            suites[name, default: Suite(name: name)].cases.append(
                TestCase(name: subject.testCaseName, findings: findings, hasInputFinding: findings.contains(where: report.result.isInputFinding))
            )
        }
        for (name, findings) in notFailing {
            suites[name, default: Suite(name: name)].notFailing = findings
        }
        return suites.values.sorted { lhs, rhs in
            if (lhs.name == JUnitReporter.filesSuiteName) != (rhs.name == JUnitReporter.filesSuiteName) {
                return lhs.name == JUnitReporter.filesSuiteName
            }
            return lhs.name.utf8.lexicographicallyPrecedes(rhs.name.utf8)
        }
    }
}
