import KubeLintReport
import KubeLintRules

/// The `rules` and `explain` commands as library calls, over the rule registry.
public enum RuleCatalog {
    /// Every rule id, for shell completion.
    public static var ruleIDs: [String] { RuleRegistry.descriptions.map(\.id) }

    /// What `kubelint rules` prints.
    public enum ListingFormat: String, Sendable, CaseIterable {
        /// One aligned row per rule.
        case text
        /// docs/rules.md.
        case markdown
        /// Every rule with its profile and equivalents (`RuleCatalogJSON`).
        case json
    }

    /// `kubelint rules`: the table, docs/rules.md, or the JSON catalogue.
    public static func listing(format: ListingFormat = .text) -> String {
        switch format {
        case .text: RuleTable.render(RuleRegistry.descriptions)
        case .markdown: RuleReferenceMarkdown.render(RuleRegistry.descriptions)
        case .json: RuleCatalogJSON.render(RuleRegistry.descriptions)
        }
    }

    /// `kubelint rules`: the table, or docs/rules.md with `markdown`.
    public static func listing(markdown: Bool) -> String {
        listing(format: markdown ? .markdown : .text)
    }

    public enum ExplainError: Error, CustomStringConvertible {
        case unknownRule(String, suggestion: String?)

        public var description: String {
            switch self {
            case .unknownRule(let id, let suggestion):
                let hint = suggestion.map { "did you mean '\($0)'? " } ?? ""
                return "no rule named '\(id)'; \(hint)`kubelint rules` lists them all"
            }
        }
    }

    /// `kubelint explain RULE`.
    public static func explanation(of id: String) throws(ExplainError) -> String {
        let wanted = id.lowercased()
        guard let rule = RuleRegistry.descriptions.first(where: { $0.id == wanted }) else {
            throw .unknownRule(id, suggestion: closestID(to: wanted))
        }
        return RuleExplanation.render(rule)
    }

    /// The rule id within a few edits of `id` (a typo), if any.
    static func closestID(to id: String) -> String? {
        NameSuggestion.closest(to: id, among: ruleIDs)
    }
}
