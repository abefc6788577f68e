import KubeLintReport

/// `--color`: whether the text report on standard output uses ANSI colours.
package enum ColorChoice: String, CaseIterable, Sendable {
    /// Colours when standard output is a terminal, `NO_COLOR` is unset or empty, and `TERM`
    /// is not `dumb`.
    case auto
    case always
    case never

    /// An explicit `--color` wins over `NO_COLOR`, as https://no-color.org asks.
    package func style(isTerminal: Bool, environmentVariable: (String) -> String?) -> TextStyle {
        switch self {
        case .always: return .ansi
        case .never: return .plain
        case .auto:
            let noColor = environmentVariable("NO_COLOR").map { !$0.isEmpty } ?? false
            let dumb = environmentVariable("TERM") == "dumb"
            return isTerminal && !noColor && !dumb ? .ansi : .plain
        }
    }
}
