#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The few POSIX calls the loader needs, with errors as text.
enum FileSystem {
    enum EntryType {
        case regular(size: Int)
        case directory(id: DirectoryID)
        case other(String)
    }

    static let fifoDescription = "a FIFO"

    struct DirectoryID: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    /// The type of what `path` points to, following symlinks.
    static func entryType(_ path: String) -> Result<EntryType, FileError> {
        var info = stat()
        guard stat(path, &info) == 0 else { return .failure(FileError.current()) }
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            return .success(.regular(size: Int(info.st_size)))
        case S_IFDIR:
            return .success(.directory(id: DirectoryID(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))))
        case S_IFIFO:
            return .success(.other(fifoDescription))
        case S_IFSOCK:
            return .success(.other("a socket"))
        case S_IFCHR, S_IFBLK:
            return .success(.other("a device"))
        default:
            return .success(.other("not a regular file"))
        }
    }

    /// Names in a directory, without `.` and `..`, in byte order (deterministic everywhere).
    static func directoryEntries(_ path: String) -> Result<[String], FileError> {
        guard let directory = opendir(path) else { return .failure(FileError.current()) }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        names.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        return .success(names)
    }

    /// Reads a whole file, refusing more than `limit` bytes.
    static func read(_ path: String, limit: Int) -> Result<[UInt8], FileError> {
        // O_NONBLOCK so that opening a FIFO with no writer cannot hang; reads are made blocking
        // again right after, so a FIFO with a writer (process substitution) is read to its end.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return .failure(FileError.current()) }
        defer { close(descriptor) }
        let flags = fcntl(descriptor, F_GETFL)
        if flags >= 0 { _ = fcntl(descriptor, F_SETFL, flags & ~O_NONBLOCK) }
        return read(descriptor: descriptor, limit: limit)
    }

    static func read(descriptor: Int32, limit: Int) -> Result<[UInt8], FileError> {
        var info = stat()
        var bytes: [UInt8] = []
        if fstat(descriptor, &info) == 0, info.st_size > 0 {
            bytes.reserveCapacity(min(Int(info.st_size), limit) + 1)
        }
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glue.read(descriptor, $0.baseAddress!, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(FileError.current())
            }
            if count == 0 { return .success(bytes) }
            bytes.append(contentsOf: chunk[0..<count])
            if bytes.count > limit { return .failure(.tooLarge(limit)) }
        }
    }

    enum FileError: Error {
        case system(String)
        case tooLarge(Int)

        static func current() -> FileError {
            .system(String(cString: strerror(errno)))
        }

        var message: String {
            switch self {
            case .system(let text): text
            case .tooLarge(let limit): "file is larger than the limit of \(limit) bytes"
            }
        }
    }
}

/// Disambiguates the C `read` from `FileSystem.read`.
private enum Glue {
    static func read(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.read(descriptor, buffer, count)
        #elseif canImport(Musl)
        Musl.read(descriptor, buffer, count)
        #else
        Darwin.read(descriptor, buffer, count)
        #endif
    }
}
