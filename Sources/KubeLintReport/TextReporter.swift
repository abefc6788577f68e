import KubeLintRules

/// Compiler-style lines (`path:line:col: severity: message [rule-id]`), which editors and CI
/// logs turn into links, then one summary line.
public struct TextReporter: Reporter {
    public init() {}

    public func render(_ report: Report) -> String {
        var output = ""
        for finding in report.findings {
            output += "\(finding.location): \(finding.severity.rawValue): \(finding.message) [\(finding.ruleID)]\n"
        }
        output += Self.summary(report.result) + "\n"
        return output
    }

    /// "2 errors, 1 warning in 24 files (24 resources)" or "no problems in ...".
    public static func summary(_ result: LintResult) -> String {
        let scope = "in \(plural(result.fileCount, "file")) (\(plural(result.resourceCount, "resource")))"
        let counts = [(Severity.error, "error"), (.warning, "warning"), (.info, "info")].compactMap { severity, word in
            let count = result.count(severity)
            return count == 0 ? nil : plural(count, word)
        }
        if counts.isEmpty { return "no problems \(scope)" }
        return counts.joined(separator: ", ") + " " + scope
    }

    static func plural(_ count: Int, _ word: String) -> String {
        "\(count) \(word)\(count == 1 ? "" : "s")"
    }
}
