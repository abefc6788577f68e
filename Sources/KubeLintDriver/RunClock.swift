import KubeLintReport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension RunInfo {
    /// The current UTC time and this machine's host name.
    package static func current() -> RunInfo {
        var now = time(nil)
        var parts = tm()
        var startTime = RunInfo.unknown.startTime
        if gmtime_r(&now, &parts) != nil {
            func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : String(value) }
            startTime = "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))"
                + "T\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))"
        }
        var buffer = [CChar](repeating: 0, count: 256)
        var hostname = RunInfo.unknown.hostname
        if gethostname(&buffer, buffer.count - 1) == 0 {
            let name = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if !name.isEmpty { hostname = name }
        }
        return RunInfo(startTime: startTime, hostname: hostname)
    }
}
