import KubeLintModel
import KubeLintYAML

/// A check over the whole tree. Each rule is one file: its description (id, severity, docs,
/// examples) and its `check`. Rules see every resource through `LintContext.index`, so
/// cross-resource checks cost one lookup per reference.
public protocol Rule: Sendable {
    static var description: RuleDescription { get }
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
public enum RuleExecution: Sendable {
    /// `check(_:)` over the whole tree.
    case wholeTree
    /// One resource at a time; the linter spreads the resources over every core and keeps
    /// their findings in tree order.
    case perResource(@Sendable (Resource, LintContext) -> [Finding])
    /// On the outcome of the suppression stage, after every other rule.
    case afterSuppressions(@Sendable (SuppressionOutcome, LintContext) -> [Finding])
}

extension Rule {
    public var execution: RuleExecution { .wholeTree }
}

/// A rule that looks at one resource at a time (it may still consult the index). The linter
/// calls `check(_:context:)` for each resource, on several threads at once; `check(_:)`
/// (all resources, in order) is what it is equivalent to.
public protocol ResourceRule: Rule {
    func check(_ resource: Resource, context: LintContext) -> [Finding]
}

extension ResourceRule {
    public var execution: RuleExecution {
        .perResource { resource, context in check(resource, context: context) }
    }

    public func check(_ context: LintContext) -> [Finding] {
        var findings: [Finding] = []
        for resource in context.index.resources {
            findings.append(contentsOf: check(resource, context: context))
        }
        return findings
    }
}

extension Rule {
    public var id: String { Self.description.id }

    /// A finding of this rule about `resource`, pointing at `mark` in the resource's file.
    public func finding(
        _ message: String, at mark: Mark, in resource: Resource,
        related: [Finding.Related] = []
    ) -> Finding {
        Finding(
            ruleID: Self.description.id,
            severity: Self.description.severity,
            message: message,
            location: FileLocation(file: resource.source.file, mark: mark),
            resource: resource.identity,
            remediation: Self.description.remediation,
            related: related
        )
    }

    /// A finding of this rule at a file position that belongs to no resource.
    public func finding(_ message: String, file: String, at mark: Mark, related: [Finding.Related] = []) -> Finding {
        Finding(
            ruleID: Self.description.id,
            severity: Self.description.severity,
            message: message,
            location: FileLocation(file: file, mark: mark),
            remediation: Self.description.remediation,
            related: related
        )
    }
}

/// A rule about suppressions (annotations, comments, `ignore` entries): it reports on what the
/// suppression stage found, after every other rule has run, and its own findings cannot be
/// suppressed.
public protocol SuppressionRule: Rule {
    func check(_ outcome: SuppressionOutcome, context: LintContext) -> [Finding]
}

extension SuppressionRule {
    public var execution: RuleExecution {
        .afterSuppressions { outcome, context in check(outcome, context: context) }
    }

    /// Suppression rules have nothing to say before the stage has run.
    public func check(_ context: LintContext) -> [Finding] { [] }
}

/// What every rule sees: the loaded tree, its index, the configuration, and the schema check
/// of every resource (done once here, reported in parts by the schema rules).
public struct LintContext: Sendable {
    public let tree: LoadedTree
    public let index: ResourceIndex
    public let configuration: LintConfiguration
    public let schema: SchemaReport
    /// The paths the run was asked to lint, as given (`no-objects` points at them).
    public let inputs: [String]
    /// Pods and workloads with their pod specs, shared by the reference rules.
    let podRunners: [PodRunner]
    /// Their pod specs as parsed nodes, for the rules about fields the model leaves out.
    let podSpecCache: PodSpecCache
    /// Secrets, ConfigMaps and Services the tree makes without writing them out: references to
    /// them resolve (`referenceResolves`). From the producer table, the tree's own workloads and
    /// kustomizations.
    let producedObjects: ProducedObjects
    /// What the files that could not be read or parsed may define: references that could
    /// resolve to it are not reported (`referenceResolves`).
    let unreadInputs: UnreadInputs
    /// Every (object, clauses) pair of every contract, shared by the contract clause rules.
    let contractSubjects: [ContractSubject]
    /// Files and directories listed by a kustomization that adds labels to selectors
    /// (`commonLabels`): their workloads get `spec.selector` from kustomize.
    let kustomizeSelectorLabelled: Set<String>
    /// How references to objects the tree does not write out resolve (`referenceResolves`).
    let resolver: TreeResolver
    /// Every reference between the tree's objects, resolved once with `resolver`:
    /// `host-reference-unresolved` reads its edges, `kubelint plan` and `kubelint graph` show them.
    public let referenceGraph: ReferenceGraph
    /// Missing ConfigMaps and Secrets and missing keys, shared by the four rules that report them.
    /// Set last in `init`, since finding them resolves references through the context.
    private(set) var configObjectProblems = ConfigObjectReferences.Problems()

    /// `parallel`: check the schema of the resources on every core (the report is the same).
    public init(tree: LoadedTree, configuration: LintConfiguration, inputs: [String]? = nil, parallel: Bool = false) {
        self.tree = tree
        self.configuration = configuration
        self.inputs = inputs ?? tree.files.map(\.path)
        // Kustomize patches are fragments of the objects they patch, not objects: not indexed,
        // so neither checked nor counted as objects that exist.
        let patchFiles = KustomizePatches.files(in: tree.resources)
        let objects = patchFiles.isEmpty
            ? tree.resources
            : tree.resources.filter { !KustomizePatches.contains($0.source.file, in: patchFiles) }
        // Cluster-scoped kinds: the built-in ones the API describes, and the custom kinds the
        // tree defines with `scope: Cluster`.
        let clusterScopedKinds = SchemaTable.shared.clusterScopedKinds.adding(definitionsIn: objects)
        // What operators make is the producer table's knowledge; the index is told the labels of
        // the pods they run, so selectors find them like any workload's.
        let producers = ProducerTable(configuration: configuration)
        index = ResourceIndex(objects, defaultNamespace: configuration.defaultNamespace, clusterScopedKinds: clusterScopedKinds) { resource, namespace in
            producers.podLabels(madeFor: resource, namespace: namespace)
        }
        schema = SchemaReport(index: index, target: configuration.kubernetesVersion, parallel: parallel)
        podRunners = PodRunner.all(in: index)
        podSpecCache = PodSpecCache(podRunners)
        kustomizeSelectorLabelled = KustomizePatches.selectorLabelledPaths(in: tree.resources)
        // Derived once here rather than by each rule that reads them: rules run side by side,
        // and a value computed before they start needs no locking.
        producedObjects = ProducedObjects(index, table: producers, schema: schema, runners: podRunners)
        unreadInputs = UnreadInputs(tree: tree, defaultNamespace: configuration.defaultNamespace, clusterScopedKinds: index.clusterScopedKinds)
        contractSubjects = ContractSubject.all(of: configuration.contracts, in: index, defaultNamespace: configuration.defaultNamespace)
        resolver = TreeResolver(configuration: configuration, producedObjects: producedObjects, unreadInputs: unreadInputs)
        referenceGraph = ReferenceGraph(index: index, resolver: resolver) { count, piece in ParallelMap.map(count: count, parallel: parallel, piece) }
        configObjectProblems = ConfigObjectReferences.Problems(self)
    }
}
