#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a file so that readers see the old content or the whole new one, never a part:
/// the text goes to a temporary file in the same directory, which is then renamed over the target.
public enum AtomicFile {
    public struct WriteError: Error, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "cannot write \(path): \(reason)" }
    }

    public static func write(_ text: String, to path: String) throws(WriteError) {
        let temporary = "\(path).kubelint-\(getpid()).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw WriteError(path: path, reason: lastError()) }
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { buffer in
                Glue.write(descriptor, buffer.baseAddress, buffer.count)
            }
            if written < 0 {
                if errno == EINTR { continue }
                let reason = lastError()
                close(descriptor)
                unlink(temporary)
                throw WriteError(path: path, reason: reason)
            }
            bytes = bytes.dropFirst(written)
        }
        guard fsync(descriptor) == 0, close(descriptor) == 0 else {
            let reason = lastError()
            unlink(temporary)
            throw WriteError(path: path, reason: reason)
        }
        guard rename(temporary, path) == 0 else {
            let reason = lastError()
            unlink(temporary)
            throw WriteError(path: path, reason: reason)
        }
    }

    /// Creates the missing directories above `path` (`mkdir -p` of its parent), so that
    /// `--report junit=build/kubelint.xml` works in a fresh checkout.
    public static func createParentDirectories(of path: String) throws(WriteError) {
        var prefix = ""
        let components = path.split(separator: "/", omittingEmptySubsequences: false).dropLast()
        for (index, component) in components.enumerated() {
            prefix += (index == 0 ? "" : "/") + component
            guard !component.isEmpty, component != "." else { continue }
            if mkdir(prefix, 0o755) != 0 && errno != EEXIST {
                throw WriteError(path: path, reason: "cannot create directory \(prefix): \(lastError())")
            }
        }
    }

    private static func lastError() -> String { String(cString: strerror(errno)) }
}

private enum Glue {
    static func write(_ descriptor: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.write(descriptor, buffer, count)
        #else
        Darwin.write(descriptor, buffer, count)
        #endif
    }
}
