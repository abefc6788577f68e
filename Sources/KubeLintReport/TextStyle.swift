import KubeLintEngine

/// Plain text, or text with ANSI colours for a terminal. The driver decides which (`--color`,
/// the colour variables, whether standard output is a terminal); files never get colours.
package enum TextStyle: Sendable, Hashable {
    case plain
    case ansi

    enum Role {
        case path, error, warning, info, note, ruleID, gutter, summaryClean

        var code: String {
            switch self {
            case .path: "1"
            case .error: "1;31"
            case .warning: "1;33"
            case .info: "1;36"
            case .note: "1;34"
            case .ruleID: "2"
            case .gutter: "34"
            case .summaryClean: "32"
            }
        }

        init(_ severity: Severity) {
            switch severity {
            case .error: self = .error
            case .warning: self = .warning
            case .info: self = .info
            }
        }
    }

    func paint(_ text: String, _ role: Role) -> String {
        switch self {
        case .plain: text
        case .ansi: text.isEmpty ? text : "\u{1B}[\(role.code)m\(text)\u{1B}[0m"
        }
    }
}
