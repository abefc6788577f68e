import KubeLintEngine

/// kubelint's exit statuses; scripts and CI depend on them.
package enum ExitStatus: Int32, Sendable {
    /// No finding at or above the failing severity.
    case clean = 0
    /// At least one finding at or above the failing severity (by default: an error).
    case findings = 1
    /// A usage error, or input that could not be read or parsed (everything else still reported).
    case inputError = 2

    package static func of(_ result: LintResult, failOn threshold: Severity = .error) -> ExitStatus {
        if result.hasInputErrors { return .inputError }
        return result.findings.contains { $0.severity >= threshold } ? .findings : .clean
    }
}

/// Finding severities under a name of this module, for the CLI's `--fail-on` (the CLI imports
/// only this module; a second `Severity` would be ambiguous wherever both are imported).
package typealias FailureSeverity = Severity
