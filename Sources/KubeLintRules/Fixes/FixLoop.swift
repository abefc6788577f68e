import KubeLintModel
import KubeLintYAML

/// What `kubelint fix` did to a tree, in memory: the files it changed, the findings it fixed,
/// the ones it left with the reason, and the lint of the fixed tree.
public struct FixRun: Sendable {
    public struct ChangedFile: Sendable {
        public var path: String
        public var original: [UInt8]
        public var fixed: [UInt8]
    }

    /// In the tree's file order.
    public var changedFiles: [ChangedFile]
    public var applied: [FixPass.Applied]
    public var notFixed: [FixPass.NotFixed]
    /// The lint of the fixed tree, which decides the exit status.
    public var result: LintResult
    public var tree: LoadedTree
}

/// Lints, fixes, and lints again, until a round changes nothing: a fix may make another
/// possible (a file with tabs parses once they are spaces), and fixes whose edits met wait
/// for the next round. The files change in memory only; `reload` reads the changed contents
/// back into a tree (the driver also keeps discovery's diagnostics), and the caller writes.
public enum FixLoop {
    /// Rounds at most; a fix that would need more leaves its finding, with a note.
    public static let maxRounds = 8

    public static func run(
        _ tree: LoadedTree, linter: Linter, inputs: [String]? = nil,
        rules: [String: any FixableRule] = FixPlanner.fixableRules,
        reload: ([String: [UInt8]]) -> LoadedTree
    ) -> FixRun {
        var current = tree
        var result = linter.lint(current, inputs: inputs)
        var contents: [String: [UInt8]] = [:]
        var originals: [String: [UInt8]] = [:]
        var applied: [FixPass.Applied] = []
        var fixedBefore: Set<FixedKey> = []
        var notFixed: [FixPass.NotFixed] = []
        for round in 0...maxRounds {
            var pass = FixPlanner.plan(result, tree: current, configuration: linter.configuration, rules: rules)
            // A finding fixed once that comes back would be fixed forever: leave it.
            let repeated = pass.applied.filter { fixedBefore.contains(FixedKey($0.finding)) }
            if !repeated.isEmpty {
                let files = Set(repeated.map(\.finding.location.file))
                pass.notFixed += pass.applied.filter { files.contains($0.finding.location.file) }.map {
                    .init(finding: $0.finding, reason: "the fix did not remove the finding; please report this")
                }
                pass.applied.removeAll { files.contains($0.finding.location.file) }
                for file in files { pass.edits[file] = nil }
            }
            guard !pass.edits.isEmpty, round < maxRounds else {
                notFixed = pass.notFixed + (pass.applied.map(\.finding) + pass.deferred).map {
                    .init(finding: $0, reason: "more fixes remain after \(maxRounds) rounds; run kubelint fix again")
                }
                break
            }
            for (path, edits) in pass.edits {
                guard let bytes = contents[path] ?? current.file(path)?.bytes else { continue }
                if originals[path] == nil { originals[path] = bytes }
                contents[path] = TextPatch.apply(edits, to: bytes)
            }
            applied += pass.applied
            fixedBefore.formUnion(pass.applied.map { FixedKey($0.finding) })
            current = reload(contents)
            result = linter.lint(current, inputs: inputs)
        }
        let changed = tree.files.compactMap { file -> FixRun.ChangedFile? in
            guard let original = originals[file.path], let fixed = contents[file.path], fixed != original else { return nil }
            return FixRun.ChangedFile(path: file.path, original: original, fixed: fixed)
        }
        notFixed.sort { Finding.reportOrder($0.finding, $1.finding) }
        return FixRun(changedFiles: changed, applied: applied, notFixed: notFixed, result: result, tree: current)
    }

    /// A finding as a fix sees it, whatever its position (edits move later lines).
    private struct FixedKey: Hashable {
        var rule: String
        var file: String
        var message: String
        var resource: ResourceIdentity?

        init(_ finding: Finding) {
            rule = finding.ruleID
            file = finding.location.file
            message = finding.message
            resource = finding.resource
        }
    }
}
