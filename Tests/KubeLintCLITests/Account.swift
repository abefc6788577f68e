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

    /// The kubelint binary this account can run. The build directory may lie where `nobody`
    /// cannot reach (a clone under /root), so the other user runs a copy in the temporary
    /// directory, made once per test run.
    var executable: String {
        get throws {
            guard isOtherUser else { return Kubelint.executable }
            return try Self.executableCopy.get()
        }
    }

    private static let executableCopy = Result<String, any Error> {
        // One directory per build (FNV-1a of the binary's path), replaced by each test run.
        let build = Kubelint.executable.utf8.reduce(UInt64(14_695_981_039_346_656_037)) { ($0 ^ UInt64($1)) &* 1_099_511_628_211 }
        let directory = NSTemporaryDirectory() + "kubelint-unprivileged-\(String(build, radix: 16))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let copy = directory + "/kubelint"
        try? FileManager.default.removeItem(atPath: copy)
        try FileManager.default.copyItem(atPath: Kubelint.executable, toPath: copy)
        guard chmod(directory, 0o755) == 0, chmod(copy, 0o755) == 0 else { throw CocoaError(.fileWriteNoPermission) }
        return copy
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
