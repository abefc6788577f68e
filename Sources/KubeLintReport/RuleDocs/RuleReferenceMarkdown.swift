import KubeLintEngine

/// docs/rules.md: the rule reference, generated from the same descriptions as `kubelint rules`
/// and `kubelint explain`, so it cannot drift (a test compares it with the committed file).
package enum RuleReferenceMarkdown {
    package static let regenerateCommand = "swift run kubelint rules --markdown > docs/rules.md"

    /// `fixes`: what `kubelint fix` does for each rule that declares a fix, by rule id.
    package static func render(_ rules: [RuleDescription], fixes: [String: FixDescription] = [:]) -> String {
        var lines = [
            "# kubelint rules",
            "",
            "<!-- Generated from the rule descriptions in the rule modules (Sources/KubeLint*Rules, Sources/KubeLintContracts); do not edit.",
            "     Regenerate with: \(regenerateCommand) -->",
            "",
            "Every rule kubelint runs, with why it exists, how to fix what it reports, and examples.",
            "In the examples that are reported, a line of `^` marks where each finding points.",
            "`kubelint explain <rule>` prints the same text in a terminal.",
            "",
            "A run uses the rules of its profile (`profile:` in `.kubelint.yaml`, `--profile`): `default` is",
            "what breaks a deployment, `recommended` adds reliability practice, `security` adds pod security,",
            "host access and RBAC, `all` is every rule. The profile column names the smallest profile",
            "that runs the rule; `rules: <id>: {enabled: true}` runs it in any profile.",
            "",
            "| rule | severity | category | profile | summary |",
            "|---|---|---|---|---|",
        ]
        lines += rules.map {
            "| [`\($0.id)`](#\($0.id)) | \($0.severity.rawValue) | \($0.category.rawValue) | \($0.profile.rawValue) | \(tableCell($0.summary)) |"
        }
        lines += PeerCheckMarkdown.render(rules)
        for rule in rules {
            lines += [
                "",
                "## \(rule.id)",
                "",
                "**Severity:** \(rule.severity.rawValue) · **Category:** \(rule.category.rawValue) · "
                    + "**Profiles:** \(rule.profiles.map(\.rawValue).joined(separator: ", "))",
                "",
                rule.summary + ".",
                "",
                rule.rationale,
                "",
                "**How to fix:** \(rule.remediation)",
            ]
            if !rule.equivalents.isEmpty {
                lines += ["", "**Equivalents:** " + rule.equivalents.map { "`\($0)`" }.joined(separator: ", ")]
            }
            lines += examples(rule.triggeringExamples, title: "Reported")
            lines += examples(rule.nonTriggeringExamples, title: "Not reported")
            if let fix = fixes[rule.id] { lines += fixSection(fix) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func examples(_ examples: [Example], title: String) -> [String] {
        guard !examples.isEmpty else { return [] }
        var lines = ["", "### \(title)"]
        for example in examples {
            let files = ExampleText.files(of: example)
            for file in files {
                lines.append("")
                if files.count > 1 { lines += ["`\(file.name)`:", ""] }
                let fence = fence(for: file.lines)
                lines.append(fence + "yaml")
                lines += file.lines
                lines.append(fence)
            }
        }
        return lines
    }

    /// What `kubelint fix` does for the rule, with each example before and after (or the note it
    /// leaves instead).
    private static func fixSection(_ fix: FixDescription) -> [String] {
        var lines = ["", "### Fixed by `kubelint fix`", "", fix.summary + "."]
        for example in fix.examples {
            let version = example.kubernetesVersion.map { " (`--kube-version \($0)`)" } ?? ""
            lines += ["", "Before\(version):", ""] + block(example.before)
            switch example.expected {
            case .fixed(let after):
                lines += ["", "After:", ""] + block(after)
            case .notFixed(let note):
                lines += ["", "Not fixed: \(note)"]
            }
        }
        return lines
    }

    private static func block(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.count > 1, lines.last == "" { lines.removeLast() }
        let fence = fence(for: lines)
        return [fence + "yaml"] + lines + [fence]
    }

    /// A backtick fence longer than any backtick run inside the block.
    private static func fence(for lines: [String]) -> String {
        var longest = 0
        for line in lines {
            var run = 0
            for character in line {
                run = character == "`" ? run + 1 : 0
                longest = max(longest, run)
            }
        }
        return String(repeating: "`", count: max(3, longest + 1))
    }

    /// A pipe would end the table cell.
    static func tableCell(_ text: String) -> String {
        text.split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|")
    }
}
