import KubeLintYAML

/// The steps `Loader` takes for each input, one function each. The loader chains them per file;
/// the benchmark harness calls them one after another over the whole tree to time each step,
/// so timing costs nothing in a normal run.
extension Loader {
    /// An input after reading: its bytes, or why there are none.
    public enum ReadFile: Sendable {
        case bytes(path: String, [UInt8])
        case failed(LoadDiagnostic)
    }

    /// An input after parsing: its YAML stream, or why it was not parsed.
    public enum ParsedFile: Sendable {
        /// `helmAction`: where the first Go template action using Helm starts, if any
        /// (`HelmTemplate`); whether that makes the file a template is decided in `decode`.
        case stream(path: String, bytes: [UInt8], YAMLStream, helmAction: Mark?)
        /// Not parsed at all; `file` is set when the input was read but is not text.
        case failed(LoadDiagnostic, file: SourceFile?)
    }

    /// What one input contributes to the tree.
    public struct FileResult: Sendable {
        public var file: SourceFile?
        public var resources: [Resource] = []
        public var diagnostics: [LoadDiagnostic] = []
    }

    public static func read(_ input: Input, options: LoadOptions) -> ReadFile {
        switch input {
        case .bytes(let name, let data):
            return .bytes(path: name, data)
        case .file(let name):
            switch FileSystem.read(name, limit: options.maxFileSize) {
            case .success(let data):
                return .bytes(path: name, data)
            case .failure(.tooLarge(let limit)):
                return .failed(LoadDiagnostic(kind: .tooLarge, file: name, message: "skipped: larger than the limit of \(limit) bytes"))
            case .failure(let error):
                return .failed(LoadDiagnostic(kind: .unreadable, file: name, message: "cannot read: \(error.message)"))
            }
        }
    }

    public static func parse(_ read: ReadFile, options: LoadOptions) -> ParsedFile {
        switch read {
        case .failed(let diagnostic):
            return .failed(diagnostic, file: nil)
        case .bytes(let path, let bytes):
            if let nul = firstNulByte(bytes) {
                let mark = YAMLParser.position(ofByte: nul, in: bytes)
                return .failed(
                    LoadDiagnostic(kind: .binary, file: path, mark: mark, message: "binary file (NUL byte): not a YAML manifest"),
                    file: SourceFile(path: path, bytes: [])
                )
            }
            let helmAction = HelmTemplate.firstAction(in: bytes).map { YAMLParser.position(ofByte: $0, in: bytes) }
            return .stream(path: path, bytes: bytes, YAMLParser.parse(bytes, limits: options.limits), helmAction: helmAction)
        }
    }

    public static func decode(_ parsed: ParsedFile) -> FileResult {
        switch parsed {
        case .failed(let diagnostic, let file):
            return FileResult(file: file, diagnostics: [diagnostic])
        case .stream(let path, let bytes, let stream, let helmAction):
            var result = FileResult()
            if let error = stream.error {
                result.diagnostics.append(LoadDiagnostic(file: path, error: error))
            }
            var classifier = FileContent.Classifier(fileName: Resource.fileName(of: path))
            var problems: [SourceFile.DocumentProblem] = []
            for document in stream.documents {
                problems.append(contentsOf: document.problems.map { SourceFile.DocumentProblem(documentIndex: document.index, problem: $0) })
                // A `null` document is skipped, as kubectl skips it.
                guard let root = document.root, !root.isNull else { continue }
                let source = SourceReference(file: path, documentIndex: document.index)
                let first = result.resources.count
                result.resources.append(contentsOf: ResourceDecoder.resources(in: root, source: source))
                classifier.add(root, resources: result.resources[first...])
            }
            // Empty files and empty documents hold nothing to check, and `kubectl apply -f`
            // passes over them too; files that are not manifests are noted as such, once, and
            // nothing else is said about them.
            var content = classifier.content
            // A Helm template is what it renders to, not what it parses to: its syntax errors
            // and objects say nothing. Helm values that hold template text for `tpl` parse to no
            // object, and stay files that are not manifests; in objects, such text quoted in a
            // value (a HelmRelease's values) is data.
            if let helmAction, HelmTemplate.isTemplate(stream, path: path, content: content) {
                content = .helmTemplate(action: helmAction)
                result.diagnostics = []
            } else if let error = stream.error, error.kind == .syntax || error.kind == .undefinedAlias,
                      content != .manifests, !FileContent.mayHoldObjects(bytes) {
                // Text that never says apiVersion or kind holds no object, parsed or not: a
                // tsconfig.json with comments, a broken compose file. Not a manifest, not an
                // input error. (Unreadable text and the parser's limits stay input errors.)
                let start = stream.documents.lazy.compactMap(\.root).first?.start ?? .start
                content = .notManifest(FileContent.NotManifest(reason: .noAPIVersionOrKind, mark: start))
                result.diagnostics = []
            }
            guard content == .manifests else {
                result.resources = []
                result.file = SourceFile(path: path, bytes: bytes, documentCount: stream.documents.count, content: content)
                return result
            }
            result.file = SourceFile(path: path, bytes: bytes, documentCount: stream.documents.count, problems: problems)
            return result
        }
    }

    /// The tree made of per-file results, in the order given.
    public static func assemble(_ results: [FileResult]) -> LoadedTree {
        var tree = LoadedTree()
        tree.files.reserveCapacity(results.count)
        // Reserved up front: grown by doubling, the array would briefly hold twice the tree.
        tree.resources.reserveCapacity(results.reduce(0) { $0 + $1.resources.count })
        for result in results {
            if let file = result.file { tree.files.append(file) }
            tree.resources.append(contentsOf: result.resources)
            tree.diagnostics.append(contentsOf: result.diagnostics)
        }
        return tree
    }

    /// UTF-16 and UTF-32 text (which libyaml reads) starts with a byte order mark and holds NULs;
    /// anything else with a NUL is binary.
    private static func firstNulByte(_ bytes: [UInt8]) -> Int? {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return nil }
        return bytes.firstIndex(of: 0)
    }
}
