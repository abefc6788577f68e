import Testing
import KubeLintDriver
import KubeLintEngine
@testable import KubeLintReport

@Suite("GitHub workflow commands")
struct GitHubTests {
    @Test func oneCommandPerFindingBySeverity() {
        let lines = GitHubReporter().render(syntheticReport()).split(separator: "\n")
        #expect(lines.count == 6)
        #expect(lines.filter { $0.hasPrefix("::error ") }.count == 3)
        #expect(lines.filter { $0.hasPrefix("::warning ") }.count == 1)
        #expect(lines.filter { $0.hasPrefix("::notice ") }.count == 1)
        #expect(lines.last == "3 errors, 1 warning, 1 info in 2 files (2 resources), 1 suppressed")
    }

    @Test func propertiesAndMessageAreEscaped() {
        let finding = Finding(
            ruleID: "invalid-type", severity: .error, message: "50% of\r\nit: a,b",
            location: FileLocation(file: "k8s/a,b:c%.yaml", line: 3, column: 7), remediation: "fix: it"
        )
        let report = Report(result: LintResult(findings: [finding], fileCount: 1, resourceCount: 0), toolVersion: "x")
        let first = GitHubReporter().render(report).split(separator: "\n").first.map(String.init)
        #expect(first == "::error file=k8s/a%2Cb%3Ac%25.yaml,line=3,col=7,title=kubelint%3A invalid-type::50%25 of%0D%0Ait: a,b%0Afix: it")
    }

    @Test("no message can start a second workflow command")
    func noInjectedCommands() {
        let output = GitHubReporter().render(syntheticReport())
        for line in output.split(separator: "\n", omittingEmptySubsequences: false) where line.hasPrefix("::") {
            #expect(line.hasPrefix("::error file=") || line.hasPrefix("::warning file=") || line.hasPrefix("::notice file="))
        }
        #expect(!output.contains("\r"))
        #expect(!output.contains("\u{1B}"), "an escape sequence from the input reached the log")
    }
}
