import KubeLintModel

/// The outcome of one run.
package struct LintResult: Sendable {
    package var findings: [Finding]
    package var fileCount: Int
    package var resourceCount: Int
    /// Files read that are not manifests (`not-a-manifest`, `helm-template`): not checked, and
    /// counted apart from resources.
    package var notManifestCount: Int
    /// Which rules ran on which files and objects.
    package var coverage: LintCoverage
    /// Findings a suppression accepted, in report order; not in `findings`.
    package var suppressed: [SuppressedFinding]
    /// Every rule the run knew, enabled or not, in catalog order (SARIF's rule metadata).
    package var rules: [RuleDescription]
    /// Ids of the rules that report input that could not be read.
    package var inputRuleIDs: Set<String>

    package init(
        findings: [Finding], fileCount: Int, resourceCount: Int, notManifestCount: Int = 0, coverage: LintCoverage = LintCoverage(),
        suppressed: [SuppressedFinding] = [], rules: [RuleDescription] = []
    ) {
        self.findings = findings
        self.fileCount = fileCount
        self.resourceCount = resourceCount
        self.notManifestCount = notManifestCount
        self.coverage = coverage
        self.suppressed = suppressed
        self.rules = rules
        inputRuleIDs = Set(rules.filter { $0.category == .input }.map(\.id))
    }

    package func count(_ severity: Severity) -> Int {
        findings.lazy.filter { $0.severity == severity }.count
    }

    /// True when the input could not be read or parsed somewhere (exit status 2).
    package var hasInputErrors: Bool {
        findings.contains(where: isInputFinding)
    }

    /// Whether `finding` says that input could not be read or parsed.
    package func isInputFinding(_ finding: Finding) -> Bool {
        inputRuleIDs.contains(finding.ruleID)
    }
}

/// Runs rules over a loaded tree and returns findings in report order.
package struct Linter: Sendable {
    package var catalog: LintCatalog
    package var configuration: LintConfiguration
    /// Run the facts and the rules on every core. The result is the same either way: work is
    /// split into pieces whose findings are joined in the order one thread makes them.
    package var parallel: Bool

    package init(catalog: LintCatalog, configuration: LintConfiguration = LintConfiguration(), parallel: Bool = true) {
        self.catalog = catalog
        self.configuration = configuration
        self.parallel = parallel
    }

    /// Resources per piece of per-resource work: enough to outweigh handing a piece to a
    /// thread, few enough that the cores finish together.
    package static let resourcesPerPiece = 256

    /// `inputs`: the paths the tree was loaded from, as given (default: the files read).
    package func lint(_ tree: LoadedTree, inputs: [String]? = nil) -> LintResult {
        lint(tree, inputs: inputs, alsoDeriving: []).result
    }

    /// The run, and the context its rules saw, with the `extra` facts derived too (`kubelint
    /// plan` and `graph` read the reference graph of the run whose findings they show).
    package func lint(_ tree: LoadedTree, inputs: [String]? = nil, alsoDeriving extra: [any Fact.Type]) -> (result: LintResult, context: LintContext) {
        // Input rules cannot be switched off: a file that was not read must never pass silently.
        let active = catalog.makeRules().filter {
            let description = type(of: $0).description
            return description.category == .input || configuration.isEnabled(description)
        }
        // What the enabled rules read, derived once before they run side by side.
        let context = context(tree, inputs: inputs, deriving: active.flatMap { type(of: $0).facts } + extra)
        var findings = runRules(active, context: context)
        // Suppressions apply to what the rules found; then the rules about suppressions report
        // on the suppressions themselves, which nothing can suppress.
        let stage = SuppressionStage(context: context, catalog: catalog, parallel: parallel)
        let outcome = stage.apply(to: findings, configuration: configuration, activeRuleIDs: Set(active.map(\.id)))
        findings = outcome.kept
        for rule in active {
            if case .afterSuppressions(let check) = rule.execution {
                findings.append(contentsOf: check(outcome, context))
            }
        }
        let ownSeverities = Dictionary(active.map { ($0.id, type(of: $0).description.severity) }) { first, _ in first }
        findings = findings.map { applyingSeverityOverride($0, ownSeverities: ownSeverities) }
        findings.sort(by: Finding.reportOrder)
        var suppressed = outcome.suppressed.map { entry in
            var entry = entry
            entry.finding = applyingSeverityOverride(entry.finding, ownSeverities: ownSeverities)
            return entry
        }
        suppressed.sort { Finding.reportOrder($0.finding, $1.finding) }
        let result = LintResult(
            findings: findings, fileCount: tree.files.count, resourceCount: tree.resources.count,
            notManifestCount: tree.files.lazy.filter(\.content.isUnchecked).count,
            coverage: LintCoverage(rules: active, tree: tree), suppressed: suppressed, rules: catalog.descriptions
        )
        return (result, context)
    }

    /// What the rules of a run over `tree` see, with `facts` (and what they depend on) derived.
    package func context(_ tree: LoadedTree, inputs: [String]? = nil, deriving facts: [any Fact.Type]) -> LintContext {
        let index = catalog.indexing.index(tree, configuration: configuration)
        var context = LintContext(tree: tree, index: index, configuration: configuration, inputs: inputs, parallel: parallel)
        context.derive(facts)
        return context
    }

    /// The findings of every rule but the suppression rules, in rule order and, within a
    /// per-resource rule, in resource order. Whole-tree rules are one piece each; per-resource
    /// rules one piece per range of resources.
    private func runRules(_ active: [any Rule], context: LintContext) -> [Finding] {
        enum Piece: Sendable {
            case wholeTree(any Rule)
            case resources(@Sendable (Resource, LintContext) -> [Finding], Range<Int>)
        }
        let ranges = ParallelMap.ranges(of: context.index.resources.count, size: Self.resourcesPerPiece)
        var pieces: [Piece] = []
        for rule in active {
            switch rule.execution {
            case .wholeTree: pieces.append(.wholeTree(rule))
            case .perResource(let check): pieces += ranges.map { .resources(check, $0) }
            case .afterSuppressions: break
            }
        }
        let work = pieces
        let found = ParallelMap.map(count: work.count, parallel: parallel) { number -> [Finding] in
            switch work[number] {
            case .wholeTree(let rule):
                return rule.check(context)
            case .resources(let check, let range):
                // Read in place: copying each resource out of the array retained every field.
                return context.index.resources.withUnsafeBufferPointer { resources in
                    var findings: [Finding] = []
                    for position in range {
                        findings.append(contentsOf: check(resources[position], context))
                    }
                    return findings
                }
            }
        }
        return Array(found.joined())
    }

    /// The finding at the severity the configuration gives it (`reportedSeverity`).
    private func applyingSeverityOverride(_ finding: Finding, ownSeverities: [String: Severity]) -> Finding {
        guard !configuration.severityOverrides.isEmpty else { return finding }
        var finding = finding
        finding.severity = configuration.reportedSeverity(of: finding, ruleSeverity: ownSeverities[finding.ruleID])
        return finding
    }
}

extension LintConfiguration {
    /// The severity `finding` is reported at: the configured severity of its rule, if any. A
    /// finding its rule reports below the rule's own severity (`ruleSeverity`; an `info` that
    /// an unknown operator probably made the missing object) says the rule cannot tell, and
    /// keeps that: the setting is about what the rule can tell.
    func reportedSeverity(of finding: Finding, ruleSeverity: Severity?) -> Severity {
        guard let severity = severityOverrides[finding.ruleID] else { return finding.severity }
        if let ruleSeverity, finding.severity < ruleSeverity { return finding.severity }
        return severity
    }
}
