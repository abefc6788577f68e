import KubeLintEngine

/// The sections of docs/rules.md about kube-linter's and kube-score's checks: which kubelint
/// rules have the same meaning, and the checks kubelint has no rule for, with the reason.
enum PeerCheckMarkdown {
    static func render(_ rules: [RuleDescription]) -> [String] {
        var rulesByCheck: [String: [String]] = [:]
        for rule in rules {
            for check in rule.equivalents { rulesByCheck[check, default: []].append(rule.id) }
        }
        var lines = [
            "",
            "## Equivalents in kube-linter and kube-score",
            "",
            "Every check of kube-linter's built-in set and of kube-score's check list, with the kubelint",
            "rules of the same meaning. kube-linter's `ignore-check.kube-linter.io/<check>` annotations",
            "suppress these rules (README, Suppressing findings).",
            "",
            "| check | kubelint rules |",
            "|---|---|",
        ]
        let reasons = Dictionary(PeerChecks.notApplicable.map { ($0.check, $0.reason) }, uniquingKeysWith: { first, _ in first })
        for check in PeerChecks.all {
            let cell: String
            if let ids = rulesByCheck[check] {
                cell = ids.map { "[`\($0)`](#\($0))" }.joined(separator: ", ")
            } else if reasons[check] != nil {
                cell = "not applicable (below)"
            } else {
                cell = "—"
            }
            lines.append("| `\(check)` | \(cell) |")
        }
        lines += [
            "",
            "## Not applicable",
            "",
            "The peer checks kubelint has no rule for, and why.",
            "",
        ]
        for entry in PeerChecks.notApplicable {
            lines.append("- `\(entry.check)`: \(entry.reason)")
        }
        return lines
    }
}
