import KubeLintModel
import KubeLintYAML

/// One round of fixing: the edits accepted for each file, the findings they fix, and the
/// findings that stay, with the reason.
package struct FixPass: Sendable {
    package struct Applied: Sendable {
        package var finding: Finding
        /// What changed, in a few words ("extensions/v1beta1 → networking.k8s.io/v1; ...").
        package var summary: String
    }

    package struct NotFixed: Sendable {
        package var finding: Finding
        package var reason: String
    }

    /// Accepted edits by file path; edits of one file never overlap.
    package var edits: [String: [TextEdit]] = [:]
    package var applied: [Applied] = []
    package var notFixed: [NotFixed] = []
    /// Fixable findings left for the next round: their edits meet another fix's.
    package var deferred: [Finding] = []
}

/// Turns the findings of a lint into one round of fixes: asks each finding's rule for its
/// fix, checks that the edited document reads as intended, and combines the fixes of a file
/// whose edits do not meet. Fixes that meet another are left for the next round, computed
/// again on the edited text (`FixLoop`).
package enum FixPlanner {
    private struct Candidate {
        var finding: Finding
        var summary: String
        var edits: [TextEdit]
        /// Nil for edits of a file that does not parse, which their maker checked.
        var expectation: (document: Int, EditExpectation)?
    }

    /// `refusal` says why a finding must not be fixed this time (a fix that came back, or that
    /// moved a suppression); `oneFixPerFile` are files whose fixes go one per round.
    package static func plan(
        _ result: LintResult, tree: LoadedTree, configuration: LintConfiguration, rules: [String: any FixableRule],
        refusal: (Finding) -> String? = { _ in nil }, oneFixPerFile: Set<String> = []
    ) -> FixPass {
        var pass = FixPass()
        let fixable = result.findings.filter { rules[$0.ruleID] != nil }
        guard !fixable.isEmpty else { return pass }
        var resourcesByFile: [String: [Resource]] = [:]
        for resource in tree.resources { resourcesByFile[resource.source.file, default: []].append(resource) }
        var filesInOrder: [String] = []
        var findingsByFile: [String: [Finding]] = [:]
        for finding in fixable {
            if findingsByFile[finding.location.file] == nil { filesInOrder.append(finding.location.file) }
            findingsByFile[finding.location.file, default: []].append(finding)
        }
        for path in filesInOrder {
            guard let file = tree.file(path) else {
                for finding in findingsByFile[path] ?? [] { pass.notFixed.append(.init(finding: finding, reason: "the file was not read")) }
                continue
            }
            let syntax = SyntaxTree(file.bytes)
            var candidates: [Candidate] = []
            for finding in findingsByFile[path] ?? [] {
                guard let rule = rules[finding.ruleID] else { continue }
                if let reason = refusal(finding) {
                    pass.notFixed.append(.init(finding: finding, reason: reason))
                    continue
                }
                let site = makeSite(finding, syntax: syntax, resources: resourcesByFile[path] ?? [], configuration: configuration)
                switch rule.fix(site) {
                case nil:
                    continue
                case .notFixed(let reason):
                    pass.notFixed.append(.init(finding: finding, reason: reason))
                case .fileEdits(let edits, let summary):
                    candidates.append(Candidate(finding: finding, summary: summary, edits: edits))
                case .edit(let editor, let summary):
                    if let mismatch = editor.verify() {
                        pass.notFixed.append(.init(finding: finding, reason: "kubelint could not make this change safely: \(mismatch)"))
                    } else if !editor.edits.isEmpty {
                        candidates.append(Candidate(
                            finding: finding, summary: summary, edits: editor.edits,
                            expectation: (editor.document.index, editor.expectation)
                        ))
                    }
                }
            }
            var (accepted, deferred) = combine(candidates, syntax: syntax)
            if oneFixPerFile.contains(path), accepted.count > 1 {
                deferred = Array(accepted.dropFirst()) + deferred
                accepted = [accepted[0]]
            }
            pass.deferred += deferred.map(\.finding)
            guard !accepted.isEmpty else { continue }
            pass.edits[path] = accepted.flatMap(\.edits)
            pass.applied += accepted.map { .init(finding: $0.finding, summary: $0.summary) }
        }
        return pass
    }

    /// The candidates of one file that go together: in report order, each whose edits meet
    /// none already taken. If the combination does not read as each intended on its own, only
    /// the first is taken this round.
    private static func combine(_ candidates: [Candidate], syntax: SyntaxTree) -> (accepted: [Candidate], deferred: [Candidate]) {
        var accepted: [Candidate] = []
        var deferred: [Candidate] = []
        var expectations: [Int: EditExpectation] = [:]
        for candidate in candidates {
            let meets = accepted.contains { taken in
                taken.expectation == nil || candidate.expectation == nil
                    || taken.edits.contains { edit in candidate.edits.contains(where: edit.overlaps) }
            }
            guard !meets, let (document, expectation) = candidate.expectation else {
                if accepted.isEmpty { accepted.append(candidate) } else { deferred.append(candidate) }
                continue
            }
            guard let merged = (expectations[document] ?? EditExpectation()).merged(with: expectation) else {
                deferred.append(candidate)
                continue
            }
            expectations[document] = merged
            accepted.append(candidate)
        }
        if accepted.count > 1 {
            let edited = SyntaxTree(TextPatch.apply(accepted.flatMap(\.edits), to: syntax.bytes))
            if EditExpectation.mismatch(original: syntax, expectations: expectations, edited: edited) != nil {
                deferred = Array(accepted.dropFirst()) + deferred
                accepted = [accepted[0]]
            }
        }
        return (accepted, deferred)
    }

    /// The finding's document, object and the object's mapping in the syntax tree.
    private static func makeSite(_ finding: Finding, syntax: SyntaxTree, resources: [Resource], configuration: LintConfiguration) -> FixSite {
        let document = syntax.document(containingLine: finding.location.line)
        var resource: Resource?
        if let document {
            // Several objects share a document only as items of a `kind: List`: the finding's
            // is the one it names, else the last that starts before it.
            let inDocument = resources.filter { $0.source.documentIndex == document.index }
            let named = inDocument.filter { finding.resource != nil && $0.identity == finding.resource }
            resource = named.count == 1 ? named[0] : inDocument.filter { $0.root.start.line <= finding.location.line }
                .max { $0.root.start < $1.root.start }
        }
        let object = resource.flatMap { resource in document.flatMap { syntax.node(at: resource.root.start, in: $0, kind: .mapping) } }
        return FixSite(finding: finding, tree: syntax, document: document, resource: resource, object: object, configuration: configuration)
    }
}
