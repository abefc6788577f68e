import KubeLintYAML

/// One input file after parsing: its text (for code frames and comment directives), the
/// non-fatal YAML problems of its documents, and how many resources it held.
public struct SourceFile: Sendable {
    public struct DocumentProblem: Sendable, Hashable {
        public var documentIndex: Int
        public var problem: YAMLProblem
    }

    public var path: String
    public var bytes: [UInt8]
    public var documentCount: Int
    public var problems: [DocumentProblem]
    /// Manifests, or what else the file holds (nothing, tool configuration, a Helm template).
    public var content: FileContent

    public init(path: String, bytes: [UInt8], documentCount: Int = 0, problems: [DocumentProblem] = [], content: FileContent = .manifests) {
        self.path = path
        self.bytes = bytes
        self.documentCount = documentCount
        self.problems = problems
        self.content = content
    }

    /// The text of a 1-based line, without its line break; nil past the end.
    public func line(_ number: Int) -> Substring? {
        guard number >= 1 else { return nil }
        var current = 1
        var start = bytes.startIndex
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        var index = start
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                if current == number { break }
                if byte == UInt8(ascii: "\r"), index + 1 < bytes.endIndex, bytes[index + 1] == UInt8(ascii: "\n") {
                    index += 1
                }
                current += 1
                start = index + 1
            }
            index += 1
        }
        guard current == number, start <= bytes.endIndex else { return nil }
        return Substring(String(decoding: bytes[start..<index], as: UTF8.self))
    }
}

/// Everything read from the paths given on the command line.
public struct LoadedTree: Sendable {
    public var files: [SourceFile]
    public var resources: [Resource]
    public var diagnostics: [LoadDiagnostic]

    public init(files: [SourceFile] = [], resources: [Resource] = [], diagnostics: [LoadDiagnostic] = []) {
        self.files = files
        self.resources = resources
        self.diagnostics = diagnostics
    }

    public func file(_ path: String) -> SourceFile? {
        files.first { $0.path == path }
    }
}
