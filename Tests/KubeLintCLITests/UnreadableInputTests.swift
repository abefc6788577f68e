import Foundation
import Testing

/// A file kubelint may not read is a finding with exit status 2, and the rest of the tree is
/// still checked. Root reads every file whatever its mode, and CI runs as root, so this runs
/// kubelint as an unprivileged user (nobody, through setpriv) when the suite runs as root.
@Suite("Unreadable input")
struct UnreadableInputTests {
    @Test func aFileThatMayNotBeReadIsReportedAndTheRestChecked() throws {
        let account = Account.unprivileged
        let tree = NSTemporaryDirectory() + "kubelint-unreadable-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: tree, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: tree) }
        try "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: witness\ndata:\n  ENABLED: yes\n"
            .write(toFile: tree + "/witness.yaml", atomically: true, encoding: .utf8)
        try "apiVersion: v1\nkind: Secret\nmetadata:\n  name: hidden\n".write(toFile: tree + "/secret.yaml", atomically: true, encoding: .utf8)
        #expect(chmod(tree + "/secret.yaml", 0) == 0)
        #expect(chmod(tree, 0o755) == 0)
        let outcome = try Kubelint.run([tree, "--quiet"], as: account)
        #expect(outcome.status == 2, "\(outcome.output)\(outcome.error)")
        #expect(outcome.output == """
            \(tree)/secret.yaml:1:1: error: cannot read: Permission denied [file-unreadable]
            \(tree)/witness.yaml:6:12: error: data.ENABLED: YAML reads `yes` as the boolean true, but a string is required; write "yes" [string-expected]

            """)
    }
}
