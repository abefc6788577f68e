#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import KubeLintModel

/// `--staged` (the pre-commit hook): what the commit being made changes, as git says it.
///
/// pre-commit passes the hook only the files that still exist, so a hook fed file names never
/// sees a deletion. This reads the staged diff itself (HEAD → index, renames detected), what
/// differs between the index and the working tree, and which files git does not track, so that
/// the tree kubelint lints is exactly the one being committed. Paths are relative to the
/// repository's top level, as git prints them.
struct StagedChange: Sendable {
    enum Kind: Sendable, Equatable {
        case added, modified, deleted
        case renamed(from: String)
    }

    struct Entry: Sendable, Equatable {
        var path: String
        var kind: Kind
    }

    /// The repository's top-level directory, absolute.
    var topLevel: String
    /// HEAD → index: what the commit changes.
    var staged: [Entry]
    /// Index → working tree: paths whose working copy is not what is staged; true when the
    /// working copy is gone.
    var unstaged: [String: Bool]
    /// Files under the tree's paths that git does not track: not part of the commit.
    var untracked: Set<String>

    /// Reads the change from git, run in the current directory. `treePaths`: the paths linted,
    /// as given (those inside the repository narrow the search for untracked files).
    static func read(git: Git = Git(), treePaths: [String]) throws(Git.Failure) -> StagedChange {
        let topLevel = String(decoding: try git.run(["rev-parse", "--show-toplevel"]), as: UTF8.self).trimmingTrailingNewlines
        let diffOptions = ["--name-status", "-z", "--no-ext-diff", "--no-textconv", "--ignore-submodules"]
        let staged = parseNameStatus(try git.run(["diff", "--cached", "-M"] + diffOptions))
        var unstaged: [String: Bool] = [:]
        for entry in parseNameStatus(try git.run(["diff", "--no-renames"] + diffOptions)) {
            unstaged[entry.path] = entry.kind == .deleted
        }
        let canonicalTop = LocalFiles.canonicalPath(topLevel) ?? topLevel
        let insideRepository = treePaths.filter { path in
            guard let canonical = LocalFiles.canonicalPath(path) else { return false }
            return canonical == canonicalTop || canonical.hasPrefix(canonicalTop + "/")
        }
        var untracked: Set<String> = []
        if !insideRepository.isEmpty {
            let listed = try git.run(["ls-files", "--others", "--full-name", "-z", "--"] + insideRepository)
            untracked = Set(listed.split(separator: 0).map { String(decoding: $0, as: UTF8.self) })
        }
        return StagedChange(topLevel: canonicalTop, staged: staged, unstaged: unstaged, untracked: untracked)
    }

    /// `git diff --name-status -z`: a status, then one path (two for renames and copies).
    static func parseNameStatus(_ bytes: [UInt8]) -> [Entry] {
        let fields = bytes.split(separator: 0, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        var entries: [Entry] = []
        var index = 0
        while index < fields.count {
            let status = fields[index]
            guard let letter = status.first else { index += 1; continue }
            switch letter {
            case "R", "C":
                guard index + 2 < fields.count else { return entries }
                let from = fields[index + 1]
                let to = fields[index + 2]
                entries.append(Entry(path: to, kind: letter == "R" ? .renamed(from: from) : .added))
                index += 3
            default:
                guard index + 1 < fields.count else { return entries }
                let path = fields[index + 1]
                let kind: Kind = switch letter {
                case "A": .added
                case "D": .deleted
                default: .modified  // M, T (type change), U (unmerged)
                }
                entries.append(Entry(path: path, kind: kind))
                index += 2
            }
        }
        return entries
    }

    /// The contents of `HEAD:path` or `:path` (the index) for each name, through one
    /// `git cat-file --batch`; a name git does not know is left out.
    static func blobs(_ names: [String], git: Git = Git()) throws(Git.Failure) -> [String: [UInt8]] {
        // The batch protocol is one name per line: a path holding a line break cannot be asked.
        let askable = names.filter { !$0.contains("\n") }
        guard !askable.isEmpty else { return [:] }
        var template = Array("\(temporaryDirectory())/kubelint-staged-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw Git.Failure(description: "cannot create a temporary file: \(String(cString: strerror(errno)))") }
        let requestFile = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        defer { unlink(requestFile) }
        do {
            try OutputFile.writeAll(askable.joined(separator: "\n") + "\n", to: descriptor, name: requestFile)
            close(descriptor)
        } catch {
            close(descriptor)
            throw Git.Failure(description: error.description)
        }
        let output = try git.run(["cat-file", "--batch"], input: requestFile)
        var contents: [String: [UInt8]] = [:]
        var offset = 0
        for name in askable {
            guard let newline = output[offset...].firstIndex(of: 10) else { break }
            let header = output[offset..<newline].split(separator: 32)
            offset = newline + 1
            // `<object> <type> <size>` and the content, or `<name> missing` (or `ambiguous`).
            guard header.count == 3, let size = Int(String(decoding: header[2], as: UTF8.self)),
                  offset + size <= output.count else { continue }
            if String(decoding: header[1], as: UTF8.self) == "blob" { contents[name] = Array(output[offset..<(offset + size)]) }
            offset += size + 1
        }
        return contents
    }

    private static func temporaryDirectory() -> String {
        getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
    }
}
