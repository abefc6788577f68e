import KubeLintEngine

/// `kubelint explain RULE`: what the rule checks, why, how to fix it, and its examples, with
/// carets under the places where kubelint reports.
package enum RuleExplanation {
    /// Prose is wrapped to this width; examples are printed as they are.
    static let width = 80

    /// `fix`: what `kubelint fix` does for the rule, if it declares a fix.
    package static func render(_ rule: RuleDescription, fix: FixDescription? = nil) -> String {
        var lines = [
            "\(rule.id) (\(rule.severity.rawValue), \(rule.category.rawValue))",
            rule.summary + ".",
            "",
            "Why:",
        ]
        lines += wrap(rule.rationale, indent: "  ")
        lines += ["", "How to fix:"]
        lines += wrap(rule.remediation, indent: "  ")
        lines += ["", "Profiles: " + rule.profiles.map(\.rawValue).joined(separator: ", ")]
        if !rule.equivalents.isEmpty {
            lines += ["", "Equivalents:"]
            lines += wrap(rule.equivalents.joined(separator: ", "), indent: "  ")
        }
        if let fix {
            lines += ["", "kubelint fix:"]
            lines += wrap(fix.summary + ".", indent: "  ")
        }
        lines += examples(rule.triggeringExamples, title: "Reported (^ marks where):")
        lines += examples(rule.nonTriggeringExamples, title: "Not reported:")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func examples(_ examples: [Example], title: String) -> [String] {
        guard !examples.isEmpty else { return [] }
        var lines = ["", title]
        for (index, example) in examples.enumerated() {
            // At the file headings' indentation: under a heading it would read as that file's.
            if index > 0 { lines.append("  ---") }
            let files = ExampleText.files(of: example)
            for file in files {
                if files.count > 1 { lines.append("  \(file.name):") }
                lines += file.lines.map { $0.isEmpty ? "" : "    " + $0 }
            }
        }
        return lines
    }

    /// Greedy word wrap; each paragraph line starts with `indent`.
    static func wrap(_ text: String, indent: String) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in VisibleText.make(text).split(separator: " ", omittingEmptySubsequences: true) {
            if !current.isEmpty, indent.count + current.count + 1 + word.count > width {
                lines.append(indent + current)
                current = ""
            }
            current += (current.isEmpty ? "" : " ") + word
        }
        if !current.isEmpty { lines.append(indent + current) }
        return lines
    }
}
