import KubeLintModel
import KubeLintYAML

/// What the configuration says about which files are read: the tree to lint by default
/// (`paths`), what to leave out of directory walks (`exclude`), and the file size limit.
/// The driver applies these; the engine never sees them.
package struct LoadSettings: Sendable {
    /// What `kubelint` lints when given no path, relative to the configuration file.
    package var paths: [Located<String>] = []
    /// Patterns of files and directories to leave out of directory walks.
    package var exclude: [PathGlob] = []
    /// Files larger than this many bytes are skipped and reported; nil for the default.
    package var maxFileSize: Int?

    package init(paths: [Located<String>] = [], exclude: [PathGlob] = [], maxFileSize: Int? = nil) {
        self.paths = paths
        self.exclude = exclude
        self.maxFileSize = maxFileSize
    }
}

extension ConfigurationParser {
    static func readPaths(_ pair: Pair, _ reader: inout SchemaReader, _ parsed: inout ParsedConfiguration) {
        guard let paths = reader.strings(pair, "paths") else { return }
        for path in paths {
            if path.value.isEmpty {
                reader.report("paths must not hold an empty path", at: path.mark)
            } else if path.value == "-" {
                reader.report("paths cannot read standard input ('-'); pass - on the command line", at: path.mark)
            } else {
                parsed.loading.paths.append(path)
            }
        }
    }

    static func readExclude(_ pair: Pair, _ reader: inout SchemaReader, _ parsed: inout ParsedConfiguration) {
        guard let patterns = reader.strings(pair, "exclude") else { return }
        for pattern in patterns {
            if let glob = PathGlob(pattern.value) {
                parsed.loading.exclude.append(glob)
            } else {
                reader.report("exclude pattern '\(pattern.value)' \(PathGlob.problem(with: pattern.value) ?? "is not a pattern")", at: pattern.mark)
            }
        }
    }

    static func readMaxFileSize(_ pair: Pair, _ reader: inout SchemaReader, _ parsed: inout ParsedConfiguration) {
        guard let size = reader.int(pair, "maxFileSize") else { return }
        guard size.value > 0 else {
            reader.report("maxFileSize must be a positive number of bytes, found \(size.value)", at: size.mark)
            return
        }
        parsed.loading.maxFileSize = size.value
    }
}
