import KubeLintYAML
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

public struct LoadOptions: Sendable {
    public var limits: YAMLLimits
    /// Files larger than this are reported and skipped.
    public var maxFileSize: Int
    /// Parse files on all cores. Output order never depends on it.
    public var parallel: Bool
    /// Paths (as displayed) to leave out of the walk; explicit file arguments are never excluded.
    public var isExcluded: @Sendable (String) -> Bool

    public init(
        limits: YAMLLimits = .default,
        maxFileSize: Int = 16 * 1024 * 1024,
        parallel: Bool = true,
        isExcluded: @escaping @Sendable (String) -> Bool = { _ in false }
    ) {
        self.limits = limits
        self.maxFileSize = maxFileSize
        self.parallel = parallel
        self.isExcluded = isExcluded
    }
}

/// Finds manifest files, reads and parses them (in parallel), and decodes their resources.
/// One bad file never stops the others: its problem becomes a `LoadDiagnostic`.
public enum Loader {
    /// The name used for standard input.
    public static let standardInputName = "<stdin>"

    /// An input to parse: a path to read, or bytes already in hand (stdin, tests).
    public enum Input: Sendable {
        case file(String)
        case bytes(name: String, [UInt8])
    }

    public static func load(paths: [String], options: LoadOptions = LoadOptions(), standardInput: () -> [UInt8] = { [] }) -> LoadedTree {
        var (inputs, diagnostics) = discover(paths, options: options)
        if let stdinIndex = inputs.firstIndex(where: { if case .file(Self.standardInputName) = $0 { true } else { false } }) {
            inputs[stdinIndex] = .bytes(name: standardInputName, standardInput())
        }
        var tree = load(inputs, options: options)
        tree.diagnostics = diagnostics + tree.diagnostics
        return tree
    }

    /// Expands arguments into inputs: files as given, directories walked recursively for
    /// `.yaml`, `.yml` and `.json` files, the ones `kubectl apply -f DIR` reads (hidden entries
    /// skipped, byte-order sorted, symlink loops cut).
    public static func discover(_ paths: [String], options: LoadOptions = LoadOptions()) -> (inputs: [Input], diagnostics: [LoadDiagnostic]) {
        var inputs: [Input] = []
        var diagnostics: [LoadDiagnostic] = []
        for path in paths {
            if path == "-" {
                inputs.append(.file(standardInputName))
                continue
            }
            switch FileSystem.entryType(path) {
            case .failure(let error):
                diagnostics.append(LoadDiagnostic(kind: .unreadable, file: path, message: "cannot open: \(error.message)"))
            case .success(.directory(let id)):
                let before = inputs.count
                var visited: Set<FileSystem.DirectoryID> = [id]
                var excluded = 0
                walk(path, into: &inputs, diagnostics: &diagnostics, visited: &visited, excluded: &excluded, options: options)
                if inputs.count == before {
                    // Say so when `exclude` emptied the directory: the files are there, the configuration hides them.
                    let why = excluded == 0 ? "" : " (the configuration's exclude patterns left out \(excluded) \(excluded == 1 ? "entry" : "entries"))"
                    diagnostics.append(LoadDiagnostic(kind: .empty, file: path, message: "no .yaml, .yml or .json files found in this directory" + why))
                }
            case .success(.other(let what)) where what != FileSystem.fifoDescription:
                diagnostics.append(LoadDiagnostic(kind: .notRegularFile, file: path, message: "cannot lint \(what): not a manifest file"))
            case .success:
                // Files are read whatever their name; FIFOs too: `kubelint <(helm template .)` passes one.
                inputs.append(.file(path))
            }
        }
        return (inputs, diagnostics)
    }

    private static func walk(
        _ directory: String,
        into inputs: inout [Input],
        diagnostics: inout [LoadDiagnostic],
        visited: inout Set<FileSystem.DirectoryID>,
        excluded: inout Int,
        options: LoadOptions
    ) {
        // An explicit stack instead of recursion: directory depth is not bounded by anything.
        var pending = [directory]
        while let current = pending.popLast() {
            let entries: [FileSystem.DirectoryEntry]
            switch FileSystem.directoryEntries(current) {
            case .failure(let error):
                diagnostics.append(LoadDiagnostic(kind: .unreadable, file: current, message: "cannot read directory: \(error.message)"))
                continue
            case .success(let found):
                entries = found
            }
            var subdirectories: [String] = []
            for entry in entries where !entry.name.hasPrefix(".") {
                let name = entry.name
                let path = current.hasSuffix("/") ? current + name : current + "/" + name
                if options.isExcluded(path) {
                    excluded += 1
                    continue
                }
                // Most entries are plain files: the directory already says so, and a `stat`
                // each was a fifth of the time of linting a large tree.
                if entry.isRegularFile {
                    if isManifestName(name) { inputs.append(.file(path)) }
                    continue
                }
                switch FileSystem.entryType(path) {
                case .failure(let error):
                    if isManifestName(name) {
                        diagnostics.append(LoadDiagnostic(kind: .unreadable, file: path, message: "cannot open: \(error.message)"))
                    }
                case .success(.directory(let id)):
                    if visited.insert(id).inserted { subdirectories.append(path) }
                case .success(.regular):
                    if isManifestName(name) { inputs.append(.file(path)) }
                case .success(.other(let what)):
                    if isManifestName(name) {
                        diagnostics.append(LoadDiagnostic(kind: .notRegularFile, file: path, message: "skipped: \(what), not a regular file"))
                    }
                }
            }
            // Files of a directory come before its subdirectories' files, each level sorted.
            pending.append(contentsOf: subdirectories.reversed())
        }
    }

    /// True for the names a directory walk reads: `.yaml`, `.yml` and `.json`, in any case.
    public static func isManifestName(_ name: String) -> Bool {
        // ASCII case folding on the last bytes: `lowercased()` built a string per entry.
        let bytes = name.utf8
        func hasSuffix(_ suffix: String) -> Bool {
            guard bytes.count >= suffix.utf8.count else { return false }
            return zip(bytes.suffix(suffix.utf8.count), suffix.utf8).allSatisfy { byte, expected in
                ASCII.lowercased(byte) == expected
            }
        }
        return hasSuffix(".yaml") || hasSuffix(".yml") || hasSuffix(".json")
    }

    /// Reads, parses and decodes inputs; results keep the inputs' order.
    public static func load(_ inputs: [Input], options: LoadOptions = LoadOptions()) -> LoadedTree {
        let results = ParallelMap.map(count: inputs.count, parallel: options.parallel) { index in
            process(inputs[index], options: options)
        }
        return assemble(results)
    }

    static func process(_ input: Input, options: LoadOptions) -> FileResult {
        decode(parse(read(input, options: options), options: options))
    }
}
