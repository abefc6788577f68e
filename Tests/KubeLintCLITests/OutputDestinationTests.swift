import Foundation
import Testing

/// Where `--report` and `-o` write: files atomically, symlinks followed, devices, FIFOs, sockets
/// and open descriptors in place, never replaced; a write that fails is exit status 2 with a
/// message, and the other reports are still written. Each case runs as the invoking user (root
/// in CI) and as an unprivileged one.
@Suite("Report destinations")
struct OutputDestinationTests {
    static let staging = ["--kube-version", "1.13", "fixtures/staging/k8s"]

    /// The staging tree's JSON report, as `--format json` prints it.
    static func expectedJSON() throws -> String {
        let outcome = try Kubelint.run(staging + ["--format", "json"])
        #expect(outcome.status == 0)
        return outcome.output
    }

    static func fileType(_ path: String) -> FileAttributeType? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.type] as? FileAttributeType
    }

    @Test(arguments: Account.allCases)
    func aNewFileInNewDirectories(_ account: Account) throws {
        let directory = try account.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let outcome = try Kubelint.run(Self.staging + ["--report", "json=\(directory)/build/reports/kubelint.json"], as: account)
        #expect(outcome.status == 0, "\(outcome.error)")
        #expect(try String(contentsOfFile: directory + "/build/reports/kubelint.json", encoding: .utf8) == Self.expectedJSON())
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory + "/build/reports") == ["kubelint.json"])
    }

    @Test(arguments: Account.allCases)
    func anExistingFileIsReplacedWholeAndKeepsItsMode(_ account: Account) throws {
        let directory = try account.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let report = directory + "/kubelint.json"
        try "an older report\n".write(toFile: report, atomically: false, encoding: .utf8)
        try account.own(report)
        #expect(chmod(report, 0o640) == 0)
        let outcome = try Kubelint.run(Self.staging + ["--report", "json=\(report)"], as: account)
        #expect(outcome.status == 0, "\(outcome.error)")
        #expect(try String(contentsOfFile: report, encoding: .utf8) == Self.expectedJSON())
        let attributes = try FileManager.default.attributesOfItem(atPath: report)
        #expect((attributes[.posixPermissions] as? Int) == 0o640)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["kubelint.json"])
    }

    @Test(arguments: Account.allCases)
    func aWritableFileInADirectoryThatIsNotIsOverwrittenInPlace(_ account: Account) throws {
        let directory = try account.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let report = directory + "/kubelint.json"
        try "an older report\n".write(toFile: report, atomically: false, encoding: .utf8)
        #expect(chmod(report, 0o666) == 0)
        // Root may create files in any directory: for it, this is the atomic case again.
        #expect(chown(directory, 0, 0) == 0 || getuid() != 0)
        #expect(chmod(directory, 0o555) == 0)
        defer { chmod(directory, 0o755) }
        let outcome = try Kubelint.run(Self.staging + ["--report", "json=\(report)"], as: account)
        #expect(outcome.status == 0, "\(outcome.error)")
        #expect(try String(contentsOfFile: report, encoding: .utf8) == Self.expectedJSON())
    }

    @Test(arguments: Account.allCases)
    func aSymlinkIsFollowedAndItsTargetWritten(_ account: Account) throws {
        let directory = try account.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createDirectory(atPath: directory + "/reports", withIntermediateDirectories: false)
        try account.own(directory + "/reports")
        try "an older report\n".write(toFile: directory + "/reports/target.json", atomically: false, encoding: .utf8)
        try account.own(directory + "/reports/target.json")
        // A relative link to a link to the file, and a link to a file that does not exist yet.
        try FileManager.default.createSymbolicLink(atPath: directory + "/reports/current.json", withDestinationPath: "target.json")
        try FileManager.default.createSymbolicLink(atPath: directory + "/latest.json", withDestinationPath: "reports/current.json")
        try FileManager.default.createSymbolicLink(atPath: directory + "/new.sarif", withDestinationPath: directory + "/reports/new.sarif")
        let outcome = try Kubelint.run(
            Self.staging + ["--report", "json=\(directory)/latest.json", "--report", "sarif=\(directory)/new.sarif"], as: account
        )
        #expect(outcome.status == 0, "\(outcome.error)")
        #expect(Self.fileType(directory + "/latest.json") == .typeSymbolicLink)
        #expect(Self.fileType(directory + "/reports/current.json") == .typeSymbolicLink)
        #expect(Self.fileType(directory + "/new.sarif") == .typeSymbolicLink)
        #expect(try String(contentsOfFile: directory + "/reports/target.json", encoding: .utf8) == Self.expectedJSON())
        #expect(try String(contentsOfFile: directory + "/reports/new.sarif", encoding: .utf8).contains("\"version\": \"2.1.0\""))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory + "/reports").sorted() == ["current.json", "new.sarif", "target.json"])
    }

    @Test(arguments: Account.allCases)
    func aFullDeviceIsExitTwoTheDeviceStaysAndTheOtherReportsAreWritten(_ account: Account) throws {
        let directory = try account.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let outcome = try Kubelint.run(
            Self.staging + ["--report", "junit=/dev/full", "--report", "json=\(directory)/kubelint.json"], as: account
        )
        #expect(outcome.status == 2)
        #expect(outcome.error == "kubelint: cannot write /dev/full: No space left on device\n")
        #expect(outcome.output == "no problems in 24 files (24 resources)\n")
        #expect(Self.fileType("/dev/full") == .typeCharacterSpecial)
        #expect(try String(contentsOfFile: directory + "/kubelint.json", encoding: .utf8) == Self.expectedJSON())
    }

    @Test(arguments: Account.allCases)
    func aCharacterDeviceIsWrittenInPlace(_ account: Account) throws {
        let outcome = try Kubelint.run(Self.staging + ["--report", "junit=/dev/null", "-o", "/dev/zero"], as: account)
        #expect(outcome.status == 0, "\(outcome.error)")
        #expect(outcome.output.isEmpty)
        #expect(Self.fileType("/dev/null") == .typeCharacterSpecial && Self.fileType("/dev/zero") == .typeCharacterSpecial)
    }

    @Test(arguments: Account.allCases)
    func aFIFOIsWrittenInPlaceForItsReader(_ account: Account) throws {
        let directory = try account.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let fifo = directory + "/report.fifo"
        #expect(mkfifo(fifo, 0o600) == 0)
        try account.own(fifo)
        let reader = BackgroundRead { FileHandle(forReadingAtPath: fifo)?.readDataToEndOfFile() ?? Data() }
        let outcome = try Kubelint.run(Self.staging + ["--report", "json=\(fifo)"], as: account)
        #expect(outcome.status == 0, "\(outcome.error)")
        #expect(String(decoding: reader.wait(), as: UTF8.self) == (try Self.expectedJSON()))
        var info = stat()
        #expect(stat(fifo, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
    }

    @Test(arguments: Account.allCases)
    func aUnixSocketIsConnectedToAndWritten(_ account: Account) throws {
        let directory = try account.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let server = try SocketServer(path: directory + "/report.sock")
        let outcome = try Kubelint.run(Self.staging + ["--report", "json=\(server.path)"], as: account)
        #expect(outcome.status == 0, "\(outcome.error)")
        #expect(String(decoding: server.received(), as: UTF8.self) == (try Self.expectedJSON()))
        var info = stat()
        #expect(lstat(server.path, &info) == 0 && info.st_mode & S_IFMT == S_IFSOCK)
    }

    @Test(arguments: Account.allCases.flatMap { account in ["/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"].map { (account, $0) } })
    func standardOutputByNameIsTheOpenDescriptor(_ account: Account, _ path: String) throws {
        let outcome = try Kubelint.run(Self.staging + ["--format", "json", "-o", path], as: account)
        #expect(outcome.status == 0, "\(outcome.error)")
        #expect(outcome.output == (try Self.expectedJSON()))
    }

    @Test(arguments: Account.allCases)
    func aClosedPipeIsExitTwoAndTheOtherReportsAreWritten(_ account: Account) throws {
        let directory = try account.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let pipe = Pipe()
        try pipe.fileHandleForReading.close()
        let outcome = try Kubelint.run(
            Self.staging + ["--report", "json=/dev/stdout", "--report", "sarif=\(directory)/kubelint.sarif"],
            as: account, standardOutput: pipe.fileHandleForWriting
        )
        #expect(outcome.status == 2)
        #expect(outcome.error == """
            kubelint: cannot write /dev/stdout: Broken pipe
            kubelint: cannot write standard output: Broken pipe

            """)
        #expect(FileManager.default.fileExists(atPath: directory + "/kubelint.sarif"))
    }

    @Test(arguments: Account.allCases)
    func aDirectoryIsRefused(_ account: Account) throws {
        let directory = try account.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let outcome = try Kubelint.run(Self.staging + ["--report", "json=\(directory)"], as: account)
        #expect(outcome.status == 2)
        #expect(outcome.error == "kubelint: cannot write \(directory): it is a directory; name a file in it\n")
        #expect(Self.fileType(directory) == .typeDirectory)
    }

    @Test func aDirectoryTheUserMayNotWriteInIsAnError() throws {
        let directory = try Account.invoker.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(chmod(directory, 0o555) == 0)
        defer { chmod(directory, 0o755) }
        let outcome = try Kubelint.run(Self.staging + ["--report", "json=\(directory)/kubelint.json"], as: .unprivileged)
        #expect(outcome.status == 2)
        #expect(outcome.error == "kubelint: cannot write \(directory)/kubelint.json: Permission denied\n")
    }
}

/// Runs `body` on its own thread (opening a FIFO blocks until its writer comes).
final class BackgroundRead: @unchecked Sendable {
    // Safety: `result` is written once on the thread, read after the semaphore says so.
    private var result = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ body: @escaping @Sendable () -> Data) {
        Thread.detachNewThread { [self] in
            result = body()
            done.signal()
        }
    }

    func wait() -> Data {
        done.wait()
        return result
    }
}

/// A Unix stream socket that accepts one connection and reads it to its end.
final class SocketServer: @unchecked Sendable {
    let path: String
    private let reader: BackgroundRead

    init(path: String) throws {
        self.path = path
        let listener = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        try #require(listener >= 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            buffer.copyBytes(from: Array(path.utf8) + [0])
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        try #require(bound == 0 && listen(listener, 1) == 0)
        // Anyone may connect: the unprivileged account too.
        #expect(chmod(path, 0o777) == 0)
        reader = BackgroundRead {
            let connection = accept(listener, nil, nil)
            close(listener)
            guard connection >= 0 else { return Data() }
            return FileHandle(fileDescriptor: connection, closeOnDealloc: true).readDataToEndOfFile()
        }
    }

    func received() -> Data { reader.wait() }
}
