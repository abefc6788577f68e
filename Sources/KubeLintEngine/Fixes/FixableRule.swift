import KubeLintModel
import KubeLintYAML

/// A rule whose findings `kubelint fix` can repair: the fix is declared beside the rule, with
/// before → after examples that the fix example tests apply and compare byte for byte.
///
/// A fix has exactly one safe, mechanical form. `fix(_:)` computes it as text edits of the
/// finding's document (`DocumentEditor`), or says why this finding cannot be fixed safely;
/// the planner checks that the edited text parses to what the edits meant before accepting it.
package protocol FixableRule: Rule {
    static var fix: FixDescription { get }
    /// The repair of one finding of this rule; nil when this finding has none to offer (not
    /// even a reason worth telling).
    func fix(_ site: FixSite) -> FixProposal?
}

extension LintCatalog {
    /// The rules that declare a fix, by id. Asked only by `kubelint fix` and the rule
    /// documentation: telling them apart casts every rule type, which a lint run need not pay.
    package func fixableRules() -> [String: any FixableRule] {
        var rules: [String: any FixableRule] = [:]
        for rule in makeRules() {
            if let fixable = rule as? any FixableRule { rules[type(of: rule).description.id] = fixable }
        }
        return rules
    }

    /// The fix each fixable rule declares, by rule id.
    package func fixDescriptions() -> [String: FixDescription] {
        fixableRules().mapValues { type(of: $0).fix }
    }
}

/// What a rule's fix does, for `kubelint explain`, docs/rules.md and the example tests.
package struct FixDescription: Sendable {
    /// One sentence: what `kubelint fix` changes.
    package var summary: String
    package var examples: [FixExample]

    package init(summary: String, examples: [FixExample]) {
        self.summary = summary
        self.examples = examples
    }
}

/// A manifest before `kubelint fix` and after it; or, for a finding the fix must leave alone,
/// the note it prints instead.
package struct FixExample: Sendable {
    package enum Expected: Sendable {
        case fixed(String)
        case notFixed(String)
    }

    package var before: String
    package var expected: Expected
    /// The Kubernetes release the example targets; nil for the default.
    package var kubernetesVersion: KubernetesVersion?

    package init(_ before: String, after: String, kubernetesVersion: KubernetesVersion? = nil) {
        self.before = before
        expected = .fixed(after)
        self.kubernetesVersion = kubernetesVersion
    }

    package init(_ before: String, notFixed note: String, kubernetesVersion: KubernetesVersion? = nil) {
        self.before = before
        expected = .notFixed(note)
        self.kubernetesVersion = kubernetesVersion
    }
}

/// Everything a fix may look at: the finding, its file as a syntax tree, the document and
/// object it is in, the configuration (the target release).
package struct FixSite: Sendable {
    package let finding: Finding
    package let tree: SyntaxTree
    /// The document holding the finding; nil when the file does not parse up to it.
    package let document: SyntaxDocument?
    /// The object the finding is about, and its mapping in `tree`.
    package let resource: Resource?
    package let object: SyntaxNode.ID?
    package let configuration: LintConfiguration

    /// An editor for the finding's document; a `.json` manifest's edits stay JSON.
    package func editor() -> DocumentEditor? {
        let json = finding.location.file.lowercased().hasSuffix(".json")
        return document.map { DocumentEditor(tree: tree, document: $0, json: json) }
    }

    /// The node the finding points at (the innermost that starts there).
    package var node: SyntaxNode.ID? {
        document.flatMap { tree.node(at: Mark(line: finding.location.line, column: finding.location.column), in: $0) }
    }
}

/// A fix for one finding, or why there is none.
package enum FixProposal: Sendable {
    /// Edits of the finding's document; `summary` says what changed, for the fix report.
    case edit(DocumentEditor, summary: String)
    /// Edits of a file that does not parse (tabs), checked by whoever made them.
    case fileEdits([TextEdit], summary: String)
    /// Not fixed, and why (printed as a note).
    case notFixed(String)

    /// `body`'s edits, or its refusal as the reason the finding is not fixed.
    package static func editing(_ site: FixSite, summary: String, _ body: (inout DocumentEditor) throws(EditRefusal) -> Void) -> FixProposal {
        guard var editor = site.editor() else { return .notFixed("the file does not parse up to this point") }
        do {
            try body(&editor)
        } catch {
            return .notFixed(error.reason)
        }
        return .edit(editor, summary: summary)
    }
}
