import KubeLintContracts
import KubeLintEngine
import KubeLintFileRules
import KubeLintModel
import KubeLintProducers
import KubeLintReferenceRules
import KubeLintSchema
import KubeLintSchemaRules

/// Every built-in rule. A new rule is one file plus one line here.
package enum RuleRegistry {
    package static let ruleTypes: [any Rule.Type] = [
        // input
        YAMLSyntaxRule.self,
        YAMLLimitsRule.self,
        FileUnreadableRule.self,
        YAMLTabIndentationRule.self,
        ConfigInvalidRule.self,
        ContractInvalidRule.self,
        NoObjectsRule.self,
        // yaml
        DuplicateKeyRule.self,
        InvalidMergeKeyRule.self,
        StringExpectedRule.self,
        // files
        NotAManifestRule.self,
        HelmTemplateRule.self,
        // schema
        InvalidTypeRule.self,
        MissingRequiredFieldRule.self,
        UnknownFieldRule.self,
        InvalidEnumValueRule.self,
        InvalidQuantityRule.self,
        InvalidPortRule.self,
        InvalidPortNameRule.self,
        InvalidNameRule.self,
        InvalidLabelRule.self,
        InvalidSelectorRule.self,
        UnknownKindRule.self,
        CustomResourceInvalidRule.self,
        CustomResourceUnvalidatedRule.self,
        DuplicateObjectRule.self,
        DuplicatePortNameRule.self,
        // API versions
        APIVersionRemovedRule.self,
        APIVersionDeprecatedRule.self,
        APIVersionUnavailableRule.self,
        // references
        ServiceSelectorNoMatchRule.self,
        ServiceTargetPortRule.self,
        ServiceTargetPortUndeclaredRule.self,
        ConfigMapMissingRule.self,
        ConfigMapKeyMissingRule.self,
        SecretMissingRule.self,
        SecretKeyMissingRule.self,
        PVCMissingRule.self,
        VolumeMountUndeclaredRule.self,
        ServiceAccountMissingRule.self,
        ImagePullSecretMissingRule.self,
        HPATargetMissingRule.self,
        PDBSelectsNothingRule.self,
        IngressServiceMissingRule.self,
        IngressServicePortMissingRule.self,
        IngressTLSSecretMissingRule.self,
        // workloads
        WorkloadSelectorMismatchRule.self,
        RWOVolumeReplicasRule.self,
        RWOVolumeRollingUpdateRule.self,
        RWOVolumeAutoscaledRule.self,
        DuplicateContainerPortRule.self,
        DuplicateEnvRule.self,
        // contracts
        ContractObjectMissingRule.self,
        ContractObjectForbiddenRule.self,
        ContractCountRule.self,
        ContractUnlistedObjectRule.self,
        ContractStorageRule.self,
        ContractAccessModesRule.self,
        ContractRequiredKeysRule.self,
        ContractBarePodRule.self,
        ContractReplicasRule.self,
        ContractAutoscaledRule.self,
        ContractExposedRule.self,
        ContractServiceTypeRule.self,
        ContractServicePortsRule.self,
        ContractServiceSelectsRule.self,
        ContractIngressTrafficRule.self,
        // suppressions
        SuppressionInvalidRule.self,
        UnusedSuppressionRule.self,
    ]
}

extension LintCatalog {
    /// Every built-in rule, with the configuration sections and index knowledge of the modules
    /// they live in.
    package static let builtIn = LintCatalog(
        ruleTypes: RuleRegistry.ruleTypes,
        sections: [ConfiguredContracts.self, ConfiguredProducers.self],
        indexing: IndexPolicy(
            objects: KustomizePatches.objects(of:),
            clusterScopedKinds: SchemaTable.clusterScopedKinds(among:),
            producedPods: ProducerTable.podLabels(for:)
        )
    )
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
