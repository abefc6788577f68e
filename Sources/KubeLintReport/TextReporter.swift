import KubeLintModel
import KubeLintRules

/// Compiler-style output for people and CI logs. Findings are grouped by file (a blank line
/// between files); each keeps the `path:line:col: severity: message [rule-id]` line that
/// editors and CI logs turn into links, followed by a code frame of the offending line and
/// `note:` lines for related positions. One summary line ends the output.
///
/// `quiet` keeps only the finding lines: no frames, notes or summary, and nothing at all when
/// the run is clean (what a commit hook wants). `showSuppressed` lists the suppressed findings
/// after the others, each with a `note:` pointing at its suppression and giving the reason.
public struct TextReporter: Reporter {
    public var style: TextStyle
    public var quiet: Bool
    public var showSuppressed: Bool

    public init(style: TextStyle = .plain, quiet: Bool = false, showSuppressed: Bool = false) {
        self.style = style
        self.quiet = quiet
        self.showSuppressed = showSuppressed
    }

    public func render(_ report: Report) -> String {
        var lines = LineCache(sources: report.sources)
        var output = ""
        var previousFile: String?
        for finding in report.findings {
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
            output += suppressedSection(report.result.suppressed, separated: !report.findings.isEmpty)
        }
        if quiet { return output }
        if !report.findings.isEmpty || (showSuppressed && !report.result.suppressed.isEmpty) { output += "\n" }
        return output + summaryLine(report.result) + "\n"
    }

    /// `path:line:col: suppressed: message [rule-id]` lines (no code frame: they need no fixing),
    /// each followed by the suppression's position, kind and reason.
    private func suppressedSection(_ suppressed: [SuppressedFinding], separated: Bool) -> String {
        var output = ""
        for (index, entry) in suppressed.enumerated() {
            if !quiet, index == 0, separated { output += "\n" }
            let finding = entry.finding
            output += headline(finding.location, label: "suppressed", role: .note, message: finding.message)
            output += " " + style.paint("[\(finding.ruleID)]", .ruleID) + "\n"
            if quiet { continue }
            let suppression = entry.suppression
            output += headline(suppression.location, label: "note", role: .note, message: "\(suppression.label): \(suppression.reason)") + "\n"
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

    private func summaryLine(_ result: LintResult) -> String {
        let text = Self.summary(result)
        if result.count(.error) > 0 { return style.paint(text, .error) }
        if result.count(.warning) > 0 { return style.paint(text, .warning) }
        return style.paint(text, .summaryClean)
    }

    /// "2 errors, 1 warning in 24 files (24 resources)" or "no problems in ..."; files that are
    /// not manifests are counted apart: "in 26 files (24 resources, 2 files not manifests)".
    public static func summary(_ result: LintResult) -> String {
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
