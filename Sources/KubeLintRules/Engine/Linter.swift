import Dispatch
import KubeLintModel

/// The outcome of one run.
public struct LintResult: Sendable {
    public var findings: [Finding]
    public var fileCount: Int
    public var resourceCount: Int
    /// Which rules ran on which files and objects.
    public var coverage: LintCoverage
    /// Findings a suppression accepted, in report order; not in `findings`.
    public var suppressed: [SuppressedFinding]

    public init(
        findings: [Finding], fileCount: Int, resourceCount: Int, coverage: LintCoverage = LintCoverage(),
        suppressed: [SuppressedFinding] = []
    ) {
        self.findings = findings
        self.fileCount = fileCount
        self.resourceCount = resourceCount
        self.coverage = coverage
        self.suppressed = suppressed
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

    /// `inputs`: the paths the tree was loaded from, as given (default: the files read).
    public func lint(_ tree: LoadedTree, inputs: [String]? = nil) -> LintResult {
        let context = LintContext(tree: tree, configuration: configuration, inputs: inputs)
        // Input rules cannot be switched off: a file that was not read must never pass silently.
        let active = rules.filter {
            let description = type(of: $0).description
            return description.category == .input || configuration.isEnabled(description.id)
        }
        var findings: [Finding] = []
        for rule in active where !(rule is any SuppressionRule) {
            findings.append(contentsOf: rule.check(context))
        }
        // Suppressions apply to what the rules found; then the rules about suppressions report
        // on the suppressions themselves, which nothing can suppress.
        let stage = SuppressionStage(context: context)
        let outcome = stage.apply(to: findings, configuration: configuration, activeRuleIDs: Set(active.map(\.id)))
        findings = outcome.kept
        for case let rule as any SuppressionRule in active {
            findings.append(contentsOf: rule.check(outcome, context: context))
        }
        findings = findings.map(applyingSeverityOverride)
        findings.sort(by: Finding.reportOrder)
        var suppressed = outcome.suppressed.map { entry in
            var entry = entry
            entry.finding = applyingSeverityOverride(entry.finding)
            return entry
        }
        suppressed.sort { Finding.reportOrder($0.finding, $1.finding) }
        return LintResult(
            findings: findings, fileCount: tree.files.count, resourceCount: tree.resources.count,
            coverage: LintCoverage(rules: active, tree: tree), suppressed: suppressed
        )
    }

    private func applyingSeverityOverride(_ finding: Finding) -> Finding {
        guard let severity = configuration.severityOverrides[finding.ruleID] else { return finding }
        var finding = finding
        finding.severity = severity
        return finding
    }
}
