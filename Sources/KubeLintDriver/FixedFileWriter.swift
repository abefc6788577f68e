#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one place `kubelint fix` writes a manifest back. Only regular files are written (a
/// device or FIFO given as a path is never replaced); a symlink is followed and its target
/// written, so the link stays a link; the file is replaced atomically (`AtomicFile`: a
/// temporary file in the target's directory renamed over it) and keeps its permission bits.
enum FixedFileWriter {
    static func write(_ bytes: [UInt8], to path: String) throws(AtomicFile.WriteError) {
        var info = stat()
        guard stat(path, &info) == 0 else { throw AtomicFile.WriteError(path: path, reason: lastError()) }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw AtomicFile.WriteError(path: path, reason: "not a regular file (kubelint fix writes only regular files)")
        }
        guard let resolvedPointer = realpath(path, nil) else { throw AtomicFile.WriteError(path: path, reason: lastError()) }
        let target = String(cString: resolvedPointer)
        free(resolvedPointer)
        // Manifests that parse are UTF-8, so the text is the bytes; checked all the same.
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw AtomicFile.WriteError(path: path, reason: "the fixed text is not UTF-8")
        }
        try AtomicFile.write(text, to: target)
        if chmod(target, info.st_mode & 0o7777) != 0 {
            throw AtomicFile.WriteError(path: path, reason: "written, but its permissions could not be kept: \(lastError())")
        }
    }

    private static func lastError() -> String { String(cString: strerror(errno)) }
}
