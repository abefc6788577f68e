import KubeLintEngine

/// GitHub Actions workflow commands: one `::error`, `::warning` or `::notice` line per finding,
/// which GitHub shows as an annotation on the file and line (in pull requests too), then the
/// summary as a plain log line.
///
/// Escaping follows the runner's rules: in the message, `%`, CR and LF are percent-encoded; in
/// properties (file, title), also `:` and `,`. Other control characters (an ANSI escape copied
/// from a manifest) are shown as visible stand-ins, since the log viewer would interpret them.
/// The message carries the remediation on a second line.
package struct GitHubReporter: Reporter {
    package init() {}

    package func render(_ report: Report) -> String {
        var output = ""
        for finding in report.findings {
            let properties = [
                ("file", finding.location.file),
                ("line", String(finding.location.line)),
                ("col", String(finding.location.column)),
                ("title", "kubelint: \(finding.ruleID)"),
            ]
            var message = finding.message
            if let remediation = finding.remediation { message += "\n" + remediation }
            output += "::\(Self.command(finding.severity)) "
            output += properties.map { "\($0.0)=\(Self.escapeProperty($0.1))" }.joined(separator: ",")
            output += "::\(Self.escapeData(message))\n"
        }
        return output + TextReporter.summary(report.result, leftOut: report.findingsLeftOut) + "\n"
    }

    static func command(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "notice"
        }
    }

    static func escapeData(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": result += "%25"
            case "\r": result += "%0D"
            case "\n": result += "%0A"
            default:
                let visible = VisibleText.needsReplacement(scalar, keepingTabs: true)
                result.unicodeScalars.append(visible ? VisibleText.picture(of: scalar) : scalar)
            }
        }
        return result
    }

    static func escapeProperty(_ text: String) -> String {
        var result = ""
        for scalar in escapeData(text).unicodeScalars {
            switch scalar {
            case ":": result += "%3A"
            case ",": result += "%2C"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
