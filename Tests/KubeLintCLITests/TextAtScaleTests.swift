import Foundation
import Testing

/// Standard output at scale: a message repeated many times is printed `--all-findings` away
/// from whole, and many findings end with a count per rule. Machine formats and report files
/// are never cut.
@Suite("Text output at scale")
struct TextAtScaleTests {
    static let tree = "fixtures/cases/repeated-message/k8s"
    static let message = "data.DEBUG: YAML reads `yes` as the boolean true, but a string is required; write \"yes\" [string-expected]"

    /// The finding lines (`path:6:10: error: ...`), not the note that counts the others.
    static func findingLines(_ output: String) -> Int {
        output.components(separatedBy: ".yaml:6:10: error: \(message)\n").count - 1
    }

    @Test func aRepeatedMessageIsPrintedTenTimesThenCounted() throws {
        let outcome = try Kubelint.run([Self.tree, "--color", "never"])
        #expect(outcome.status == 1)
        #expect(Self.findingLines(outcome.output) == 10)
        #expect(outcome.output.hasSuffix("""
            2 more findings not shown: each repeats a message printed 10 times above (--all-findings prints every finding):
              2 more: error: \(Self.message)

            Findings by rule:
              12  string-expected (error)

            12 errors in 12 files (12 resources)

            """))
    }

    @Test func allFindingsPrintsEveryOne() throws {
        let outcome = try Kubelint.run([Self.tree, "--color", "never", "--all-findings"])
        #expect(outcome.status == 1)
        #expect(Self.findingLines(outcome.output) == 12)
        #expect(!outcome.output.contains("not shown"))
        #expect(outcome.output.hasSuffix("Findings by rule:\n  12  string-expected (error)\n\n12 errors in 12 files (12 resources)\n"))
    }

    @Test func reportFilesAndMachineFormatsHoldEveryFinding() throws {
        let directory = NSTemporaryDirectory() + "kubelint-scale-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let outcome = try Kubelint.run([Self.tree, "--report", "text=\(directory)/kubelint.txt", "--report", "github=\(directory)/github.txt"])
        #expect(outcome.status == 1)
        let text = try String(contentsOfFile: directory + "/kubelint.txt", encoding: .utf8)
        #expect(Self.findingLines(text) == 12)
        #expect(text.contains("Findings by rule:"))
        let github = try String(contentsOfFile: directory + "/github.txt", encoding: .utf8)
        #expect(github.components(separatedBy: "::error file=").count - 1 == 12)
        let quiet = try Kubelint.run([Self.tree, "--quiet"])
        #expect(quiet.output.split(separator: "\n").count == 12)
    }
}
