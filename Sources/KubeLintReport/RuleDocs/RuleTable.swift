import KubeLintEngine

/// `kubelint rules`: one aligned row per rule (id, severity, category, summary).
package enum RuleTable {
    package static func render(_ rules: [RuleDescription]) -> String {
        let rows = [["RULE", "SEVERITY", "CATEGORY", "SUMMARY"]]
            + rules.map { [$0.id, $0.severity.rawValue, $0.category.rawValue, $0.summary] }
        let widths = (0..<3).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            (0..<3).map { padded(row[$0], to: widths[$0]) }.joined(separator: "  ") + "  " + row[3]
        }.joined(separator: "\n") + "\n"
    }

    private static func padded(_ text: String, to width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }
}
