#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a report where the user asked, without ever destroying what is there.
///
/// What the path names decides how:
/// - a regular file, or nothing yet: written atomically, the text going to a temporary file
///   beside it that is then renamed over it, so readers see the old report or the whole new one
///   (the file keeps its permission bits). When the directory does not let kubelint create the
///   temporary file but the file itself is writable, it is overwritten in place, as `>` would.
/// - a symlink: followed to its final target, which is then written as above; the link stays.
/// - `/dev/stdout`, `/dev/stderr`, `/dev/fd/N`, `/proc/self/fd/N`: the open descriptor N is
///   written, nothing is opened or replaced (`--report json=>(jq .)`, `-o /dev/stdout`).
/// - a character or block device, or a FIFO: opened and written in place (a FIFO waits for its
///   reader, as `>` does).
/// - a Unix socket: connected to and written.
/// - a directory: an error.
/// Any failure, a full device (`/dev/full`) or a closed pipe included, is a `WriteError`.
package enum OutputFile {
    package struct WriteError: Error, CustomStringConvertible, Sendable {
        package var path: String
        package var reason: String
        package var description: String { "cannot write \(path): \(reason)" }
    }

    /// What a path turned out to be, once symlinks are followed.
    enum Target: Equatable {
        /// An open descriptor of this process.
        case descriptor(Int32)
        /// A regular file at this path (after symlinks), with the permission bits of the file
        /// already there; nil when there is none yet.
        case regularFile(String, existingMode: mode_t?)
        /// A device or FIFO, written where it is.
        case inPlace(String)
        case socket(String)
    }

    package static func write(_ text: String, to path: String) throws(WriteError) {
        switch try target(of: path) {
        case .descriptor(let descriptor):
            guard fcntl(descriptor, F_GETFD) >= 0 else { throw WriteError(path: path, reason: lastError()) }
            try writeAll(text, to: descriptor, name: path)
        case .regularFile(let file, let existingMode):
            try replace(file, with: text, existingMode: existingMode, shownAs: path)
        case .inPlace(let file):
            let descriptor = open(file, O_WRONLY | O_NOCTTY | O_CLOEXEC)
            guard descriptor >= 0 else { throw WriteError(path: path, reason: lastError()) }
            defer { close(descriptor) }
            try writeAll(text, to: descriptor, name: path)
        case .socket(let file):
            let descriptor = try connectedSocket(file, shownAs: path)
            defer { close(descriptor) }
            try writeAll(text, to: descriptor, name: path)
        }
    }

    /// Writes all of `text` to an open descriptor, retrying short and interrupted writes.
    /// `name` is what the error calls the destination ("standard output").
    package static func writeAll(_ text: String, to descriptor: Int32, name: String) throws(WriteError) {
        var text = text
        let failure: String? = text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Glue.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return lastError()
                }
                if written == 0 { return "nothing could be written" }
                offset += written
            }
            return nil
        }
        if let failure { throw WriteError(path: name, reason: failure) }
    }

    /// Follows symlinks (at most 40, as the kernel does) to what will be written.
    static func target(of path: String) throws(WriteError) -> Target {
        var current = path
        for _ in 0..<40 {
            if let descriptor = descriptorNumber(current) { return .descriptor(descriptor) }
            var info = stat()
            guard lstat(current, &info) == 0 else {
                if errno == ENOENT { return .regularFile(current, existingMode: nil) }
                throw WriteError(path: path, reason: lastError())
            }
            switch info.st_mode & S_IFMT {
            case S_IFLNK:
                guard let destination = linkDestination(current) else { throw WriteError(path: path, reason: lastError()) }
                current = destination.hasPrefix("/") ? destination : directory(of: current) + destination
            case S_IFREG:
                return .regularFile(current, existingMode: info.st_mode & 0o7777)
            case S_IFDIR:
                throw WriteError(path: path, reason: "it is a directory; name a file in it")
            case S_IFSOCK:
                return .socket(current)
            default:
                return .inPlace(current)
            }
        }
        throw WriteError(path: path, reason: String(cString: strerror(ELOOP)))
    }

    /// N for `/dev/fd/N`, `/proc/self/fd/N`, and 1 and 2 for `/dev/stdout` and `/dev/stderr`:
    /// on Linux these are links to the pipe or terminal itself, which must not be replaced and
    /// cannot always be opened again (a socket), so the open descriptor is written instead.
    static func descriptorNumber(_ path: String) -> Int32? {
        switch path {
        case "/dev/stdout": return 1
        case "/dev/stderr": return 2
        default:
            for prefix in ["/dev/fd/", "/proc/self/fd/"] where path.hasPrefix(prefix) {
                let number = path.dropFirst(prefix.count)
                guard !number.isEmpty, number.allSatisfy(\.isASCII), number.allSatisfy(\.isNumber) else { return nil }
                return Int32(number)
            }
            return nil
        }
    }

    /// The text to a temporary file beside `file`, renamed over it.
    private static func replace(_ file: String, with text: String, existingMode: mode_t?, shownAs path: String) throws(WriteError) {
        let temporary = "\(file).kubelint-\(getpid()).tmp"
        var descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
        if descriptor < 0 && errno == EEXIST {
            // Left by an interrupted run that had the same process id.
            unlink(temporary)
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
        }
        guard descriptor >= 0 else {
            let code = errno
            if existingMode != nil, code == EACCES || code == EPERM {
                // The directory is not ours to write, the file may be: overwrite it, as `>` would.
                return try overwrite(file, with: text, shownAs: path)
            }
            throw WriteError(path: path, reason: String(cString: strerror(code)))
        }
        do throws(WriteError) {
            if let existingMode { _ = fchmod(descriptor, existingMode) }
            try writeAll(text, to: descriptor, name: path)
            guard fsync(descriptor) == 0 else { throw WriteError(path: path, reason: lastError()) }
        } catch {
            close(descriptor)
            unlink(temporary)
            throw error
        }
        guard close(descriptor) == 0, rename(temporary, file) == 0 else {
            let reason = lastError()
            unlink(temporary)
            throw WriteError(path: path, reason: reason)
        }
    }

    private static func overwrite(_ file: String, with text: String, shownAs path: String) throws(WriteError) {
        let descriptor = open(file, O_WRONLY | O_TRUNC | O_NOCTTY | O_CLOEXEC)
        guard descriptor >= 0 else { throw WriteError(path: path, reason: lastError()) }
        defer { close(descriptor) }
        try writeAll(text, to: descriptor, name: path)
    }

    private static func connectedSocket(_ file: String, shownAs path: String) throws(WriteError) -> Int32 {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(file.utf8)
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard bytes.count < capacity else {
            throw WriteError(path: path, reason: "the socket's path is longer than \(capacity - 1) bytes")
        }
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            buffer.copyBytes(from: bytes)
            buffer[bytes.count] = 0
        }
        #if canImport(Glibc)
        let stream = Int32(SOCK_STREAM.rawValue)
        #else
        let stream = SOCK_STREAM
        #endif
        let descriptor = socket(AF_UNIX, stream, 0)
        guard descriptor >= 0 else { throw WriteError(path: path, reason: lastError()) }
        let connected = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard connected == 0 else {
            let reason = lastError()
            close(descriptor)
            throw WriteError(path: path, reason: reason)
        }
        return descriptor
    }

    /// Creates the missing directories above `path` (`mkdir -p` of its parent), so that
    /// `--report junit=build/kubelint.xml` works in a fresh checkout.
    package static func createParentDirectories(of path: String) throws(WriteError) {
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

    private static func linkDestination(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count >= 0 else { return nil }
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// `a/b/` for `a/b/c`, `` for `c`: what a relative link destination is relative to.
    private static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[...slash])
    }

    private static func lastError() -> String { String(cString: strerror(errno)) }
}

private enum Glue {
    static func write(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.write(descriptor, buffer, count)
        #elseif canImport(Musl)
        Musl.write(descriptor, buffer, count)
        #else
        Darwin.write(descriptor, buffer, count)
        #endif
    }
}
