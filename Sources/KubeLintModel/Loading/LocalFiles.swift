#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The file-system questions the driver asks about kubelint's own files (configuration,
/// contracts): read one, tell what a path is, and find its canonical form to compare paths.
public enum LocalFiles {
    public enum EntryType: Sendable, Equatable {
        case regularFile
        case directory
        case other
        case missing
    }

    /// Reads a whole file (at most `limit` bytes); the error is a human message.
    public static func read(_ path: String, limit: Int = 4 * 1024 * 1024) -> Result<[UInt8], ReadError> {
        FileSystem.read(path, limit: limit).mapError { ReadError(message: $0.message) }
    }

    public struct ReadError: Error, Sendable {
        public var message: String
    }

    /// What `path` is, following symlinks.
    public static func entryType(_ path: String) -> EntryType {
        switch FileSystem.entryType(path) {
        case .failure: .missing
        case .success(.regular): .regularFile
        case .success(.directory): .directory
        case .success(.other): .other
        }
    }

    /// The absolute path with symlinks, `.` and `..` resolved; nil when the path does not exist.
    public static func canonicalPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
