import KubeLintModel
import Foundation
import Testing
import KubeLintReport
import KubeLintEngine
@testable import KubeLintDriver

/// Swift Testing has an `ExitStatus` too.
typealias Status = KubeLintDriver.ExitStatus

/// Captures what a session writes.
final class CapturedStreams: @unchecked Sendable {
    private let lock = NSLock()
    private var output = ""
    private var error = ""

    var standardOutput: String { lock.withLock { output } }
    var standardError: String { lock.withLock { error } }

    func streams(isTerminal: Bool = false, environment: [String: String] = [:]) -> OutputStreams {
        OutputStreams(
            standardOutput: { [self] text in lock.withLock { output += text } },
            standardError: { [self] text in lock.withLock { error += text } },
            standardOutputIsTerminal: isTerminal,
            environmentVariable: { environment[$0] }
        )
    }
}

func temporaryDirectory() throws -> String {
    let path = NSTemporaryDirectory() + "kubelint-test-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

@Suite("A run writes its outputs and picks its exit status")
struct SessionOutputTests {
    let pitfalls = repositoryRoot + "/fixtures/cases/yaml-pitfalls/k8s"
    let staging = repositoryRoot + "/fixtures/staging/k8s"

    @Test func severalReportsAtOnceInNewDirectories() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var request = LintRequest(paths: [pitfalls])
        request.reports = [
            ReportDestination(format: .junit, path: directory + "/build/reports/kubelint.xml"),
            ReportDestination(format: .sarif, path: directory + "/kubelint.sarif"),
            ReportDestination(format: .json, path: directory + "/kubelint.json"),
        ]
        let captured = CapturedStreams()
        let status = LintSession.run(request, streams: captured.streams())
        #expect(status == .findings)
        #expect(captured.standardOutput.hasSuffix("5 errors in 3 files (4 resources)\n"))
        let junit = try String(contentsOfFile: directory + "/build/reports/kubelint.xml", encoding: .utf8)
        #expect(junit.hasPrefix("<?xml") && junit.contains("failures=\"3\""))
        let sarif = try String(contentsOfFile: directory + "/kubelint.sarif", encoding: .utf8)
        #expect(sarif.contains("\"version\": \"2.1.0\""))
        let json = try String(contentsOfFile: directory + "/kubelint.json", encoding: .utf8)
        #expect(json.contains("\"errors\": 5"))
        // Nothing but the reports is left behind (no temporary files).
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).sorted() == ["build", "kubelint.json", "kubelint.sarif"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory + "/build/reports") == ["kubelint.xml"])
    }

    @Test func aReportThatCannotBeWrittenExitsTwoAndTheOthersAreStillWritten() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "a file, not a directory".write(toFile: directory + "/blocker", atomically: true, encoding: .utf8)
        var request = LintRequest(paths: [staging], kubernetesVersion: KubernetesVersion(major: 1, minor: 13))
        request.reports = [
            ReportDestination(format: .junit, path: directory + "/blocker/kubelint.xml"),
            ReportDestination(format: .json, path: directory + "/kubelint.json"),
        ]
        let captured = CapturedStreams()
        #expect(LintSession.run(request, streams: captured.streams()) == .inputError)
        #expect(captured.standardError.contains("cannot write \(directory)/blocker/kubelint.xml"))
        #expect(FileManager.default.fileExists(atPath: directory + "/kubelint.json"))
        #expect(captured.standardOutput == "no problems in 24 files (24 resources)\n")
    }

    @Test func standardOutputThatCannotBeWrittenExitsTwoAfterTheReportFiles() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var request = LintRequest(paths: [staging], kubernetesVersion: KubernetesVersion(major: 1, minor: 13))
        request.reports = [ReportDestination(format: .json, path: directory + "/kubelint.json")]
        let captured = CapturedStreams()
        var streams = captured.streams()
        streams.standardOutput = { _ throws(OutputFile.WriteError) in
            throw OutputFile.WriteError(path: "standard output", reason: "No space left on device")
        }
        #expect(LintSession.run(request, streams: streams) == .inputError)
        #expect(captured.standardError == "kubelint: cannot write standard output: No space left on device\n")
        #expect(FileManager.default.fileExists(atPath: directory + "/kubelint.json"))
    }

    @Test func outputReplacesStandardOutput() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let request = LintRequest(paths: [pitfalls], format: .github, outputPath: directory + "/annotations.txt")
        let captured = CapturedStreams()
        #expect(LintSession.run(request, streams: captured.streams()) == .findings)
        #expect(captured.standardOutput.isEmpty)
        let text = try String(contentsOfFile: directory + "/annotations.txt", encoding: .utf8)
        #expect(text.hasPrefix("::error file="))
    }

    static let failOnCases: [(Severity, Status)] = [(.error, .clean), (.warning, .findings), (.info, .findings)]

    @Test("--fail-on decides which severities make the status 1", arguments: failOnCases)
    func failOn(_ threshold: Severity, _ expected: Status) {
        let warning = Finding(ruleID: "invalid-type", severity: .warning, message: "w", location: FileLocation(file: "a", line: 1, column: 1))
        let result = LintResult(findings: [warning], fileCount: 1, resourceCount: 1)
        #expect(ExitStatus.of(result, failOn: threshold) == expected)
    }

    @Test("input errors exit 2 whatever --fail-on says")
    func inputErrorsWin() {
        var request = LintRequest(paths: [repositoryRoot + "/fixtures/cases/malformed-file/k8s"])
        request.failOn = .info
        #expect(LintSession.run(request, streams: CapturedStreams().streams()) == .inputError)
    }

    /// Findings in the configuration and in a contract show their line like any other.
    @Test func findingsInTheConfigurationAndContractsHaveCodeFrames() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "contracts:\n- path: team.yaml\nrulez: {}\n".write(toFile: directory + "/.kubelint.yaml", atomically: true, encoding: .utf8)
        try "contract: team\nexpect:\n- kind: Deployment\n  objects:\n  - name: broker\n    replicaz: 1\n"
            .write(toFile: directory + "/team.yaml", atomically: true, encoding: .utf8)
        var request = LintRequest(paths: [staging], configurationSource: .file(directory + "/.kubelint.yaml"))
        request.kubernetesVersion = KubernetesVersion(major: 1, minor: 13)
        let captured = CapturedStreams()
        #expect(LintSession.run(request, streams: captured.streams()) == .inputError)
        #expect(captured.standardOutput == """
            \(directory)/.kubelint.yaml:3:1: error: unknown key 'rulez' in the configuration; did you mean 'rules'? [config-invalid]
             3 | rulez: {}
               | ^

            \(directory)/team.yaml:6:5: error: unknown key 'replicaz' in expect[0].objects[0]; did you mean 'replicas'? [contract-invalid]
             6 |     replicaz: 1
               |     ^

            2 errors in 24 files (24 resources)

            """)
    }

    @Test func quietIsSilentWhenClean() {
        var request = LintRequest(paths: [staging], kubernetesVersion: KubernetesVersion(major: 1, minor: 13))
        request.quiet = true
        let captured = CapturedStreams()
        #expect(LintSession.run(request, streams: captured.streams()) == .clean)
        #expect(captured.standardOutput.isEmpty)
    }

    /// The order README documents: `--color always|never`, then `FORCE_COLOR` (`0` and `false`
    /// turn colours off), `NO_COLOR`, `CLICOLOR_FORCE` (not `0`), then a terminal whose `TERM`
    /// is not `dumb`; an empty variable is unset.
    @Test("colours: --color, then FORCE_COLOR, NO_COLOR, CLICOLOR_FORCE, then a terminal that is not dumb", arguments: [
        (ColorChoice.auto, true, [:], true),
        (.auto, false, [:], false),
        (.auto, true, ["NO_COLOR": "1"], false),
        (.auto, true, ["NO_COLOR": ""], true),
        (.auto, true, ["TERM": "dumb"], false),
        (.always, false, ["NO_COLOR": "1"], true),
        (.never, true, [:], false),
        // FORCE_COLOR: colours on a pipe, with TERM=dumb, over NO_COLOR; 0 and false: none.
        (.auto, false, ["FORCE_COLOR": "1"], true),
        (.auto, false, ["FORCE_COLOR": "3", "TERM": "dumb"], true),
        (.auto, false, ["FORCE_COLOR": "true", "NO_COLOR": "1"], true),
        (.auto, true, ["FORCE_COLOR": "0"], false),
        (.auto, true, ["FORCE_COLOR": "false"], false),
        (.auto, false, ["FORCE_COLOR": ""], false),
        (.auto, true, ["FORCE_COLOR": "", "NO_COLOR": "1"], false),
        // CLICOLOR_FORCE: colours on a pipe, but NO_COLOR wins over it; 0 forces nothing.
        (.auto, false, ["CLICOLOR_FORCE": "1"], true),
        (.auto, false, ["CLICOLOR_FORCE": "1", "NO_COLOR": "1"], false),
        (.auto, false, ["CLICOLOR_FORCE": "0"], false),
        (.auto, true, ["CLICOLOR_FORCE": "0"], true),
        (.auto, false, ["CLICOLOR_FORCE": ""], false),
        // --color wins over every variable.
        (.never, false, ["FORCE_COLOR": "1", "CLICOLOR_FORCE": "1"], false),
        (.always, false, ["FORCE_COLOR": "0"], true),
    ] as [(ColorChoice, Bool, [String: String], Bool)])
    func colour(_ choice: ColorChoice, _ isTerminal: Bool, _ environment: [String: String], _ coloured: Bool) {
        var request = LintRequest(paths: [pitfalls])
        request.color = choice
        let captured = CapturedStreams()
        _ = LintSession.run(request, streams: captured.streams(isTerminal: isTerminal, environment: environment))
        #expect(captured.standardOutput.contains("\u{1B}[") == coloured)
    }

    @Test("--report arguments", arguments: [
        ("junit=build/kubelint.xml", ReportDestination(format: .junit, path: "build/kubelint.xml")),
        ("SARIF=a=b.sarif", ReportDestination(format: .sarif, path: "a=b.sarif")),
        ("junit=", nil),
        ("xml=out.xml", nil),
        ("out.xml", nil),
    ] as [(String, ReportDestination?)])
    func reportArgument(_ argument: String, _ expected: ReportDestination?) {
        #expect(ReportDestination(argument: argument) == expected)
    }

    @Test func runInfoIsAValidJUnitTimestamp() {
        let info = RunInfo.current()
        #expect(info.startTime.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/) != nil)
        #expect(!info.hostname.isEmpty)
    }

    @Test func explainKnowsEveryRuleAndSuggestsOnATypo() throws {
        for id in RuleCatalog.ruleIDs {
            #expect(try RuleCatalog.explanation(of: id).hasPrefix(id + " ("))
        }
        #expect(throws: RuleCatalog.ExplainError.self) { try RuleCatalog.explanation(of: "no-such-rule") }
        let error = #expect(throws: RuleCatalog.ExplainError.self) { try RuleCatalog.explanation(of: "invalid-typo") }
        #expect(error?.description.contains("did you mean 'invalid-type'?") == true)
    }
}
