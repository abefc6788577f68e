import KubeLintReport

/// `--color`: whether the text report on standard output uses ANSI colours.
package enum ColorChoice: String, CaseIterable, Sendable {
    /// Decided by the environment, first that applies (see `environmentDecision`), else colours
    /// when standard output is a terminal and `TERM` is not `dumb`.
    case auto
    case always
    case never

    /// An explicit `--color always|never` wins over every variable, as https://no-color.org and
    /// https://bixense.com/clicolors ask of command-line options.
    package func style(isTerminal: Bool, environmentVariable: (String) -> String?) -> TextStyle {
        switch self {
        case .always: return .ansi
        case .never: return .plain
        case .auto:
            if let decided = Self.environmentDecision(environmentVariable) { return decided ? .ansi : .plain }
            let dumb = environmentVariable("TERM") == "dumb"
            return isTerminal && !dumb ? .ansi : .plain
        }
    }

    /// What the colour variables decide, in this order; nil when none is set. A variable set to
    /// the empty string is unset, as all three conventions say.
    /// 1. `FORCE_COLOR` (https://force-color.org): colours, even over `NO_COLOR`, on a pipe or
    ///    with `TERM=dumb`; but `0` and `false` mean no colours, as Node.js and chalk read them.
    /// 2. `NO_COLOR` (https://no-color.org): no colours, whatever its value.
    /// 3. `CLICOLOR_FORCE` (https://bixense.com/clicolors): colours, unless it is `0` (the first
    ///    version of that convention forced colours for any value but `0`).
    static func environmentDecision(_ environmentVariable: (String) -> String?) -> Bool? {
        func value(_ name: String) -> String? { environmentVariable(name).flatMap { $0.isEmpty ? nil : $0 } }
        if let force = value("FORCE_COLOR") { return !["0", "false"].contains(force.lowercased()) }
        if value("NO_COLOR") != nil { return false }
        if let force = value("CLICOLOR_FORCE"), force != "0" { return true }
        return nil
    }
}
