import KubeLintEngine

/// What `kubelint fix` did, for people and CI logs: one `path:line:col: fixed: what changed
/// [rule-id]` line per fixed finding, one `path:line:col: not fixed: why [rule-id]` line per
/// finding a fix left, and a summary line. The lint report of the fixed tree follows it.
package struct FixReporter: Sendable {
    package var style: TextStyle
    /// A dry run: nothing was written, and the words say so.
    package var dryRun: Bool

    package init(style: TextStyle = .plain, dryRun: Bool = false) {
        self.style = style
        self.dryRun = dryRun
    }

    package func render(_ run: FixRun) -> String {
        var output = ""
        let fixedLabel = dryRun ? "would fix" : "fixed"
        for applied in run.applied {
            output += line(applied.finding, label: fixedLabel, role: .summaryClean, message: applied.summary)
        }
        for entry in run.notFixed {
            output += line(entry.finding, label: "not fixed", role: .note, message: entry.reason)
        }
        return output + summary(run) + "\n"
    }

    /// "fixed 2 findings in 1 file, 1 left with a note", "nothing to fix".
    package func summary(_ run: FixRun) -> String {
        let files = run.changedFiles.count
        var text: String
        if run.applied.isEmpty {
            text = "nothing to fix"
        } else {
            let findings = TextReporter.plural(run.applied.count, "finding")
            let where_ = "in \(TextReporter.plural(files, "file"))"
            text = dryRun ? "would fix \(findings) \(where_) (dry run: nothing written)" : "fixed \(findings) \(where_)"
        }
        if !run.notFixed.isEmpty {
            text += ", \(run.notFixed.count) not fixed"
        }
        return style.paint(text, run.applied.isEmpty ? .note : .summaryClean)
    }

    private func line(_ finding: Finding, label: String, role: TextStyle.Role, message: String) -> String {
        let location = finding.location
        let position = VisibleText.make("\(location.file):\(location.line):\(location.column):")
        return style.paint(position, .path) + " " + style.paint(label + ":", role) + " " + VisibleText.make(message)
            + " " + style.paint("[\(finding.ruleID)]", .ruleID) + "\n"
    }
}
