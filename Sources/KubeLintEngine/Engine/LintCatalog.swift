import KubeLintModel

/// What a linter runs with: the rules it knows, and what the modules above the engine add to the
/// configuration (`sections`: `contracts`, `producers`) and to the index (`indexing`). The engine
/// knows none of them; the driver assembles the built-in catalog.
package struct LintCatalog: Sendable {
    /// Every rule, in the order `kubelint rules` lists them.
    package let ruleTypes: [any Rule.Type]
    /// Configuration keys read by the modules that own them.
    package let sections: [any ConfigurationSection.Type]
    package let indexing: IndexPolicy
    /// The rules' descriptions, in `ruleTypes` order.
    package let descriptions: [RuleDescription]
    /// Ids of the rules that report input that could not be read: never switched off or
    /// suppressed, and their findings make the run exit 2.
    package let inputRuleIDs: Set<String>
    /// The rules kube-linter's suppression annotations name (`KubeLinterAnnotations`).
    let kubeLinterRules: KubeLinterAnnotations.Rules
    private let positions: [String: Int]

    package init(ruleTypes: [any Rule.Type], sections: [any ConfigurationSection.Type] = [], indexing: IndexPolicy = IndexPolicy()) {
        self.ruleTypes = ruleTypes
        self.sections = sections
        self.indexing = indexing
        descriptions = ruleTypes.map { $0.description }
        inputRuleIDs = Set(descriptions.filter { $0.category == .input }.map(\.id))
        kubeLinterRules = KubeLinterAnnotations.Rules(descriptions)
        positions = Dictionary(descriptions.enumerated().map { ($1.id, $0) }) { first, _ in first }
    }

    package func description(of id: String) -> RuleDescription? {
        positions[id].map { descriptions[$0] }
    }

    package func makeRules() -> [any Rule] {
        ruleTypes.map { $0.init() }
    }

    /// The same catalog with only `kept` of its rules (tests run one rule at a time).
    package func keeping(_ kept: [any Rule.Type]) -> LintCatalog {
        LintCatalog(ruleTypes: kept, sections: sections, indexing: indexing)
    }
}

/// What the index must be told that the engine cannot know (see `ResourceIndex`): which
/// resources are objects at all, which kinds live outside namespaces, which pods operators run
/// for an object. By default every resource is an object, every kind namespaced, and no object
/// runs pods but through its own template.
package struct IndexPolicy: Sendable {
    package var objects: @Sendable (LoadedTree) -> [Resource]
    package var clusterScopedKinds: @Sendable (_ objects: [Resource]) -> ClusterScopedKinds
    /// For a configuration and the tree's objects: the labels of each group of pods an operator
    /// runs for an object in a namespace.
    package var producedPods: @Sendable (LintConfiguration, [Resource]) -> @Sendable (Resource, String) -> [StringMap]

    package init(
        objects: @escaping @Sendable (LoadedTree) -> [Resource] = { $0.resources },
        clusterScopedKinds: @escaping @Sendable ([Resource]) -> ClusterScopedKinds = { _ in ClusterScopedKinds() },
        producedPods: @escaping @Sendable (LintConfiguration, [Resource]) -> @Sendable (Resource, String) -> [StringMap] = { _, _ in { _, _ in [] } }
    ) {
        self.objects = objects
        self.clusterScopedKinds = clusterScopedKinds
        self.producedPods = producedPods
    }

    /// The index of `tree`'s objects under `configuration`.
    package func index(_ tree: LoadedTree, configuration: LintConfiguration) -> ResourceIndex {
        let objects = objects(tree)
        let producedPods = producedPods(configuration, objects)
        return ResourceIndex(
            objects, defaultNamespace: configuration.defaultNamespace,
            clusterScopedKinds: clusterScopedKinds(objects), producedPods: producedPods
        )
    }
}
