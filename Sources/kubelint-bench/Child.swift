#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A finished child process: what it printed and what it cost, as the kernel accounts it.
struct ChildRun {
    var status: Int32
    var output: String
    var wall: Int64
    var cpu: Int64
    /// Peak resident memory in bytes (`ru_maxrss`).
    var peakMemory: Int

    enum Failure: Error, CustomStringConvertible {
        case spawn(String, Int32)
        case exited([String], Int32)

        var description: String {
            switch self {
            case .spawn(let program, let code): "cannot start \(program): \(String(cString: strerror(code)))"
            case .exited(let arguments, let status): "\(arguments.joined(separator: " ")) exited with status \(status)"
            }
        }
    }

    /// This process's environment, handed on to children unchanged.
    private static var environment: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
        #if canImport(Darwin)
        _NSGetEnviron().pointee
        #else
        environ
        #endif
    }

    /// Runs `arguments[0]` with its standard output captured (or discarded) and waits for it.
    /// Each measurement runs in a fresh process so that memory peaks never mix.
    static func run(_ arguments: [String], captureOutput: Bool, acceptedStatuses: Set<Int32> = [0]) throws -> ChildRun {
        var pipeEnds: [Int32] = [-1, -1]
        #if canImport(Darwin)
        var actions: posix_spawn_file_actions_t?
        #else
        var actions = posix_spawn_file_actions_t()
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if captureOutput {
            guard pipe(&pipeEnds) == 0 else { throw Failure.spawn(arguments[0], errno) }
            posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 1)
            posix_spawn_file_actions_addclose(&actions, pipeEnds[0])
            posix_spawn_file_actions_addclose(&actions, pipeEnds[1])
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        }

        let cArguments = arguments.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        let start = Clock.wallNanoseconds()
        var pid: pid_t = 0
        let code = posix_spawn(&pid, arguments[0], &actions, nil, cArguments, Self.environment)
        if captureOutput { close(pipeEnds[1]) }
        guard code == 0 else {
            if captureOutput { close(pipeEnds[0]) }
            throw Failure.spawn(arguments[0], code)
        }

        var output: [UInt8] = []
        if captureOutput {
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(pipeEnds[0], $0.baseAddress, $0.count) }
                if count < 0 && errno == EINTR { continue }
                if count <= 0 { break }
                output.append(contentsOf: buffer[0..<count])
            }
            close(pipeEnds[0])
        }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let wall = Clock.wallNanoseconds() - start
        // Decoded by hand: the W* macros are not visible to Swift.
        let exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        guard acceptedStatuses.contains(exitStatus) else { throw Failure.exited(arguments, exitStatus) }
        return ChildRun(
            status: exitStatus,
            output: String(decoding: output, as: UTF8.self),
            wall: wall,
            cpu: Clock.nanoseconds(usage.ru_utime) + Clock.nanoseconds(usage.ru_stime),
            peakMemory: Int(usage.ru_maxrss) * 1024
        )
    }
}
