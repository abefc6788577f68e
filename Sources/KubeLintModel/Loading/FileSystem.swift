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

    struct DirectoryEntry {
        var name: String
        /// The directory itself says this is a regular file (`d_type`), so no `stat` is needed.
        /// False when it says anything else or does not know; such entries are looked at with
        /// `entryType`, which follows symlinks.
        var isRegularFile: Bool
    }

    /// Entries of a directory, without `.` and `..`, in byte order of their names
    /// (deterministic everywhere).
    static func directoryEntries(_ path: String) -> Result<[DirectoryEntry], FileError> {
        guard let directory = opendir(path) else { return .failure(FileError.current()) }
        defer { closedir(directory) }
        var entries: [DirectoryEntry] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." {
                entries.append(DirectoryEntry(name: name, isRegularFile: entry.pointee.d_type == UInt8(DT_REG)))
            }
        }
        entries.sort { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        return .success(entries)
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
        var expected = 64 * 1024
        if fstat(descriptor, &info) == 0, info.st_size > 0 {
            // One byte more than the size, so that reaching the end needs no second buffer.
            expected = min(Int(info.st_size), limit) + 1
        }
        // The usual case, a regular file of known size, is one read straight into the array:
        // no zeroed staging buffer and no copy.
        var failure: FileError?
        var reachedEnd = false
        var bytes = [UInt8](unsafeUninitializedCapacity: expected) { buffer, initialized in
            while initialized < buffer.count {
                let count = Glue.read(descriptor, buffer.baseAddress! + initialized, buffer.count - initialized)
                if count < 0 {
                    if errno == EINTR { continue }
                    failure = FileError.current()
                    return
                }
                if count == 0 {
                    reachedEnd = true
                    return
                }
                initialized += count
            }
        }
        if let failure { return .failure(failure) }
        if bytes.count > limit { return .failure(.tooLarge(limit)) }
        if reachedEnd { return .success(bytes) }
        // Larger than announced (a growing file, a pipe): read on in chunks.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64 * 1024) { chunk in
            while true {
                let count = Glue.read(descriptor, chunk.baseAddress!, chunk.count)
                if count < 0 {
                    if errno == EINTR { continue }
                    return .failure(FileError.current())
                }
                if count == 0 { return .success(bytes) }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[0..<count]))
                if bytes.count > limit { return .failure(.tooLarge(limit)) }
            }
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
