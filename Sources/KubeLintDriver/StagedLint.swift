import KubeLintModel
import KubeLintReport
import KubeLintEngine

/// `--staged`: lints the tree as the commit leaves it and reports what the commit is
/// answerable for:
/// - what concerns the files it adds, modifies or renames (as `--changed-files` does: findings
///   in them, and findings elsewhere with a related position in them);
/// - every finding it introduces anywhere, found by linting the tree as it was before the
///   commit too (HEAD's version of the files the commit touches) and comparing: deleting a
///   claim a Deployment mounts, or renaming a ConfigMap a Deployment reads, is reported at the
///   Deployment's reference, in a file the commit does not touch;
/// - what is always reported (input findings, findings outside the tree's files).
/// A change to the configuration or a contract reports the whole tree.
enum StagedLint {
    static func lint(_ setup: LintSetup, change: StagedChange, git: Git = Git()) throws(Git.Failure) -> Report {
        let trees = try StagedTrees(change: change, setup: setup, git: git)
        let stagedTree = trees.load(trees.staged, setup: setup)
        let result = setup.lint(stagedTree)
        if trees.touchesConfiguration { return setup.report(result, tree: stagedTree) }
        let scope = ChangedFiles(changedTreeFiles: trees.changed, tree: stagedTree)
        var introduced = [Bool](repeating: false, count: result.findings.count)
        if let base = trees.base {
            let before = setup.lint(trees.load(base, setup: setup))
            var remaining: [FindingKey: Int] = [:]
            for finding in before.findings {
                remaining[FindingKey(finding, renamed: trees.renamed), default: 0] += 1
            }
            for (index, finding) in result.findings.enumerated() {
                let key = FindingKey(finding, renamed: [:])
                if let count = remaining[key], count > 0 {
                    remaining[key] = count - 1
                } else {
                    introduced[index] = true
                }
            }
        }
        var scoped = scope.scope(result)
        scoped.findings = result.findings.indices.filter { introduced[$0] || scope.keeps(result.findings[$0], of: result) }.map { result.findings[$0] }
        return setup.report(scoped, tree: stagedTree, findingsLeftOut: result.findings.count - scoped.findings.count)
    }

    /// What makes two findings the same before and after a commit: positions move when lines
    /// are added above them, so rule, file (a renamed file under its new name) and message.
    struct FindingKey: Hashable {
        var ruleID: String
        var file: String
        var message: String

        init(_ finding: Finding, renamed: [String: String]) {
            ruleID = finding.ruleID
            file = renamed[finding.location.file] ?? finding.location.file
            message = finding.message
        }
    }
}

/// The inputs of the tree as the commit leaves it (`staged`) and as it was before (`base`),
/// built from the files on disk and the blobs git holds, with display paths as a directory
/// walk of the same paths gives them, so that findings of the two trees compare.
struct StagedTrees {
    /// One path given to lint, and where it lies in the repository.
    struct Root {
        /// As given (`k8s`, `./deploy/`).
        var display: String
        /// Relative to the repository's top level (`""` for the top level itself).
        var repositoryPath: String
        var isDirectory: Bool

        /// `display` ending in exactly one `/`, as a walk prefixes what it finds.
        var displayPrefix: String { display.hasSuffix("/") ? display : display + "/" }
        var repositoryPrefix: String { repositoryPath.isEmpty ? "" : repositoryPath + "/" }
    }

    var staged: [Loader.Input] = []
    /// Nil when the commit touches no file of the tree: nothing to compare.
    var base: [Loader.Input]?
    var discoveryDiagnostics: [LoadDiagnostic] = []
    /// Files of the staged tree that the commit adds, modifies or renames, as displayed.
    var changed: Set<String> = []
    /// A renamed file's display path before the commit → after.
    var renamed: [String: String] = [:]
    /// The commit changes the configuration or a contract.
    var touchesConfiguration = false

    private var roots: [Root] = []
    private var isExcluded: @Sendable (String) -> Bool

    init(change: StagedChange, setup: LintSetup, git: Git) throws(Git.Failure) {
        isExcluded = setup.loadOptions.isExcluded
        let top = change.topLevel
        for path in setup.paths where path != "-" {
            guard let canonical = LocalFiles.canonicalPath(path), canonical == top || canonical.hasPrefix(top + "/") else { continue }
            let relative = canonical == top ? "" : String(canonical.dropFirst(top.count + 1))
            roots.append(Root(display: path, repositoryPath: relative, isDirectory: LocalFiles.entryType(path) == .directory))
        }
        let configurationFiles = Set(setup.loaded.kubelintFiles.compactMap(LocalFiles.canonicalPath).compactMap { canonical in
            canonical.hasPrefix(top + "/") ? String(canonical.dropFirst(top.count + 1)) : nil
        })
        touchesConfiguration = change.staged.contains { entry in
            if case .renamed(let from) = entry.kind, configurationFiles.contains(from) { return true }
            return configurationFiles.contains(entry.path)
        }

        // Which blobs are needed: the index's copy of files whose working copy differs, and
        // HEAD's copy of what the commit modifies, deletes or renames.
        var names: [String] = []
        for (path, _) in change.unstaged where displayPath(path) != nil { names.append(":" + path) }
        for entry in change.staged {
            switch entry.kind {
            case .added: break
            case .modified, .deleted: if displayPath(entry.path) != nil { names.append("HEAD:" + entry.path) }
            case .renamed(let from): if displayPath(from) != nil { names.append("HEAD:" + from) }
            }
        }
        let blobs = try StagedChange.blobs(names, git: git)

        // The staged tree: the working tree, with the index's copy where they differ and
        // without what git does not track.
        let (discovered, diagnostics) = Loader.discover(setup.paths, options: setup.loadOptions)
        discoveryDiagnostics = diagnostics
        for input in discovered {
            guard case .file(let display) = input, let path = repositoryPath(display) else {
                staged.append(input)
                continue
            }
            if change.untracked.contains(path) { continue }
            if change.unstaged[path] == false, let indexed = blobs[":" + path] {
                staged.append(.bytes(name: display, indexed))
            } else {
                staged.append(input)
            }
        }
        for (path, deleted) in change.unstaged.sorted(by: { $0.key < $1.key }) where deleted {
            if let display = displayPath(path), let indexed = blobs[":" + path] { staged.append(.bytes(name: display, indexed)) }
        }

        // The base tree: the staged one with HEAD's copy of what the commit touches.
        var before = staged
        let positions = Dictionary(staged.enumerated().map { (Self.name(of: $0.element), $0.offset) }, uniquingKeysWith: { first, _ in first })
        var removed: Set<Int> = []
        var touchesTree = false
        for entry in change.staged {
            switch entry.kind {
            case .added:
                guard let display = displayPath(entry.path) else { continue }
                if let position = positions[display] { removed.insert(position) }
                changed.insert(display)
            case .modified:
                guard let display = displayPath(entry.path) else { continue }
                if let previous = blobs["HEAD:" + entry.path], let position = positions[display] {
                    before[position] = .bytes(name: display, previous)
                }
                changed.insert(display)
            case .deleted:
                guard let display = displayPath(entry.path) else { continue }
                if let previous = blobs["HEAD:" + entry.path] { before.append(.bytes(name: display, previous)) }
                touchesTree = true
            case .renamed(let from):
                let now = displayPath(entry.path)
                if let now {
                    if let position = positions[now] { removed.insert(position) }
                    changed.insert(now)
                }
                if let was = displayPath(from), let previous = blobs["HEAD:" + from] {
                    before.append(.bytes(name: was, previous))
                    if let now { renamed[was] = now }
                    touchesTree = true
                }
            }
        }
        if touchesTree || !changed.isEmpty {
            base = before.enumerated().filter { !removed.contains($0.offset) }.map(\.element)
        }
    }

    func load(_ inputs: [Loader.Input], setup: LintSetup) -> LoadedTree {
        var tree = Loader.load(inputs, options: setup.loadOptions)
        tree.diagnostics = discoveryDiagnostics + tree.diagnostics
        return tree
    }

    private static func name(of input: Loader.Input) -> String {
        switch input {
        case .file(let path): path
        case .bytes(let name, _): name
        }
    }

    /// How a walk of the given paths would display the file at `path` (relative to the
    /// repository's top level); nil when the walk would not read it (outside the paths,
    /// hidden, not a manifest name (`Loader.isManifestName`), excluded by the configuration).
    func displayPath(_ path: String) -> String? {
        for root in roots {
            if !root.isDirectory {
                if path == root.repositoryPath { return root.display }
                continue
            }
            guard path.hasPrefix(root.repositoryPrefix) else { continue }
            let components = path.dropFirst(root.repositoryPrefix.count).split(separator: "/")
            guard let name = components.last, !components.contains(where: { $0.hasPrefix(".") }),
                  Loader.isManifestName(String(name)) else { continue }
            var display = root.displayPrefix
            var excluded = false
            for (index, component) in components.enumerated() {
                display += (index == 0 ? "" : "/") + component
                if isExcluded(display) { excluded = true; break }
            }
            if !excluded { return display }
        }
        return nil
    }

    /// The repository path of a file a walk displayed as `display`; nil outside the repository.
    func repositoryPath(_ display: String) -> String? {
        for root in roots {
            if !root.isDirectory {
                if display == root.display { return root.repositoryPath }
            } else if display.hasPrefix(root.displayPrefix) {
                return root.repositoryPrefix + display.dropFirst(root.displayPrefix.count)
            }
        }
        return nil
    }
}
