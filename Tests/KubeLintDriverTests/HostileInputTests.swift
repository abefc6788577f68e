import Foundation
import Testing
import KubeLintModel
import KubeLintEngine
import KubeLintYAML
@testable import KubeLintDriver

/// A scratch tree with one ordinary file holding a known finding, so every test can check that
/// the rest of the tree is still checked next to the hostile input.
private final class HostileTree {
    let path: String
    static let witnessFinding = "string-expected witness.yaml:6:12"

    init() throws {
        path = NSTemporaryDirectory() + "kubelint-hostile-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        try write("witness.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: witness\ndata:\n  ENABLED: yes\n")
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func write(_ name: String, _ text: String) throws {
        try write(name, Data(text.utf8))
    }

    func write(_ name: String, _ data: Data) throws {
        let url = URL(fileURLWithPath: path + "/" + name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    /// Findings as `rule file:line:column` with paths relative to the tree, and the exit status.
    func lint(_ paths: [String]? = nil, options: LoadOptions = LoadOptions()) -> (status: Int32, findings: [String]) {
        let report = LintSession.lint(LintRequest(paths: paths ?? [path], loadOptions: options))
        let findings = report.findings.map { finding in
            let file = finding.location.file.replacingOccurrences(of: path + "/", with: "")
            return "\(finding.ruleID) \(file):\(finding.location.line):\(finding.location.column)"
        }
        return (KubeLintDriver.ExitStatus.of(report.result).rawValue, findings)
    }
}

@Suite("Hostile input: a clear diagnostic, exit 2, and the rest of the tree still checked")
struct HostileInputTests {
    @Test func fileOverTheSizeLimit() throws {
        let tree = try HostileTree()
        try tree.write("big.yaml", "data: \"" + String(repeating: "x", count: 5000) + "\"\n")
        let (status, findings) = tree.lint(options: LoadOptions(maxFileSize: 4096))
        #expect(status == 2)
        #expect(findings == ["file-unreadable big.yaml:1:1", HostileTree.witnessFinding])
    }

    @Test func deepBlockNesting() throws {
        let tree = try HostileTree()
        var text = ""
        for depth in 0..<600 { text += String(repeating: " ", count: depth) + "k:\n" }
        try tree.write("deep.yaml", text)
        let (status, findings) = tree.lint()
        #expect(status == 2)
        #expect(findings == ["yaml-limits deep.yaml:513:513", HostileTree.witnessFinding])
    }

    @Test func deepFlowNesting() throws {
        let tree = try HostileTree()
        try tree.write("deep.yaml", String(repeating: "{a: [", count: 5000))
        let (status, findings) = tree.lint()
        #expect(status == 2)
        #expect(findings.first?.hasPrefix("yaml-limits deep.yaml:1:") == true)
        #expect(findings.last == HostileTree.witnessFinding)
    }

    @Test func aliasBomb() throws {
        let tree = try HostileTree()
        var text = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...12 {
            text += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        try tree.write("bomb.yaml", text)
        let (status, findings) = tree.lint()
        #expect(status == 2)
        #expect(findings.first?.hasPrefix("yaml-limits bomb.yaml:") == true)
        #expect(findings.last == HostileTree.witnessFinding)
    }

    @Test func nodeLimitWithoutAliases() throws {
        let tree = try HostileTree()
        try tree.write("wide.yaml", "items: [" + Array(repeating: "x", count: 200).joined(separator: ", ") + "]\n")
        let (status, findings) = tree.lint(options: LoadOptions(limits: YAMLLimits(maxDepth: 512, maxNodesPerDocument: 100)))
        #expect(status == 2)
        #expect(findings.first?.hasPrefix("yaml-limits wide.yaml:1:") == true)
        #expect(findings.last == HostileTree.witnessFinding)
    }

    @Test func binaryFile() throws {
        let tree = try HostileTree()
        try tree.write("logo.yaml", Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00]))
        let (status, findings) = tree.lint()
        #expect(status == 2)
        #expect(findings == ["file-unreadable logo.yaml:3:1", HostileTree.witnessFinding])
    }

    @Test func invalidUTF8() throws {
        let tree = try HostileTree()
        try tree.write("latin1.yaml", Data("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: caf".utf8) + Data([0xE9, 0x0A]))
        let (status, findings) = tree.lint()
        #expect(status == 2)
        #expect(findings == ["yaml-syntax latin1.yaml:4:12", HostileTree.witnessFinding])
    }

    @Test func directoryNamedLikeAManifestIsWalked() throws {
        let tree = try HostileTree()
        try tree.write("app.yaml/inner.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: inner\ndata:\n  N: 1\n")
        let (status, findings) = tree.lint()
        #expect(status == 1)
        #expect(findings == ["string-expected app.yaml/inner.yaml:6:6", HostileTree.witnessFinding])
        // Given explicitly, it is walked too.
        #expect(tree.lint([tree.path + "/app.yaml"]).findings == ["string-expected app.yaml/inner.yaml:6:6"])
    }

    @Test func fifoInATreeIsSkippedAndExplicitFifoWithoutWriterDoesNotHang() throws {
        let tree = try HostileTree()
        let fifo = tree.path + "/pipe.yaml"
        #expect(mkfifo(fifo, 0o644) == 0)
        let (status, findings) = tree.lint()
        #expect(status == 2)
        #expect(findings == ["file-unreadable pipe.yaml:1:1", HostileTree.witnessFinding])
        // Nobody writes to it: reading sees end of file at once instead of blocking, and an
        // empty input beside objects is passed over, as kubectl passes over it.
        let explicit = tree.lint([fifo, tree.path + "/witness.yaml"])
        #expect(explicit.status == 1)
        #expect(explicit.findings == [HostileTree.witnessFinding])
        let alone = tree.lint([fifo])
        #expect(alone.status == 2)
        #expect(alone.findings == ["no-objects pipe.yaml:1:1"])
    }

    @Test func deviceFileIsRefused() throws {
        let tree = try HostileTree()
        let (status, findings) = tree.lint(["/dev/null", tree.path])
        #expect(status == 2)
        #expect(findings == ["file-unreadable /dev/null:1:1", HostileTree.witnessFinding])
    }

    @Test func danglingSymlinkIsUnreadable() throws {
        let tree = try HostileTree()
        try FileManager.default.createSymbolicLink(atPath: tree.path + "/gone.yaml", withDestinationPath: tree.path + "/nowhere.yaml")
        let (status, findings) = tree.lint()
        #expect(status == 2)
        #expect(findings == ["file-unreadable gone.yaml:1:1", HostileTree.witnessFinding])
    }

    /// Root reads files whatever their mode: as root (CI) this is skipped, and
    /// `UnreadableInputTests` (KubeLintCLITests) runs the binary as an unprivileged user instead.
    @Test(.enabled(if: getuid() != 0, "root reads every file; UnreadableInputTests runs kubelint as nobody"))
    func unreadableFile() throws {
        let tree = try HostileTree()
        try tree.write("secret.yaml", "a: 1\n")
        #expect(chmod(tree.path + "/secret.yaml", 0) == 0)
        let (status, findings) = tree.lint()
        #expect(status == 2)
        #expect(findings == ["file-unreadable secret.yaml:1:1", HostileTree.witnessFinding])
    }

    @Test func symlinkLoopEndsTheWalk() throws {
        let tree = try HostileTree()
        try FileManager.default.createSymbolicLink(atPath: tree.path + "/loop", withDestinationPath: tree.path)
        try FileManager.default.createSymbolicLink(atPath: tree.path + "/a", withDestinationPath: tree.path + "/b")
        try FileManager.default.createSymbolicLink(atPath: tree.path + "/b", withDestinationPath: tree.path + "/a")
        let (status, findings) = tree.lint()
        #expect(status == 1)
        #expect(findings == [HostileTree.witnessFinding])
    }

    /// `kubectl apply -f DIR` passes over documents with no content and fails only when it
    /// finds no object at all ("no objects passed to apply"); so does kubelint.
    @Test(arguments: [("empty.yaml", ""), ("comments.yaml", "# nothing\n# here\n"), ("separators.yaml", "---\n---\n...\n"), ("blank.yml", "\n\n   \n"), ("nulls.yaml", "---\n~\n---\nnull\n")])
    func fileWithoutObjects(_ name: String, _ text: String) throws {
        let tree = try HostileTree()
        try tree.write(name, text)
        let (status, findings) = tree.lint()
        #expect(status == 1)
        #expect(findings == [HostileTree.witnessFinding])
        let alone = tree.lint([tree.path + "/" + name])
        #expect(alone.status == 2)
        #expect(alone.findings == ["no-objects \(name):1:1"])
    }

    @Test func crlfAndBOMEverywhereStillParse() throws {
        let tree = try HostileTree()
        try tree.write("windows.yaml", Data([0xEF, 0xBB, 0xBF]) + Data("apiVersion: v1\r\nkind: ConfigMap\r\nmetadata:\r\n  name: w\r\ndata:\r\n  X: 1\r\n".utf8))
        let (status, findings) = tree.lint()
        #expect(status == 1)
        #expect(findings == ["string-expected windows.yaml:6:6", HostileTree.witnessFinding])
    }
}
