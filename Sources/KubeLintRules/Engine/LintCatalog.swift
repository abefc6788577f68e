import KubeLintModel

/// What a linter runs with: the rules it knows, and what the modules above the engine add to the
/// configuration (`sections`: `contracts`, `producers`) and to the index (`indexing`). The engine
/// knows none of them; the driver assembles the built-in catalog.
public struct LintCatalog: Sendable {
    /// Every rule, in the order `kubelint rules` lists them.
    public let ruleTypes: [any Rule.Type]
    /// Configuration keys read by the modules that own them.
    public let sections: [any ConfigurationSection.Type]
    public let indexing: IndexPolicy
    /// The rules' descriptions, in `ruleTypes` order.
    public let descriptions: [RuleDescription]
    /// Ids of the rules that report input that could not be read: never switched off or
    /// suppressed, and their findings make the run exit 2.
    public let inputRuleIDs: Set<String>
    private let positions: [String: Int]

    public init(ruleTypes: [any Rule.Type], sections: [any ConfigurationSection.Type] = [], indexing: IndexPolicy = IndexPolicy()) {
        self.ruleTypes = ruleTypes
        self.sections = sections
        self.indexing = indexing
        descriptions = ruleTypes.map { $0.description }
        inputRuleIDs = Set(descriptions.filter { $0.category == .input }.map(\.id))
        positions = Dictionary(descriptions.enumerated().map { ($1.id, $0) }) { first, _ in first }
    }

    public func description(of id: String) -> RuleDescription? {
        positions[id].map { descriptions[$0] }
    }

    public func makeRules() -> [any Rule] {
        ruleTypes.map { $0.init() }
    }

    /// The same catalog with only `kept` of its rules (tests run one rule at a time).
    public func keeping(_ kept: [any Rule.Type]) -> LintCatalog {
        LintCatalog(ruleTypes: kept, sections: sections, indexing: indexing)
    }
}

/// What the index must be told that the engine cannot know (see `ResourceIndex`): which
/// resources are objects at all, which kinds live outside namespaces, which pods operators run
/// for an object. By default every resource is an object, every kind namespaced, and no object
/// runs pods but through its own template.
public struct IndexPolicy: Sendable {
    public var objects: @Sendable (LoadedTree) -> [Resource]
    public var clusterScopedKinds: @Sendable (_ objects: [Resource]) -> ClusterScopedKinds
    /// For a configuration: the labels of each group of pods an operator runs for an object in
    /// a namespace.
    public var producedPods: @Sendable (LintConfiguration) -> @Sendable (Resource, String) -> [StringMap]

    public init(
        objects: @escaping @Sendable (LoadedTree) -> [Resource] = { $0.resources },
        clusterScopedKinds: @escaping @Sendable ([Resource]) -> ClusterScopedKinds = { _ in ClusterScopedKinds() },
        producedPods: @escaping @Sendable (LintConfiguration) -> @Sendable (Resource, String) -> [StringMap] = { _ in { _, _ in [] } }
    ) {
        self.objects = objects
        self.clusterScopedKinds = clusterScopedKinds
        self.producedPods = producedPods
    }

    /// The index of `tree`'s objects under `configuration`.
    public func index(_ tree: LoadedTree, configuration: LintConfiguration) -> ResourceIndex {
        let objects = objects(tree)
        let producedPods = producedPods(configuration)
        return ResourceIndex(
            objects, defaultNamespace: configuration.defaultNamespace,
            clusterScopedKinds: clusterScopedKinds(objects), producedPods: producedPods
        )
    }
}
