import KubeLintModel
import KubeLintYAML

/// A check over the whole tree. Each rule is one file: its description (id, severity, docs,
/// examples) and its `check`. Rules see every resource through `LintContext.index`, so
/// cross-resource checks cost one lookup per reference.
package protocol Rule: Sendable {
    static var description: RuleDescription { get }
    /// The facts the rule reads (`context[SomeFact.self]`): the linter derives them, once per
    /// run, only when a rule that reads them is enabled.
    static var facts: [any Fact.Type] { get }
    init()
    func check(_ context: LintContext) -> [Finding]
    /// How the linter runs the rule. The protocols provide it (`Rule`: whole tree,
    /// `ResourceRule`: resource by resource, `SuppressionRule`: after the suppression stage);
    /// a rule does not write it.
    var execution: RuleExecution { get }
}

/// How the linter runs a rule. Telling it by a requirement rather than by casting to
/// `ResourceRule` or `SuppressionRule`: the first cast of each rule type searched the binary's
/// conformance tables, a tenth of the staging tree's latency.
package enum RuleExecution: Sendable {
    /// `check(_:)` over the whole tree.
    case wholeTree
    /// One resource at a time; the linter spreads the resources over every core and keeps
    /// their findings in tree order.
    case perResource(@Sendable (Resource, LintContext) -> [Finding])
    /// On the outcome of the suppression stage, after every other rule.
    case afterSuppressions(@Sendable (SuppressionOutcome, LintContext) -> [Finding])
}

extension Rule {
    package var execution: RuleExecution { .wholeTree }
    package static var facts: [any Fact.Type] { [] }
}

/// A rule that looks at one resource at a time (it may still consult the index). The linter
/// calls `check(_:context:)` for each resource, on several threads at once; `check(_:)`
/// (all resources, in order) is what it is equivalent to.
package protocol ResourceRule: Rule {
    func check(_ resource: Resource, context: LintContext) -> [Finding]
}

extension ResourceRule {
    package var execution: RuleExecution {
        .perResource { resource, context in check(resource, context: context) }
    }

    package func check(_ context: LintContext) -> [Finding] {
        var findings: [Finding] = []
        for resource in context.index.resources {
            findings.append(contentsOf: check(resource, context: context))
        }
        return findings
    }
}

extension Rule {
    package var id: String { Self.description.id }

    /// A finding of this rule about `resource`, pointing at `mark` in the resource's file.
    package func finding(
        _ message: String, at mark: Mark, in resource: Resource,
        related: [Finding.Related] = []
    ) -> Finding {
        // One read of the description: each is a copy of the whole struct.
        let description = Self.description
        return Finding(
            ruleID: description.id,
            severity: description.severity,
            message: message,
            location: FileLocation(file: resource.source.file, mark: mark),
            resource: resource.identity,
            remediation: description.remediation,
            related: related
        )
    }

    /// A finding of this rule at a file position that belongs to no resource.
    package func finding(_ message: String, file: String, at mark: Mark, related: [Finding.Related] = []) -> Finding {
        let description = Self.description
        return Finding(
            ruleID: description.id,
            severity: description.severity,
            message: message,
            location: FileLocation(file: file, mark: mark),
            remediation: description.remediation,
            related: related
        )
    }
}

/// A rule about suppressions (annotations, comments, `ignore` entries): it reports on what the
/// suppression stage found, after every other rule has run, and its own findings cannot be
/// suppressed.
package protocol SuppressionRule: Rule {
    func check(_ outcome: SuppressionOutcome, context: LintContext) -> [Finding]
}

extension SuppressionRule {
    package var execution: RuleExecution {
        .afterSuppressions { outcome, context in check(outcome, context: context) }
    }

    /// Suppression rules have nothing to say before the stage has run.
    package func check(_ context: LintContext) -> [Finding] { [] }
}

/// What every rule sees: the loaded tree, its index and the configuration, and the facts that
/// enabled rules declared (`Rule.facts`), derived once before the rules run.
package struct LintContext: Sendable {
    package let tree: LoadedTree
    package let index: ResourceIndex
    package let configuration: LintConfiguration
    /// The paths the run was asked to lint, as given (`no-objects` points at them).
    package let inputs: [String]
    /// Whether facts may spread their work over every core (the result is the same).
    package let parallel: Bool
    var facts = Facts()

    /// A context without facts; the linter derives those its rules declare (`derive(_:)`).
    package init(tree: LoadedTree, index: ResourceIndex, configuration: LintConfiguration, inputs: [String]? = nil, parallel: Bool = false) {
        self.tree = tree
        self.index = index
        self.configuration = configuration
        self.inputs = inputs ?? tree.files.map(\.path)
        self.parallel = parallel
    }

    /// A fact of the run. Only facts that a rule of the run declares (or that they depend on)
    /// are derived; reading another is a mistake in the rule, which its example tests catch.
    package subscript<F: Fact>(_ fact: F.Type) -> F {
        guard let value = facts.value(fact) else {
            preconditionFailure("\(F.self) was not derived: list it in the reading rule's `facts` or the reading fact's `dependencies`")
        }
        return value
    }
}
