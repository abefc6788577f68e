#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Wall and CPU time of a stretch of work, in nanoseconds.
struct Cost: Sendable {
    var wall: Int64
    var cpu: Int64

    static let zero = Cost(wall: 0, cpu: 0)
    static let unmeasured = Cost(wall: .max, cpu: .max)

    /// The cheaper of two runs of the same work, field by field: on a shared machine the
    /// minimum is the run least disturbed by others.
    func fastest(_ other: Cost) -> Cost {
        Cost(wall: min(wall, other.wall), cpu: min(cpu, other.cpu))
    }

    static func - (lhs: Cost, rhs: Cost) -> Cost {
        Cost(wall: lhs.wall - rhs.wall, cpu: lhs.cpu - rhs.cpu)
    }
}

enum Clock {
    static func wallNanoseconds() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }

    /// User plus system time of this process (all threads).
    static func cpuNanoseconds() -> Int64 {
        var usage = rusage()
        #if canImport(Glibc)
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        return nanoseconds(usage.ru_utime) + nanoseconds(usage.ru_stime)
    }

    static func nanoseconds(_ time: timeval) -> Int64 {
        Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_usec) * 1_000
    }

    /// Runs `work` and returns its result with what it cost.
    static func measure<T>(_ work: () -> T) -> (T, Cost) {
        let wallStart = wallNanoseconds()
        let cpuStart = cpuNanoseconds()
        let result = work()
        let cost = Cost(wall: wallNanoseconds() - wallStart, cpu: cpuNanoseconds() - cpuStart)
        return (result, cost)
    }
}
