import KubeLintEngine

/// `kubelint rules`: one aligned row per rule (id, severity, category, the smallest profile
/// that runs it, summary).
package enum RuleTable {
    package static func render(_ rules: [RuleDescription]) -> String {
        let rows = [["RULE", "SEVERITY", "CATEGORY", "PROFILE", "SUMMARY"]]
            + rules.map { [$0.id, $0.severity.rawValue, $0.category.rawValue, $0.profile.rawValue, $0.summary] }
        let aligned = 4
        let widths = (0..<aligned).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            (0..<aligned).map { padded(row[$0], to: widths[$0]) }.joined(separator: "  ") + "  " + row[aligned]
        }.joined(separator: "\n") + "\n"
    }

    static func padded(_ text: String, to width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }
}
