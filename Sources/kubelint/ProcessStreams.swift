import KubeLintDriver
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The process's standard streams, through plain file descriptors.
enum ProcessStreams {
    static let streams = OutputStreams(
        standardOutput: { text throws(OutputFile.WriteError) in
            try OutputFile.writeAll(text, to: 1, name: "standard output")
        },
        standardError: { text in writeAll(2, text) },
        standardInput: { readAll(0) },
        standardOutputIsTerminal: isatty(1) == 1,
        environmentVariable: { name in getenv(name).map { String(cString: $0) } }
    )

    /// Writes all of `text`, retrying short writes; for messages and listings, whose failure
    /// there is no better place to report.
    static func writeAll(_ descriptor: Int32, _ text: String) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            if written <= 0 { return }
            bytes = bytes.dropFirst(written)
        }
    }

    static func readAll(_ descriptor: Int32) -> [UInt8] {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { return bytes }
            bytes.append(contentsOf: buffer[0..<count])
        }
    }
}
