#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one place `kubelint fix` writes a manifest back. Only regular files are written (a
/// device or FIFO given as a path is never written to: it was read, not made, as a manifest);
/// the rest is `OutputFile`'s: a symlink is followed and its target written, so the link stays
/// a link, and the file is replaced atomically, keeping its permission bits.
enum FixedFileWriter {
    static func write(_ bytes: [UInt8], to path: String) throws(OutputFile.WriteError) {
        var info = stat()
        guard stat(path, &info) == 0 else { throw OutputFile.WriteError(path: path, reason: String(cString: strerror(errno))) }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw OutputFile.WriteError(path: path, reason: "not a regular file (kubelint fix writes only regular files)")
        }
        // Manifests that parse are UTF-8, so the text is the bytes; checked all the same.
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw OutputFile.WriteError(path: path, reason: "the fixed text is not UTF-8")
        }
        try OutputFile.write(text, to: path)
    }
}
