import KubeLintModel
import KubeLintEngine

/// `--changed-files` (the pre-commit hook): the whole tree is linted, because cross-resource
/// rules need every object, but only what concerns the changed files is reported.
///
/// A finding concerns them when it points into one, or when one of its related positions does
/// (a Deployment's `configMapKeyRef` whose key the changed ConfigMap lost). Findings outside
/// the tree's files (the configuration, a contract, a tree path that does not exist) and
/// input findings (a file of the tree that cannot be read leaves every cross-resource check
/// incomplete) are always reported. A change to the configuration or to a contract concerns
/// the whole tree. Changed files outside the tree, or left out by `exclude`, are not linted.
struct ChangedFiles {
    /// Tree files (as displayed) that changed.
    private var changed: Set<String> = []
    private var treeFiles: Set<String>
    /// True when the configuration or a contract changed: everything is reported.
    private var everything = false

    /// `changedTreeFiles`: files of the tree as displayed (`--staged` knows them from git).
    init(changedTreeFiles: Set<String>, tree: LoadedTree) {
        treeFiles = Set(tree.files.map(\.path))
        changed = changedTreeFiles
    }

    init(_ files: [String], tree: LoadedTree, kubelintFiles: [String]) {
        treeFiles = Set(tree.files.map(\.path))
        let changedCanonical = Set(files.compactMap(LocalFiles.canonicalPath))
        everything = kubelintFiles.compactMap(LocalFiles.canonicalPath).contains { changedCanonical.contains($0) }
        for file in tree.files {
            if let canonical = LocalFiles.canonicalPath(file.path), changedCanonical.contains(canonical) {
                changed.insert(file.path)
            }
        }
    }

    func scope(_ result: LintResult) -> LintResult {
        guard !everything else { return result }
        var scoped = result
        scoped.findings = result.findings.filter { keeps($0, of: result) }
        scoped.suppressed = result.suppressed.filter { concernsChange($0.finding) }
        return scoped
    }

    /// True when `finding` of `result` is reported: it concerns the change, or is always reported.
    func keeps(_ finding: Finding, of result: LintResult) -> Bool {
        everything || result.isInputFinding(finding) || !treeFiles.contains(finding.location.file)
            || concernsChange(finding)
    }

    private func concernsChange(_ finding: Finding) -> Bool {
        changed.contains(finding.location.file) || finding.related.contains { changed.contains($0.location.file) }
    }
}
