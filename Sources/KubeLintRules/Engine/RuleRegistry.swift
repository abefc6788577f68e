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
        HostReferenceUnresolvedRule.self,
        StatefulSetServiceNameRule.self,
        NetworkPolicySelectsNothingRule.self,
        NetworkPolicyPeerSelectsNothingRule.self,
        ServiceMonitorSelectsNothingRule.self,
        // workloads
        WorkloadSelectorMismatchRule.self,
        RWOVolumeReplicasRule.self,
        RWOVolumeRollingUpdateRule.self,
        RWOVolumeAutoscaledRule.self,
        DuplicateContainerPortRule.self,
        DuplicateEnvRule.self,
        ProbePortMissingRule.self,
        RestartPolicyInvalidRule.self,
        TopologySpreadInvalidRule.self,
        TopologySpreadNoSelectorRule.self,
        // admission
        PodSecurityEnforceRule.self,
        PodSecurityWarnRule.self,
        // practice (recommended profile)
        LivenessProbeMissingRule.self,
        ReadinessProbeMissingRule.self,
        ProbesIdenticalRule.self,
        ProbePortUndeclaredRule.self,
        ResourcesUnsetRule.self,
        ImageTagUnpinnedRule.self,
        ReplicasMinimumRule.self,
        RollingUpdateStrategyRule.self,
        PodAntiAffinityMissingRule.self,
        PDBMissingRule.self,
        PDBBlocksDisruptionRule.self,
        PDBPolicyMissingRule.self,
        PDBUnhealthyEvictionPolicyRule.self,
        HPAMinReplicasRule.self,
        HPAReplicasSetRule.self,
        CronJobDeadlineMissingRule.self,
        JobTTLAfterFinishedRule.self,
        DeprecatedServiceAccountFieldRule.self,
        // security (security profile)
        PrivilegedContainerRule.self,
        PrivilegeEscalationAllowedRule.self,
        RunAsRootRule.self,
        UserGroupIDLowRule.self,
        ReadOnlyRootFilesystemRule.self,
        NetRawNotDroppedRule.self,
        SeccompProfileMissingRule.self,
        HostNetworkRule.self,
        HostPIDRule.self,
        HostIPCRule.self,
        SensitiveHostMountRule.self,
        ContainerRuntimeSocketMountRule.self,
        WritableHostMountRule.self,
        UnsafeProcMountRule.self,
        UnsafeSysctlRule.self,
        PrivilegedPortRule.self,
        SSHPortRule.self,
        SecretInEnvValueRule.self,
        SecretInEnvironmentRule.self,
        DefaultServiceAccountRule.self,
        ServiceExposedRule.self,
        NetworkPolicyMissingRule.self,
        RBACClusterAdminBindingRule.self,
        RBACSecretsAccessRule.self,
        RBACCreatePodsRule.self,
        RBACWildcardRule.self,
        SCCPrivilegedRule.self,
        DefaultNamespaceRule.self,
        // optional (all profile)
        ImagePullPolicyNotAlwaysRule.self,
        EphemeralStorageUnsetRule.self,
        RequestsDifferFromLimitsRule.self,
        NodeAffinityMissingRule.self,
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

    /// Each rule's category, for profiles (`LintConfiguration.isEnabled`).
    static let categoriesByID: [String: RuleCategory] = Dictionary(
        ruleTypes.map { ($0.description.id, $0.description.category) }, uniquingKeysWith: { first, _ in first }
    )

    public static func category(of id: String) -> RuleCategory? { categoriesByID[id] }

    public static let inputRuleIDs: Set<String> = Set(
        ruleTypes.map { $0.description }.filter { $0.category == .input }.map(\.id)
    )
}
