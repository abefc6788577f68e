import KubeLintModel
import KubeLintEngine

/// Compiler-style output for people and CI logs. Findings are grouped by file (a blank line
/// between files); each keeps the `path:line:col: severity: message [rule-id]` line that
/// editors and CI logs turn into links, followed by a code frame of the offending line and
/// `note:` lines for related positions. One summary line ends the output.
///
/// `quiet` keeps only the finding lines: no frames, notes or summary, and nothing at all when
/// the run is clean (what a commit hook wants). `showSuppressed` lists the suppressed findings
/// after the others, each with a `note:` pointing at its suppression and giving the reason.
///
/// At scale: with `repeatLimit`, a message (same rule, same text) is printed that many times
/// and its further findings are only counted, in a note after the findings (never with
/// `quiet`, which lists every finding line). After more than `ruleCountThreshold` findings,
/// a count per rule precedes the summary, so that 18 000 findings say where they come from.
package struct TextReporter: Reporter {
    package var style: TextStyle
    package var quiet: Bool
    package var showSuppressed: Bool
    /// Findings per message before the rest are counted instead of printed; nil prints all.
    package var repeatLimit: Int?

    /// The per-rule counts are printed after more findings than this.
    package static let ruleCountThreshold = 10
    /// What standard output uses unless `--all-findings` says otherwise.
    package static let defaultRepeatLimit = 10

    package init(style: TextStyle = .plain, quiet: Bool = false, showSuppressed: Bool = false, repeatLimit: Int? = nil) {
        self.style = style
        self.quiet = quiet
        self.showSuppressed = showSuppressed
        self.repeatLimit = repeatLimit
    }

    package func render(_ report: Report) -> String {
        var lines = LineCache(sources: report.sources)
        var output = ""
        var previousFile: String?
        var repeats = RepeatCounter(limit: quiet ? nil : repeatLimit)
        for finding in report.findings {
            guard repeats.admits(finding) else { continue }
            if !quiet, let previousFile, previousFile != finding.location.file { output += "\n" }
            previousFile = finding.location.file
            output += headline(finding.location, label: finding.severity.rawValue, role: .init(finding.severity), message: finding.message)
            output += " " + style.paint("[\(finding.ruleID)]", .ruleID) + "\n"
            if quiet { continue }
            output += frame(at: finding.location, lines: &lines, caretRole: .init(finding.severity))
            for related in finding.related {
                output += headline(related.location, label: "note", role: .note, message: related.message) + "\n"
                output += frame(at: related.location, lines: &lines, caretRole: .note)
            }
        }
        if showSuppressed {
            output += suppressedSection(report.result.suppressed, separated: !report.findings.isEmpty, lines: &lines)
        }
        if quiet { return output }
        if !report.findings.isEmpty || (showSuppressed && !report.result.suppressed.isEmpty) { output += "\n" }
        output += repeats.note(style: style)
        if report.findings.count > Self.ruleCountThreshold { output += Self.ruleCounts(report.findings) }
        return output + summaryLine(report) + "\n"
    }

    /// `Findings by rule:` and one line per rule, most findings first:
    /// `  9026  rwo-volume-replicas (error)`.
    static func ruleCounts(_ findings: [Finding]) -> String {
        var counts: [String: (count: Int, severities: Set<Severity>)] = [:]
        for finding in findings {
            counts[finding.ruleID, default: (0, [])].count += 1
            counts[finding.ruleID]?.severities.insert(finding.severity)
        }
        let rows = counts.sorted { ($1.value.count, $0.key) < ($0.value.count, $1.key) }
        let width = String(rows.first?.value.count ?? 0).count
        var output = "Findings by rule:\n"
        for (ruleID, entry) in rows {
            let count = String(entry.count)
            let severities = Severity.allCases.reversed().filter(entry.severities.contains).map(\.rawValue).joined(separator: ", ")
            output += "  " + String(repeating: " ", count: width - count.count) + count + "  \(ruleID) (\(severities))\n"
        }
        return output + "\n"
    }

    /// `path:line:col: suppressed: message [rule-id]` lines (no code frame: they need no fixing),
    /// each followed by a note at the suppression with its kind and reason, and the
    /// suppression's line the first time it is named (one `ignore` entry can accept thousands
    /// of findings; its line once is enough).
    private func suppressedSection(_ suppressed: [SuppressedFinding], separated: Bool, lines: inout LineCache) -> String {
        var output = ""
        var framed: Set<FileLocation> = []
        for (index, entry) in suppressed.enumerated() {
            if !quiet, index == 0, separated { output += "\n" }
            let finding = entry.finding
            output += headline(finding.location, label: "suppressed", role: .note, message: finding.message)
            output += " " + style.paint("[\(finding.ruleID)]", .ruleID) + "\n"
            if quiet { continue }
            let suppression = entry.suppression
            output += headline(suppression.location, label: "note", role: .note, message: "\(suppression.label): \(suppression.reason)") + "\n"
            if framed.insert(suppression.location).inserted {
                output += frame(at: suppression.location, lines: &lines, caretRole: .note)
            }
        }
        return output
    }

    private func headline(_ location: FileLocation, label: String, role: TextStyle.Role, message: String) -> String {
        let position = VisibleText.make("\(location.file):\(location.line):\(location.column):")
        return style.paint(position, .path) + " " + style.paint(label + ":", role) + " " + VisibleText.make(message)
    }

    private func frame(at location: FileLocation, lines: inout LineCache, caretRole: TextStyle.Role) -> String {
        guard let text = lines.line(location.line, of: location.file) else { return "" }
        let frame = CodeFrame(text: text, column: location.column, lineNumber: location.line)
        return frame.render(style: style, caretRole: caretRole).map { $0 + "\n" }.joined()
    }

    private func summaryLine(_ report: Report) -> String {
        let result = report.result
        let text = Self.summary(result, leftOut: report.findingsLeftOut)
        if result.count(.error) > 0 { return style.paint(text, .error) }
        if result.count(.warning) > 0 { return style.paint(text, .warning) }
        return style.paint(text, .summaryClean)
    }

    /// "2 errors, 1 warning in 24 files (24 resources)" or "no problems in ..."; files that are
    /// not manifests are counted apart: "in 26 files (24 resources, 2 files not manifests)";
    /// with `--changed-files` or `--staged`, "; 3 findings about unchanged files left out".
    package static func summary(_ result: LintResult, leftOut: Int = 0) -> String {
        let summary = summaryOfCounts(result)
        return leftOut == 0 ? summary : "\(summary); \(plural(leftOut, "finding")) about unchanged files left out"
    }

    private static func summaryOfCounts(_ result: LintResult) -> String {
        var contents = plural(result.resourceCount, "resource")
        switch result.notManifestCount {
        case 0: break
        case 1: contents += ", 1 file not a manifest"
        case let count: contents += ", \(count) files not manifests"
        }
        let scope = "in \(plural(result.fileCount, "file")) (\(contents))"
        let counts = [(Severity.error, "error"), (.warning, "warning"), (.info, "info")].compactMap { severity, word in
            let count = result.count(severity)
            return count == 0 ? nil : plural(count, word)
        }
        let suppressed = result.suppressed.isEmpty ? "" : ", \(result.suppressed.count) suppressed"
        if counts.isEmpty { return "no problems \(scope)\(suppressed)" }
        return counts.joined(separator: ", ") + " " + scope + suppressed
    }

    static func plural(_ count: Int, _ word: String) -> String {
        "\(count) \(word)\(count == 1 ? "" : "s")"
    }
}

/// Splits each source file into lines once, on its first code frame.
private struct LineCache {
    var sources: [String: SourceFile]
    var split: [String: SourceLines] = [:]

    mutating func line(_ number: Int, of path: String) -> Substring? {
        if let lines = split[path] { return lines.line(number) }
        guard let file = sources[path] else { return nil }
        let lines = SourceLines(file)
        split[path] = lines
        return lines.line(number)
    }
}

/// Counts findings per message (rule and text) and admits the first `limit` of each; the
/// others are remembered, in order of their first omission, for the note after the findings.
private struct RepeatCounter {
    struct Key: Hashable {
        var ruleID: String
        var message: String
    }

    let limit: Int?
    private var printed: [Key: Int] = [:]
    private var omitted: [Key: Int] = [:]
    private var omittedOrder: [(key: Key, severity: Severity)] = []

    init(limit: Int?) {
        self.limit = limit
    }

    mutating func admits(_ finding: Finding) -> Bool {
        guard let limit else { return true }
        let key = Key(ruleID: finding.ruleID, message: finding.message)
        let count = printed[key, default: 0]
        if count < limit {
            printed[key] = count + 1
            return true
        }
        if omitted[key] == nil { omittedOrder.append((key, finding.severity)) }
        omitted[key, default: 0] += 1
        return false
    }

    /// What was not printed: one line per message, with how many more findings carry it.
    func note(style: TextStyle) -> String {
        guard let limit, !omittedOrder.isEmpty else { return "" }
        let total = omitted.values.reduce(0, +)
        var output = "\(TextReporter.plural(total, "more finding")) not shown: each repeats a message printed \(limit) times above "
            + "(--all-findings prints every finding):\n"
        for (key, severity) in omittedOrder {
            let message = VisibleText.make(key.message)
            output += "  \(omitted[key] ?? 0) more: " + style.paint(severity.rawValue + ":", .init(severity)) + " \(message) "
                + style.paint("[\(key.ruleID)]", .ruleID) + "\n"
        }
        return output + "\n"
    }
}
