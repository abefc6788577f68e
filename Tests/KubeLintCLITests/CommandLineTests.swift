import Foundation
import Testing

/// The built `kubelint` binary, run as a user runs it (from the repository root).
enum Kubelint {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// SwiftPM puts the test bundle next to the products it depends on.
    static var executable: String {
        let besideTests = Bundle.main.bundleURL.appendingPathComponent("kubelint").path
        if FileManager.default.isExecutableFile(atPath: besideTests) { return besideTests }
        return Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("kubelint").path
    }

    struct Outcome {
        var status: Int32
        var output: String
        var error: String
    }

    /// Runs kubelint as `account` (see `Account`) in `directory`. `standardOutput`, when given,
    /// replaces the pipe the output is read from (the outcome's `output` is then empty).
    static let colourVariables: Set<String> = ["FORCE_COLOR", "NO_COLOR", "CLICOLOR_FORCE", "CLICOLOR"]

    static func run(
        _ arguments: [String], environment: [String: String] = [:], as account: Account = .invoker,
        standardOutput: FileHandle? = nil, in directory: String = repositoryRoot
    ) throws -> Outcome {
        let process = Process()
        let command = try account.command + [account.executable] + arguments
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        // The colour variables of the shell running the tests would change what kubelint prints.
        let inherited = ProcessInfo.processInfo.environment.filter { !colourVariables.contains($0.key) }
        process.environment = inherited.merging(environment) { $1 }
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = standardOutput ?? output
        process.standardError = error
        try process.run()
        if standardOutput != nil { try output.fileHandleForWriting.close() }
        // Read both pipes before waiting, so a large output cannot block the child.
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus,
            output: String(decoding: outputData, as: UTF8.self),
            error: String(decoding: errorData, as: UTF8.self)
        )
    }
}

@Suite("The kubelint command line")
struct CommandLineTests {
    @Test func theBinaryIsBuilt() {
        #expect(FileManager.default.isExecutableFile(atPath: Kubelint.executable), "\(Kubelint.executable)")
    }

    @Test("kubelint --help explains linting, every option and the other commands", arguments: ["--help", "-h", "help"])
    func rootHelpShowsLintUsage(_ flag: String) throws {
        let outcome = try Kubelint.run([flag])
        #expect(outcome.status == 0)
        for expected in ["USAGE: kubelint [lint] [<path> ...]", "--format <format>", "--report <format=path>", "--fail-on <severity>",
                         "--color <when>", "--quiet", "kubelint rules", "kubelint explain", "Exit status: 0"] {
            #expect(outcome.output.contains(expected), "missing \(expected)")
        }
    }

    @Test func rulesListsEveryRuleAndExplainExplainsOne() throws {
        let rules = try Kubelint.run(["rules"])
        #expect(rules.status == 0)
        let ids = rules.output.split(separator: "\n").dropFirst().map { String($0.prefix { $0 != " " }) }
        #expect(ids.contains("invalid-type") && ids.contains("yaml-syntax"))
        for id in ids {
            let explained = try Kubelint.run(["explain", id])
            #expect(explained.status == 0)
            #expect(explained.output.contains("How to fix:"), "\(id)")
        }
    }

    @Test func rulesMarkdownIsTheCommittedReference() throws {
        let outcome = try Kubelint.run(["rules", "--markdown"])
        #expect(outcome.status == 0)
        #expect(outcome.output == (try String(contentsOfFile: Kubelint.repositoryRoot + "/docs/rules.md", encoding: .utf8)))
    }

    @Test func explainAnUnknownRuleExitsTwo() throws {
        let outcome = try Kubelint.run(["explain", "invalid-typo"])
        #expect(outcome.status == 2)
        #expect(outcome.error.contains("did you mean 'invalid-type'?"))
    }

    @Test func stagingTreeWithReportsInANewDirectory() throws {
        let directory = NSTemporaryDirectory() + "kubelint-cli-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let outcome = try Kubelint.run([
            "fixtures/staging/k8s", "--kube-version", "1.13", "--report", "junit=\(directory)/build/kubelint.xml", "--report", "sarif=\(directory)/kubelint.sarif",
        ])
        #expect(outcome.status == 0)
        #expect(outcome.output == "no problems in 24 files (24 resources)\n")
        let junit = try String(contentsOfFile: directory + "/build/kubelint.xml", encoding: .utf8)
        // One test case per object (24), in a suite per kind; nothing per rule.
        #expect(junit.contains("<testsuite name=\"Deployment\""))
        #expect(junit.components(separatedBy: "<testcase ").count - 1 == 24)
        // Each of the 6 suites lists every rule id once (`kubelint.rules`): room for new rules.
        #expect(junit.utf8.count < 18_000)
        #expect(FileManager.default.fileExists(atPath: directory + "/kubelint.sarif"))
    }

    @Test func findingsExitOneWithCodeFrames() throws {
        let outcome = try Kubelint.run(["lint", "fixtures/cases/yaml-pitfalls/k8s", "--color", "never"])
        #expect(outcome.status == 1)
        #expect(outcome.output.contains("fixtures/cases/yaml-pitfalls/k8s/crlf.yaml:6:9: error: data.PORT: YAML reads `8080` as the integer 8080, but a string is required; write \"8080\" [string-expected]\n 6 |   PORT: 8080\n   |         ^\n"))
    }

    /// On a pipe, colours only when a variable forces them, and never against --color never.
    @Test func colourVariablesOnAPipe() throws {
        let tree = "fixtures/cases/yaml-pitfalls/k8s"
        #expect(try !Kubelint.run([tree]).output.contains("\u{1B}["))
        #expect(try Kubelint.run([tree], environment: ["FORCE_COLOR": "1", "NO_COLOR": "1"]).output.contains("\u{1B}[1;31merror:\u{1B}[0m"))
        #expect(try Kubelint.run([tree], environment: ["CLICOLOR_FORCE": "1"]).output.contains("\u{1B}[1;31merror:\u{1B}[0m"))
        #expect(try !Kubelint.run([tree], environment: ["CLICOLOR_FORCE": "1", "NO_COLOR": "1"]).output.contains("\u{1B}["))
        #expect(try !Kubelint.run([tree, "--color", "never"], environment: ["FORCE_COLOR": "1"]).output.contains("\u{1B}["))
    }

    @Test func quietIsSilentOnACleanTree() throws {
        let outcome = try Kubelint.run(["--quiet", "--kube-version", "1.13", "fixtures/staging/k8s"])
        #expect(outcome.status == 0)
        #expect(outcome.output.isEmpty)
    }

    @Test func githubAnnotations() throws {
        let outcome = try Kubelint.run(["--format", "github", "fixtures/cases/yaml-pitfalls/k8s"])
        #expect(outcome.status == 1)
        #expect(outcome.output.hasPrefix("::error file=fixtures/cases/yaml-pitfalls/k8s/bom.yaml,line=6,col=7,title=kubelint%3A string-expected::"))
    }

    @Test("usage errors exit 2 with a message", arguments: [
        ["--report", "xml=out.xml"],
        ["--report", "json=same.json", "--output", "same.json"],
        ["--fail-on", "fatal"],
        ["--color", "sometimes"],
    ])
    func usageErrors(_ arguments: [String]) throws {
        let outcome = try Kubelint.run(arguments + ["fixtures/staging/k8s"])
        #expect(outcome.status == 2)
        #expect(outcome.error.contains("Error:"), "\(outcome.error)")
    }

    @Test("--kube-version: a release kubelint knows, written MAJOR.MINOR", arguments: [
        ("1.99", "kubelint knows Kubernetes 1.13 to 1.37, not 1.99; the nearest is 1.37"),
        ("1.12", "kubelint knows Kubernetes 1.13 to 1.37, not 1.12; the nearest is 1.13"),
        ("2", "write MAJOR.MINOR, such as 1.29 (v1.29 and 1.29.3 are read as 1.29)"),
        ("1.x", "write MAJOR.MINOR, such as 1.29 (v1.29 and 1.29.3 are read as 1.29)"),
    ])
    func kubeVersionOutsideTheKnownReleases(_ value: String, _ message: String) throws {
        let outcome = try Kubelint.run(["--kube-version", value, "fixtures/staging/k8s"])
        #expect(outcome.status == 2)
        #expect(outcome.output.isEmpty)
        #expect(outcome.error.hasPrefix("Error: The value '\(value)' is invalid for '--kube-version <X.Y>': \(message)\n"), "\(outcome.error)")
    }

    @Test func kubeVersionWithPrefixAndPatchIsRead() throws {
        let outcome = try Kubelint.run(["--kube-version", "v1.13.11-gke.14", "fixtures/staging/k8s"])
        #expect(outcome.status == 0, "\(outcome.output)\(outcome.error)")
    }

    @Test("shell completion scripts know the options and subcommands", arguments: ["bash", "zsh", "fish"])
    func completionScripts(_ shell: String) throws {
        let outcome = try Kubelint.run(["--generate-completion-script", shell])
        #expect(outcome.status == 0)
        #expect(outcome.output.contains("fail-on"))
        #expect(outcome.output.contains("explain"))
    }
}
