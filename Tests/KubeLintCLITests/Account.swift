import Foundation
import Testing

/// Who runs kubelint in a test. CI runs the suite as root, and root writes where nobody else
/// may (and reads every file whatever its mode), so whatever depends on permissions is run
/// twice: as the invoking user and as an unprivileged one.
enum Account: String, CaseIterable, Sendable, CustomTestStringConvertible {
    /// The user running the tests.
    case invoker
    /// `nobody` (uid and gid 65534) through `setpriv` when the tests run as root; the invoking
    /// user otherwise, who is unprivileged already.
    case unprivileged

    static let nobody: uid_t = 65534

    var testDescription: String {
        switch self {
        case .invoker: "as \(getuid() == 0 ? "root" : "the invoking user")"
        case .unprivileged: getuid() == 0 ? "as nobody" : "as the invoking (unprivileged) user"
        }
    }

    /// True when this account is another user than the one running the tests.
    var isOtherUser: Bool { self == .unprivileged && getuid() == 0 }

    /// The command prefix that runs a program as this account.
    var command: [String] {
        get throws {
            guard isOtherUser else { return [] }
            let setpriv = "/usr/bin/setpriv"
            try #require(
                FileManager.default.isExecutableFile(atPath: setpriv),
                "running as an unprivileged user needs setpriv (util-linux)"
            )
            return [setpriv, "--reuid=\(Self.nobody)", "--regid=\(Self.nobody)", "--clear-groups", "--"]
        }
    }

    /// Makes `path` this account's, as a file it created would be.
    func own(_ path: String) throws {
        guard isOtherUser else { return }
        #expect(chown(path, Self.nobody, gid_t(Self.nobody)) == 0, "chown \(path)")
    }

    /// A new scratch directory this account may write in.
    func scratchDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "kubelint-\(rawValue)-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        try own(path)
        return path
    }
}
