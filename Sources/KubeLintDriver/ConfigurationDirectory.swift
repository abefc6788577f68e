import KubeLintModel
import KubeLintEngine

/// The directory of the configuration file, against which `exclude`, `ignore[].path` and
/// `paths` are written. Paths are compared as written, made absolute from the current
/// directory and with `.` and `..` resolved, not through symlinks: `k8s/vendor/**` means the
/// files a user sees under `k8s/vendor`, wherever a symlink leads.
struct ConfigurationDirectory: Sendable {
    /// Absolute and normalized.
    let path: String
    private let workingDirectory: String

    init?(configurationFile: String) {
        guard let workingDirectory = LocalFiles.canonicalPath(".") else { return nil }
        self.workingDirectory = workingDirectory
        let absolute = Self.absolute(configurationFile, from: workingDirectory)
        var parts = absolute.split(separator: "/", omittingEmptySubsequences: true)
        parts.removeLast()
        path = "/" + parts.joined(separator: "/")
    }

    /// `displayed` relative to the configuration's directory; nil when it is outside.
    func relative(_ displayed: String) -> String? {
        let absolute = Self.absolute(displayed, from: workingDirectory)
        if path == "/" { return String(absolute.dropFirst()) }
        if absolute == path { return "" }
        guard absolute.hasPrefix(path + "/") else { return nil }
        return String(absolute.dropFirst(path.count + 1))
    }

    /// The function `exclude` patterns are checked with while walking directories.
    func exclusion(_ patterns: [PathGlob]) -> @Sendable (String) -> Bool {
        { displayed in
            guard let relative = relative(displayed), !relative.isEmpty else { return false }
            return patterns.contains { $0.matches(relative) }
        }
    }

    /// `path` made absolute from `directory`, with `.` and `..` segments resolved.
    static func absolute(_ path: String, from directory: String) -> String {
        let joined = path.hasPrefix("/") ? path : directory + "/" + path
        var parts: [Substring] = []
        for part in joined.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(part)
            }
        }
        return "/" + parts.joined(separator: "/")
    }
}
