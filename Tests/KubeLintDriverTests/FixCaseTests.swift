import KubeLintModel
import Foundation
import Testing
import KubeLintEngine
@testable import KubeLintDriver

/// A fixture case with a `fixed/` tree: `kubelint fix` on a copy of its `k8s/` must leave
/// exactly `fixed/`, report what `fix-expected.txt` lists (`fixed` and `not fixed` lines with
/// their text, then the exit status and every finding of the fixed tree), and change nothing
/// when run again.
struct FixCase: CustomTestStringConvertible, Sendable {
    var fixture: FixtureCase
    var testDescription: String { fixture.name }

    static func all() -> [FixCase] {
        FixtureCase.all().filter { FileManager.default.fileExists(atPath: $0.directory + "/fixed") }.map(FixCase.init)
    }

    /// A copy of the case's `k8s/` in a fresh directory; returns the directory.
    func copy() throws -> String {
        let directory = NSTemporaryDirectory() + "kubelint-fix-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: fixture.directory + "/k8s", toPath: directory + "/k8s")
        return directory
    }

    func request(_ directory: String, dryRun: Bool = false) -> FixRequest {
        let source: ConfigurationSource = fixture.configurationFile.map { .file($0) } ?? .none
        return FixRequest(lint: LintRequest(paths: [directory + "/k8s"], configurationSource: source), dryRun: dryRun)
    }

    /// The report of a run as `fix-expected.txt` lists it, paths relative to `directory`.
    static func lines(_ run: FixRun, status: KubeLintDriver.ExitStatus, relativeTo directory: String) -> [String] {
        func place(_ finding: Finding) -> String {
            let file = finding.location.file.hasPrefix(directory + "/") ? String(finding.location.file.dropFirst(directory.count + 1)) : finding.location.file
            return "\(finding.ruleID) \(file):\(finding.location.line):\(finding.location.column)"
        }
        return run.applied.map { "fixed \(place($0.finding)): \($0.summary)" }
            + run.notFixed.map { "not fixed \(place($0.finding)): \($0.reason)" }
            + ["exit \(status.rawValue)"]
            + run.result.findings.map(place)
    }

    func expectedLines() throws -> [String] {
        let text = try String(contentsOfFile: fixture.directory + "/fix-expected.txt", encoding: .utf8)
        return text.split(separator: "\n").map(String.init).filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }
}

/// Every regular file under `root`, by path relative to it, with its bytes.
func treeContents(_ root: String) throws -> [String: Data] {
    var contents: [String: Data] = [:]
    let enumerator = FileManager.default.enumerator(atPath: root)
    while let path = enumerator?.nextObject() as? String {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue {
            contents[path] = try Data(contentsOf: URL(fileURLWithPath: root + "/" + path))
        }
    }
    return contents
}

@Suite("Fix cases: kubelint fix leaves exactly the fixed tree")
struct FixCaseTests {
    @Test func thereAreFixCases() {
        #expect(FixCase.all().count >= 2)
    }

    @Test(arguments: FixCase.all())
    func fixCase(_ fixCase: FixCase) throws {
        let directory = try fixCase.copy()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let planned = FixSession.fix(fixCase.request(directory))
        let streams = OutputStreams(standardOutput: { _ in }, standardError: { _ in })
        let status = FixSession.run(fixCase.request(directory), streams: streams)
        #expect(FixCase.lines(planned, status: status, relativeTo: directory) == (try fixCase.expectedLines()))
        let written = try treeContents(directory + "/k8s")
        let expected = try treeContents(fixCase.fixture.directory + "/fixed")
        #expect(written.keys.sorted() == expected.keys.sorted())
        for (path, bytes) in expected {
            #expect(written[path] == bytes, "\(path) differs from fixed/\(path)")
        }
        let again = FixSession.fix(fixCase.request(directory))
        #expect(again.changedFiles.isEmpty && again.applied.isEmpty, "a second run changed \(again.changedFiles.map(\.path))")
    }

    @Test("a dry run writes nothing and prints a diff that turns the tree into fixed/", arguments: FixCase.all())
    func dryRun(_ fixCase: FixCase) throws {
        let directory = try fixCase.copy()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let before = try treeContents(directory + "/k8s")
        let diff = OutputCapture()
        let status = FixSession.run(fixCase.request(directory, dryRun: true), streams: OutputStreams(standardOutput: diff.append, standardError: { _ in }))
        #expect(try treeContents(directory + "/k8s") == before)
        let planned = FixSession.fix(fixCase.request(directory))
        #expect(status == KubeLintDriver.ExitStatus.of(planned.result))
        // The diff names every changed file and applies with patch(1) where it is installed.
        for file in planned.changedFiles {
            #expect(diff.text.contains("+++ \(file.path)\n"))
        }
        guard let patch = ["/usr/bin/patch", "/bin/patch"].first(where: FileManager.default.isExecutableFile) else { return }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: patch)
        process.arguments = ["-p0", "-s", "-d", "/"]
        let input = Pipe()
        process.standardInput = input
        try process.run()
        input.fileHandleForWriting.write(Data(diff.text.replacingOccurrences(of: "+++ /", with: "+++ ").replacingOccurrences(of: "--- /", with: "--- ").utf8))
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let patched = try treeContents(directory + "/k8s")
        let expected = try treeContents(fixCase.fixture.directory + "/fixed")
        #expect(patched == expected)
    }
}

/// Collects what a session writes to one stream.
final class OutputCapture: @unchecked Sendable {
    private var parts: [String] = []
    private let lock = NSLock()

    var text: String { lock.withLock { parts.joined() } }

    func append(_ text: String) {
        lock.withLock { parts.append(text) }
    }
}
