import Dispatch
import KubeLintModel

/// The outcome of one run.
public struct LintResult: Sendable {
    public var findings: [Finding]
    public var fileCount: Int
    public var resourceCount: Int
    /// Which rules ran on which files and objects.
    public var coverage: LintCoverage

    public init(findings: [Finding], fileCount: Int, resourceCount: Int, coverage: LintCoverage = LintCoverage()) {
        self.findings = findings
        self.fileCount = fileCount
        self.resourceCount = resourceCount
        self.coverage = coverage
    }

    public func count(_ severity: Severity) -> Int {
        findings.lazy.filter { $0.severity == severity }.count
    }

    /// True when the input could not be read or parsed somewhere (exit status 2).
    public var hasInputErrors: Bool {
        findings.contains { RuleRegistry.inputRuleIDs.contains($0.ruleID) }
    }
}

/// Runs rules over a loaded tree and returns findings in report order.
public struct Linter: Sendable {
    public var rules: [any Rule]
    public var configuration: LintConfiguration

    public init(rules: [any Rule] = RuleRegistry.makeAll(), configuration: LintConfiguration = LintConfiguration()) {
        self.rules = rules
        self.configuration = configuration
    }

    public func lint(_ tree: LoadedTree) -> LintResult {
        let context = LintContext(tree: tree, configuration: configuration)
        // Input rules cannot be switched off: a file that was not read must never pass silently.
        let active = rules.filter {
            let description = type(of: $0).description
            return description.category == .input || configuration.isEnabled(description.id)
        }
        var findings: [Finding] = []
        for rule in active {
            findings.append(contentsOf: rule.check(context))
        }
        findings = findings.map { finding in
            var finding = finding
            if let severity = configuration.severityOverrides[finding.ruleID] { finding.severity = severity }
            return finding
        }
        findings.sort(by: Finding.reportOrder)
        return LintResult(
            findings: findings, fileCount: tree.files.count, resourceCount: tree.resources.count,
            coverage: LintCoverage(rules: active, tree: tree)
        )
    }
}
