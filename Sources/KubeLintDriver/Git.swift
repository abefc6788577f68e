#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs `git` in the current directory and returns what it prints, for `--staged`: the index
/// and the staged diff come from git itself, never from guessing at `.git`.
struct Git: Sendable {
    struct Failure: Error, CustomStringConvertible, Sendable {
        var description: String
    }

    /// Where git runs (`git -C`); nil for the current directory.
    var directory: String?

    init(directory: String? = nil) {
        self.directory = directory
    }

    /// Runs `git ARGUMENTS` with `input` (a file) as its standard input, /dev/null without.
    /// Fails with git's message when it cannot be started or exits with another status than 0.
    func run(_ arguments: [String], input: String? = nil) throws(Failure) -> [UInt8] {
        var output: [Int32] = [-1, -1]
        var errors: [Int32] = [-1, -1]
        guard pipe(&output) == 0 else { throw Failure(description: "cannot run git: \(Self.lastError())") }
        guard pipe(&errors) == 0 else {
            close(output[0]); close(output[1])
            throw Failure(description: "cannot run git: \(Self.lastError())")
        }
        // Only the ends dup2'd to 1 and 2 reach git; a copy of a write end left open in it
        // would keep the reads below from ever seeing the end.
        for descriptor in output + errors { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, input ?? "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, output[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errors[1], 2)
        let location = directory.map { ["-C", $0] } ?? []
        let argv: [UnsafeMutablePointer<CChar>?] = (["git"] + location + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var process = pid_t()
        let spawned = posix_spawnp(&process, "git", &actions, nil, argv, Self.environment)
        close(output[1])
        close(errors[1])
        defer { close(output[0]); close(errors[0]) }
        guard spawned == 0 else {
            throw Failure(description: "cannot run git: \(String(cString: strerror(spawned)))")
        }
        // git's messages are short; its output is read to the end first, then the messages.
        let printed = Self.readAll(output[0])
        let message = Self.readAll(errors[0])
        var status: Int32 = 0
        while waitpid(process, &status, 0) < 0 && errno == EINTR {}
        let exited = status & 0x7F == 0
        guard exited && (status >> 8) & 0xFF == 0 else {
            let text = String(decoding: message, as: UTF8.self).trimmingTrailingNewlines
            throw Failure(description: "git \(arguments.first ?? "") failed: \(text.isEmpty ? "status \(status)" : text)")
        }
        return printed
    }

    private static func readAll(_ descriptor: Int32) -> [UInt8] {
        var bytes: [UInt8] = []
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64 * 1024) { chunk in
            while true {
                let count = read(descriptor, chunk.baseAddress!, chunk.count)
                if count < 0 && errno == EINTR { continue }
                if count <= 0 { return }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[0..<count]))
            }
        }
        return bytes
    }

    /// The process's environment, passed on whole: under `git commit`, `GIT_INDEX_FILE` names
    /// the index being committed.
    private static var environment: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
        #if canImport(Darwin)
        _NSGetEnviron().pointee
        #else
        environ
        #endif
    }

    private static func lastError() -> String { String(cString: strerror(errno)) }
}

extension String {
    var trimmingTrailingNewlines: String {
        var text = Substring(self)
        while text.last == "\n" || text.last == "\r" { text = text.dropLast() }
        return String(text)
    }
}
