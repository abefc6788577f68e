import KubeLintReport
import KubeLintEngine

/// The `rules` and `explain` commands as library calls, over the rule registry.
package enum RuleCatalog {
    /// Every rule id, for shell completion.
    package static var ruleIDs: [String] { LintCatalog.builtIn.descriptions.map(\.id) }

    /// What `kubelint rules` prints.
    package enum ListingFormat: String, Sendable, CaseIterable {
        /// One aligned row per rule.
        case text
        /// docs/rules.md.
        case markdown
        /// Every rule with its profile and equivalents (`RuleCatalogJSON`).
        case json
    }

    /// `kubelint rules`: the table, docs/rules.md, or the JSON catalogue.
    package static func listing(format: ListingFormat = .text) -> String {
        let catalog = LintCatalog.builtIn
        return switch format {
        case .text: RuleTable.render(catalog.descriptions)
        case .markdown: RuleReferenceMarkdown.render(catalog.descriptions, fixes: catalog.fixDescriptions())
        case .json: RuleCatalogJSON.render(catalog.descriptions)
        }
    }

    /// `kubelint rules`: the table, or docs/rules.md with `markdown`.
    package static func listing(markdown: Bool) -> String {
        listing(format: markdown ? .markdown : .text)
    }

    package enum ExplainError: Error, CustomStringConvertible {
        case unknownRule(String, suggestion: String?)

        package var description: String {
            switch self {
            case .unknownRule(let id, let suggestion):
                let hint = suggestion.map { "did you mean '\($0)'? " } ?? ""
                return "no rule named '\(id)'; \(hint)`kubelint rules` lists them all"
            }
        }
    }

    /// `kubelint explain RULE`.
    package static func explanation(of id: String) throws(ExplainError) -> String {
        let wanted = id.lowercased()
        guard let rule = LintCatalog.builtIn.descriptions.first(where: { $0.id == wanted }) else {
            throw .unknownRule(id, suggestion: closestID(to: wanted))
        }
        return RuleExplanation.render(rule, fix: LintCatalog.builtIn.fixDescriptions()[rule.id])
    }

    /// The rule id within a few edits of `id` (a typo), if any.
    static func closestID(to id: String) -> String? {
        NameSuggestion.closest(to: id, among: ruleIDs)
    }
}
