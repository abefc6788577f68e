import Foundation
import Testing
@testable import KubeLintReport

@Suite("Unified diff of a fixed file")
struct UnifiedDiffTests {
    private func diff(_ old: String, _ new: String, path: String = "k8s/a.yaml") -> String {
        UnifiedDiff.render(path: path, original: Array(old.utf8), fixed: Array(new.utf8))
    }

    @Test func equalFilesHaveNoDiff() {
        #expect(diff("a\nb\n", "a\nb\n").isEmpty)
    }

    @Test func changesGetThreeLinesOfContext() {
        let old = (1...10).map { "line \($0)\n" }.joined()
        let new = old.replacingOccurrences(of: "line 5\n", with: "line five\nline 5b\n")
        #expect(diff(old, new) == """
            --- a/k8s/a.yaml
            +++ b/k8s/a.yaml
            @@ -2,7 +2,8 @@
             line 2
             line 3
             line 4
            -line 5
            +line five
            +line 5b
             line 6
             line 7
             line 8

            """)
    }

    @Test func distantChangesAreSeparateHunksAndAbsolutePathsStayAbsolute() {
        let old = (1...20).map { "line \($0)\n" }.joined()
        let new = old.replacingOccurrences(of: "line 1\n", with: "").replacingOccurrences(of: "line 20\n", with: "line 20\nline 21\n")
        #expect(diff(old, new, path: "/tmp/a.yaml") == """
            --- /tmp/a.yaml
            +++ /tmp/a.yaml
            @@ -1,4 +1,3 @@
            -line 1
             line 2
             line 3
             line 4
            @@ -18,3 +17,4 @@
             line 18
             line 19
             line 20
            +line 21

            """)
    }

    @Test func keepsCRLFAndMarksAMissingFinalLineBreak() {
        #expect(diff("a: 1\r\nb: 2", "a: 1\r\nb: 3") == "--- a/k8s/a.yaml\n+++ b/k8s/a.yaml\n@@ -1,2 +1,2 @@\n a: 1\r\n-b: 2\n\\ No newline at end of file\n+b: 3\n\\ No newline at end of file\n")
    }

    @Test("patch(1) turns the old text into the new", arguments: 0..<20)
    func patchApplies(_ seed: Int) throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/patch") else { return }
        var generator = SplitMix(seed: UInt64(seed))
        let old = (0..<40).map { _ in "k\(generator.next() % 6): v\n" }
        var new = old
        for _ in 0..<(1 + Int(generator.next() % 6)) {
            let index = Int(generator.next() % UInt64(new.count))
            switch generator.next() % 3 {
            case 0: new.remove(at: index)
            case 1: new.insert("added\(index): x\n", at: index)
            default: new[index] = "changed: \(index)\n"
            }
        }
        let directory = NSTemporaryDirectory() + "kubelint-diff-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let file = directory + "/a.yaml"
        try old.joined().write(toFile: file, atomically: true, encoding: .utf8)
        let text = UnifiedDiff.render(path: "a.yaml", original: Array(old.joined().utf8), fixed: Array(new.joined().utf8))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/patch")
        process.arguments = ["-p1", "-s", "-d", directory]
        let input = Pipe()
        process.standardInput = input
        try process.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == new.joined())
    }
}

/// A small deterministic generator for the patch round trips.
private struct SplitMix {
    var state: UInt64

    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
