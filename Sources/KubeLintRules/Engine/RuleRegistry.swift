/// Every built-in rule. A new rule is one file plus one line here.
public enum RuleRegistry {
    public static let ruleTypes: [any Rule.Type] = [
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

    public static func makeAll() -> [any Rule] {
        ruleTypes.map { $0.init() }
    }

    public static var descriptions: [RuleDescription] {
        ruleTypes.map { $0.description }
    }

    public static func description(of id: String) -> RuleDescription? {
        descriptions.first { $0.id == id }
    }

    public static let inputRuleIDs: Set<String> = Set(
        ruleTypes.map { $0.description }.filter { $0.category == .input }.map(\.id)
    )
}
