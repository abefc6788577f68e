import Foundation
import Testing
@testable import KubeLintModel

/// A scratch directory removed when the test ends.
final class ScratchDirectory {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "kubelint-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func write(_ relative: String, _ text: String) throws {
        let url = URL(fileURLWithPath: path + "/" + relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }
}

private let configMap = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: NAME\n"

@Suite("Loading trees of files")
struct LoaderTests {
    @Test func walksRecursivelyInSortedOrderSkippingHiddenAndOtherFiles() throws {
        let scratch = try ScratchDirectory()
        try scratch.write("b.yaml", configMap.replacingOccurrences(of: "NAME", with: "b"))
        try scratch.write("a.yml", configMap.replacingOccurrences(of: "NAME", with: "a"))
        try scratch.write("sub/c.YAML", configMap.replacingOccurrences(of: "NAME", with: "c"))
        try scratch.write("A/z.yaml", configMap.replacingOccurrences(of: "NAME", with: "z"))
        try scratch.write(".hidden/d.yaml", configMap.replacingOccurrences(of: "NAME", with: "d"))
        try scratch.write(".e.yaml", configMap.replacingOccurrences(of: "NAME", with: "e"))
        try scratch.write("README.md", "# not yaml")
        let tree = Loader.load(paths: [scratch.path])
        #expect(tree.diagnostics.isEmpty)
        #expect(tree.resources.map(\.name) == ["a", "b", "z", "c"])
        #expect(tree.files.map { $0.path.replacingOccurrences(of: scratch.path, with: "") } == ["/a.yml", "/b.yaml", "/A/z.yaml", "/sub/c.YAML"])
    }

    /// `kubectl apply -f DIR` reads .json files beside .yaml and .yml: a JSON object, a JSON
    /// List (its items are the objects) and JSON objects one after another.
    @Test func walksJSONFilesToo() throws {
        let scratch = try ScratchDirectory()
        try scratch.write("a.json", "{\n  \"apiVersion\": \"v1\",\n  \"kind\": \"ConfigMap\",\n  \"metadata\": {\"name\": \"a\"}\n}\n")
        try scratch.write("b.JSON", """
            {"apiVersion": "v1", "kind": "List", "items": [
              {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "b1"}},
              {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "b2"}}
            ]}
            """)
        try scratch.write("c.json", "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"c1\"}}\n{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"c2\"}}\n")
        try scratch.write("d.jsonnet", "{}")
        let tree = Loader.load(paths: [scratch.path])
        #expect(tree.diagnostics.isEmpty)
        #expect(tree.resources.map(\.name) == ["a", "b1", "b2", "c1", "c2"])
        #expect(tree.resources.map(\.metadata.name?.mark.line) == [4, 2, 3, 1, 2])
        #expect(tree.resources[4].metadata.name?.mark.column == 64)
        #expect(tree.resources.map(\.source.documentIndex) == [0, 0, 0, 0, 1])
    }

    @Test func malformedFileDoesNotStopTheOthers() throws {
        let scratch = try ScratchDirectory()
        try scratch.write("1-good.yaml", configMap.replacingOccurrences(of: "NAME", with: "good"))
        try scratch.write("2-bad.yaml", "apiVersion: v1\nkind: [\n")
        try scratch.write("3-good.yaml", configMap.replacingOccurrences(of: "NAME", with: "also-good"))
        let tree = Loader.load(paths: [scratch.path])
        #expect(tree.resources.map(\.name) == ["good", "also-good"])
        #expect(tree.diagnostics.count == 1)
        let diagnostic = try #require(tree.diagnostics.first)
        #expect(diagnostic.kind == .syntax)
        #expect(diagnostic.file.hasSuffix("2-bad.yaml"))
        #expect(diagnostic.mark?.line == 3)
    }

    @Test func missingPathAndEmptyDirectoryAreDiagnostics() throws {
        let scratch = try ScratchDirectory()
        try FileManager.default.createDirectory(atPath: scratch.path + "/empty", withIntermediateDirectories: true)
        let tree = Loader.load(paths: [scratch.path + "/nope.yaml", scratch.path + "/empty"])
        #expect(tree.diagnostics.map(\.kind) == [.unreadable, .empty])
    }

    @Test func symlinkLoopsAreWalkedOnce() throws {
        let scratch = try ScratchDirectory()
        try scratch.write("dir/x.yaml", configMap.replacingOccurrences(of: "NAME", with: "x"))
        try FileManager.default.createSymbolicLink(atPath: scratch.path + "/dir/loop", withDestinationPath: scratch.path + "/dir")
        let tree = Loader.load(paths: [scratch.path])
        #expect(tree.resources.map(\.name) == ["x"])
    }

    @Test func standardInputIsReadForDash() {
        let tree = Loader.load(paths: ["-"], standardInput: { Array(configMap.replacingOccurrences(of: "NAME", with: "piped").utf8) })
        #expect(tree.resources.map(\.name) == ["piped"])
        #expect(tree.resources.first?.source.file == "<stdin>")
    }

    @Test func binaryFileIsADiagnostic() throws {
        let scratch = try ScratchDirectory()
        try Data([0x7F, 0x45, 0x4C, 0x46, 0x00, 0x01]).write(to: URL(fileURLWithPath: scratch.path + "/image.yaml"))
        let tree = Loader.load(paths: [scratch.path])
        #expect(tree.diagnostics.map(\.kind) == [.binary])
        #expect(tree.diagnostics.first?.mark?.column == 5)
    }

    @Test func parallelAndSerialLoadsAgree() throws {
        let scratch = try ScratchDirectory()
        for index in 0..<50 {
            try scratch.write("f\(index).yaml", configMap.replacingOccurrences(of: "NAME", with: "n\(index)"))
        }
        let parallel = Loader.load(paths: [scratch.path], options: LoadOptions(parallel: true))
        let serial = Loader.load(paths: [scratch.path], options: LoadOptions(parallel: false))
        #expect(parallel.resources.map(\.name) == serial.resources.map(\.name))
        #expect(parallel.resources.count == 50)
    }

    @Test func stagingFixtureDecodesWithoutIssues() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let tree = Loader.load(paths: [root.path + "/fixtures/staging/k8s"])
        #expect(tree.diagnostics.isEmpty)
        #expect(tree.resources.count == 24)
        #expect(tree.resources.allSatisfy { $0.issues.isEmpty }, "\(tree.resources.flatMap(\.issues).map(\.message))")
        #expect(tree.files.allSatisfy { $0.problems.isEmpty })
    }
}
