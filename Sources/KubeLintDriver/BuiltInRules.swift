import KubeLintContracts
import KubeLintEngine
import KubeLintFileRules
import KubeLintModel
import KubeLintPracticeRules
import KubeLintTreeFacts
import KubeLintReferenceRules
import KubeLintSchema
import KubeLintSchemaRules
import KubeLintSecurityRules

/// Every built-in rule, with the configuration sections and index knowledge of the modules they
/// live in. Each rule module lists its own rules at build time (`RuleList`, Plugins/RuleList), so
/// a new rule is one file in a rule module; a new rule module is one line here.
package enum BuiltInRules {
    /// By category (in `RuleCategory` order), then id: how `kubelint rules` and the rule
    /// reference list them.
    package static let ruleTypes: [any Rule.Type] = {
        let listed: [any Rule.Type] = [
            KubeLintFileRules.RuleList.ruleTypes,
            KubeLintSchemaRules.RuleList.ruleTypes,
            KubeLintReferenceRules.RuleList.ruleTypes,
            KubeLintContracts.RuleList.ruleTypes,
            KubeLintSecurityRules.RuleList.ruleTypes,
            KubeLintPracticeRules.RuleList.ruleTypes,
        ].flatMap { $0 }
        // Each read of a description copies it: read each once, then sort by the keys.
        let keyed = listed.map { type in (rank: type.description.category.rank, id: type.description.id, type: type) }
        return keyed.sorted { ($0.rank, $0.id) < ($1.rank, $1.id) }.map(\.type)
    }()

    package static let catalog = LintCatalog(
        ruleTypes: ruleTypes,
        sections: [ConfiguredContracts.self, ConfiguredProducers.self],
        indexing: IndexPolicy(
            objects: KustomizePatches.objects(of:),
            clusterScopedKinds: SchemaTable.clusterScopedKinds(among:),
            producedPods: ProducerTable.podLabels(for:objects:)
        )
    )
}

extension LintCatalog {
    /// Every built-in rule (`BuiltInRules`).
    package static var builtIn: LintCatalog { BuiltInRules.catalog }
}

extension Linter {
    /// A linter of every built-in rule.
    package init(configuration: LintConfiguration = LintConfiguration(), parallel: Bool = true) {
        self.init(catalog: .builtIn, configuration: configuration, parallel: parallel)
    }
}

extension ConfigurationParser {
    /// Reads a configuration for the built-in rules.
    package static func parse(_ text: String, file: String) -> ParsedConfiguration {
        ConfigurationParser(catalog: .builtIn).parse(text, file: file)
    }

    package static func parse(_ bytes: [UInt8], file: String) -> ParsedConfiguration {
        ConfigurationParser(catalog: .builtIn).parse(bytes, file: file)
    }
}
