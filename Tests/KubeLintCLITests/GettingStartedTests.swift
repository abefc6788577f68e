import Foundation
import Testing

/// What a new user meets first: `kubelint` where there is nothing to lint by default, and
/// `--staged` outside a repository.
@Suite("Getting started")
struct GettingStartedTests {
    static func emptyDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "kubelint-start-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func noPathAndNoK8sDirectorySaysWhatToDo() throws {
        let directory = try Self.emptyDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let outcome = try Kubelint.run([], in: directory)
        #expect(outcome.status == 2)
        #expect(outcome.output.isEmpty)
        #expect(outcome.error == """
            kubelint: no path given, and there is no k8s/ directory here to lint by default.
            Name the manifests to check (kubelint deploy/ app.yaml, or - for standard input), or list them under `paths` in a .kubelint.yaml.

            """)
        try "defaultNamespace: staging\n".write(toFile: directory + "/.kubelint.yaml", atomically: true, encoding: .utf8)
        let configured = try Kubelint.run([], in: directory)
        #expect(configured.status == 2)
        #expect(configured.error.hasSuffix("or list them under `paths` in .kubelint.yaml.\n"))
        // A path given explicitly that does not exist stays a finding at that path.
        let missing = try Kubelint.run(["k8s", "--quiet"], in: directory)
        #expect(missing.status == 2)
        #expect(missing.output.hasPrefix("k8s:1:1: error: cannot open: No such file or directory"))
    }

    @Test func stagedOutsideARepositorySaysSo() throws {
        let directory = try Self.emptyDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createDirectory(atPath: directory + "/k8s", withIntermediateDirectories: true)
        let outcome = try Kubelint.run(["--staged"], environment: ["GIT_CEILING_DIRECTORIES": NSTemporaryDirectory()], in: directory)
        #expect(outcome.status == 2)
        #expect(outcome.error == "kubelint: --staged: git rev-parse failed: fatal: not a git repository (or any of the parent directories): .git\n")
    }

    @Test func stagedAndChangedFilesAreOneOrTheOther() throws {
        let outcome = try Kubelint.run(["--staged", "--changed-files", "k8s/a.yaml"])
        #expect(outcome.status == 2)
        #expect(outcome.error.contains("--staged reads the change from git; --changed-files takes it as paths: use one"))
    }
}
