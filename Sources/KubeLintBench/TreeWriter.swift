#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension TreeGenerator {
    package enum WriteError: Error, CustomStringConvertible {
        case system(path: String, message: String)

        package var description: String {
            switch self {
            case .system(let path, let message): "\(path): \(message)"
            }
        }
    }

    /// Writes the tree under `root` (created if needed) and returns the number of files.
    @discardableResult
    package func write(to root: String) throws -> Int {
        let files = files()
        var created: Set<String> = []
        for file in files {
            let path = root + "/" + file.path
            try makeDirectories(parentOf: path, created: &created)
            try Self.writeFile(path, contents: file.contents)
        }
        return files.count
    }

    private func makeDirectories(parentOf path: String, created: inout Set<String>) throws {
        var prefix = ""
        let components = path.split(separator: "/", omittingEmptySubsequences: false).dropLast()
        for (position, component) in components.enumerated() {
            prefix += position == 0 ? String(component) : "/" + component
            guard !prefix.isEmpty, created.insert(prefix).inserted else { continue }
            if mkdir(prefix, 0o755) != 0 && errno != EEXIST {
                throw WriteError.system(path: prefix, message: String(cString: strerror(errno)))
            }
        }
    }

    private static func writeFile(_ path: String, contents: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw WriteError.system(path: path, message: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        let bytes = Array(contents.utf8)
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                writeBytes(descriptor, UnsafeRawBufferPointer(rebasing: buffer[written...]))
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw WriteError.system(path: path, message: String(cString: strerror(errno)))
            }
            written += count
        }
    }
}

/// The C `write`, under a name that `TreeGenerator.write(to:)` does not shadow.
private func writeBytes(_ descriptor: Int32, _ buffer: UnsafeRawBufferPointer) -> Int {
    guard let base = buffer.baseAddress else { return 0 }
    return write(descriptor, base, buffer.count)
}
