import KubeLintModel
import KubeLintYAML

/// What `kubelint fix` did to a tree, in memory: the files it changed, the findings it fixed,
/// the ones it left with the reason, and the lint of the fixed tree.
package struct FixRun: Sendable {
    package struct ChangedFile: Sendable {
        package var path: String
        package var original: [UInt8]
        package var fixed: [UInt8]
    }

    /// In the tree's file order.
    package var changedFiles: [ChangedFile]
    package var applied: [FixPass.Applied]
    package var notFixed: [FixPass.NotFixed]
    /// The lint of the fixed tree, which decides the exit status.
    package var result: LintResult
    package var tree: LoadedTree
}

/// Lints, fixes, and lints again, until a round changes nothing: a fix may make another
/// possible (a file with tabs parses once they are spaces), and fixes whose edits met wait
/// for the next round. The files change in memory only; `reload` reads the changed contents
/// back into a tree (the driver also keeps discovery's diagnostics), and the caller writes.
///
/// Two guards keep a fix from doing harm the planner cannot see: a finding that comes back
/// after its fix is left (a fix that does not fix would run forever), and a round that makes a
/// suppressed finding of its file unsuppressed (a `# kubelint:ignore` comment no longer on the
/// line it applies to) is undone for that file, and its fixes retried one at a time; the one
/// that does it is left, with the reason.
package enum FixLoop {
    /// Rounds at most; a fix that would need more leaves its finding, with a note.
    package static let maxRounds = 8

    package static func run(
        _ tree: LoadedTree, linter: Linter, inputs: [String]? = nil,
        reload: ([String: [UInt8]]) -> LoadedTree
    ) -> FixRun {
        let rules = linter.catalog.fixableRules()
        var current = tree
        var result = linter.lint(current, inputs: inputs)
        var contents: [String: [UInt8]] = [:]
        var originals: [String: [UInt8]] = [:]
        var applied: [FixPass.Applied] = []
        var fixedBefore: Set<FixedKey> = []
        var refused: [FixedKey: String] = [:]
        var oneAtATime: Set<String> = []
        var notFixed: [FixPass.NotFixed] = []
        var rounds = 0
        while true {
            let pass = FixPlanner.plan(
                result, tree: current, configuration: linter.configuration, rules: rules,
                refusal: { refused[FixedKey($0)] }, oneFixPerFile: oneAtATime
            )
            let repeated = pass.applied.filter { fixedBefore.contains(FixedKey($0.finding)) }
            if !repeated.isEmpty {
                for entry in repeated { refused[FixedKey(entry.finding)] = "the fix did not remove the finding; please report this" }
                continue
            }
            guard !pass.edits.isEmpty, rounds < maxRounds else {
                let reason = rounds < maxRounds
                    ? "kubelint could not combine this fix with the others of its file"
                    : "more fixes remain after \(maxRounds) rounds; run kubelint fix again"
                notFixed = pass.notFixed + (pass.applied.map(\.finding) + pass.deferred).map { .init(finding: $0, reason: reason) }
                break
            }
            rounds += 1
            let before = contents
            for (path, edits) in pass.edits {
                guard let bytes = contents[path] ?? current.file(path)?.bytes else { continue }
                if originals[path] == nil { originals[path] = bytes }
                contents[path] = TextPatch.apply(edits, to: bytes)
            }
            var next = linter.lint(reload(contents), inputs: inputs)
            var kept = pass.applied
            let broken = unsuppressed(before: result, after: next, in: Set(pass.edits.keys))
            if !broken.isEmpty {
                for (path, suppressed) in broken {
                    contents[path] = before[path]
                    let inFile = pass.applied.filter { $0.finding.location.file == path }
                    if inFile.count == 1 {
                        let where_ = suppressed.suppression.location.line
                        refused[FixedKey(inFile[0].finding)] = """
                            fixing it would move a finding of \(suppressed.finding.ruleID) off the line its suppression at \
                            line \(where_) applies to; fix it by hand and move the suppression along
                            """
                    } else {
                        oneAtATime.insert(path)
                    }
                }
                kept.removeAll { broken[$0.finding.location.file] != nil }
                next = linter.lint(reload(contents), inputs: inputs)
            }
            current = reload(contents)
            applied += kept
            fixedBefore.formUnion(kept.map { FixedKey($0.finding) })
            result = next
        }
        let changed = tree.files.compactMap { file -> FixRun.ChangedFile? in
            guard let original = originals[file.path], let fixed = contents[file.path], fixed != original else { return nil }
            return FixRun.ChangedFile(path: file.path, original: original, fixed: fixed)
        }
        notFixed.sort { Finding.reportOrder($0.finding, $1.finding) }
        return FixRun(changedFiles: changed, applied: applied, notFixed: notFixed, result: result, tree: current)
    }

    /// Per changed file, a finding a suppression accepted before the round that is reported
    /// after it (found by rule, message and object, whatever its position and apiVersion).
    private static func unsuppressed(before: LintResult, after: LintResult, in files: Set<String>) -> [String: SuppressedFinding] {
        var reported: Set<SuppressionKey> = []
        for finding in after.findings where files.contains(finding.location.file) { reported.insert(SuppressionKey(finding)) }
        var broken: [String: SuppressedFinding] = [:]
        for entry in before.suppressed where files.contains(entry.finding.location.file) && broken[entry.finding.location.file] == nil {
            if reported.contains(SuppressionKey(entry.finding)) { broken[entry.finding.location.file] = entry }
        }
        return broken
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

    /// A finding before and after an apiVersion move: the object by kind, namespace and name.
    private struct SuppressionKey: Hashable {
        var rule: String
        var file: String
        var message: String
        var object: [String?]

        init(_ finding: Finding) {
            rule = finding.ruleID
            file = finding.location.file
            message = finding.message
            object = [finding.resource?.kind, finding.resource?.namespace, finding.resource?.name]
        }
    }
}
