import KubeLintEngine
import KubeLintModel
import KubeLintYAML
/// What a field's value must look like beyond its type.
enum FieldCheck: Sendable {
    /// One of these strings (applied to each item when the field is a list).
    case oneOf([String])
    /// A port number 1–65535 (0 too when `allowsZero`: "not set"); for int-or-string fields a
    /// string must be a named port (IANA service name).
    case port(allowsZero: Bool)
    /// A container port's name: an IANA service name.
    case portName
    /// A Service port's name: a DNS-1123 label.
    case servicePortName
    /// A container or volume name: a DNS-1123 label.
    case dnsLabel
    /// A map of labels (keys qualified names, values label values): labels, selectors.
    case labelMap
    /// A map of annotations (keys qualified names, values free).
    case annotationMap
    /// A label key (selector requirement keys).
    case labelKey
    /// Keys of ConfigMap or Secret data.
    case configKeys
    /// Quantities that must not be negative (resource requests and limits).
    case nonNegativeQuantities
}

/// Checks on a whole object of a type, where fields depend on each other.
enum ObjectCheck: Sendable {
    /// `key`, `operator`, `values` of a selector requirement; `nodeOperators` adds `Gt`/`Lt`.
    case selectorRequirement(nodeOperators: Bool)
}

/// Facts the client's field table does not carry: allowed values, port and name rules, label
/// maps, required fields the validation code enforces. Keyed by type name without its version
/// prefix and field name, so every version of a type shares them. Values come from the
/// Kubernetes API reference and the API server's validation (k8s.io/api types.go, "Possible enum
/// values"), written here by hand.
enum FieldRules {
    static let protocols = ["TCP", "UDP", "SCTP"]
    static let accessModes = ["ReadWriteOnce", "ReadOnlyMany", "ReadWriteMany", "ReadWriteOncePod"]
    static let taintEffects = ["NoSchedule", "PreferNoSchedule", "NoExecute"]
    static let profileTypes = ["Unconfined", "RuntimeDefault", "Localhost"]

    static let fieldChecks: [String: FieldCheck] = [
        // Pods and containers
        "PodSpec.restartPolicy": .oneOf(["Always", "OnFailure", "Never"]),
        "PodSpec.dnsPolicy": .oneOf(["ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"]),
        "PodSpec.preemptionPolicy": .oneOf(["PreemptLowerPriority", "Never"]),
        "PodSpec.nodeSelector": .labelMap,
        "PodOS.name": .oneOf(["linux", "windows"]),
        "Container.name": .dnsLabel,
        "Container.imagePullPolicy": .oneOf(["Always", "Never", "IfNotPresent"]),
        "Container.terminationMessagePolicy": .oneOf(["File", "FallbackToLogsOnError"]),
        "EphemeralContainer.name": .dnsLabel,
        "EphemeralContainer.imagePullPolicy": .oneOf(["Always", "Never", "IfNotPresent"]),
        "EphemeralContainer.terminationMessagePolicy": .oneOf(["File", "FallbackToLogsOnError"]),
        "ContainerPort.containerPort": .port(allowsZero: false),
        "ContainerPort.hostPort": .port(allowsZero: true),
        "ContainerPort.name": .portName,
        "ContainerPort.protocol": .oneOf(protocols),
        "ContainerResizePolicy.restartPolicy": .oneOf(["NotRequired", "RestartContainer"]),
        "ResourceRequirements.limits": .nonNegativeQuantities,
        "ResourceRequirements.requests": .nonNegativeQuantities,
        "VolumeResourceRequirements.limits": .nonNegativeQuantities,
        "VolumeResourceRequirements.requests": .nonNegativeQuantities,
        "HTTPGetAction.port": .port(allowsZero: false),
        "HTTPGetAction.scheme": .oneOf(["HTTP", "HTTPS"]),
        "TCPSocketAction.port": .port(allowsZero: false),
        "GRPCAction.port": .port(allowsZero: false),
        "Volume.name": .dnsLabel,
        "VolumeMount.mountPropagation": .oneOf(["None", "HostToContainer", "Bidirectional"]),
        "VolumeMount.recursiveReadOnly": .oneOf(["Disabled", "IfPossible", "Enabled"]),
        "HostPathVolumeSource.type": .oneOf([
            "", "DirectoryOrCreate", "Directory", "FileOrCreate", "File", "Socket", "CharDevice", "BlockDevice",
        ]),
        "PodSecurityContext.fsGroupChangePolicy": .oneOf(["OnRootMismatch", "Always"]),
        "SecurityContext.procMount": .oneOf(["Default", "Unmasked"]),
        "SeccompProfile.type": .oneOf(profileTypes),
        "AppArmorProfile.type": .oneOf(profileTypes),
        "Toleration.operator": .oneOf(["Exists", "Equal", "Lt", "Gt"]),
        "Toleration.effect": .oneOf([""] + taintEffects),
        "Taint.effect": .oneOf(taintEffects),
        "TopologySpreadConstraint.whenUnsatisfiable": .oneOf(["DoNotSchedule", "ScheduleAnyway"]),
        "TopologySpreadConstraint.nodeAffinityPolicy": .oneOf(["Honor", "Ignore"]),
        "TopologySpreadConstraint.nodeTaintsPolicy": .oneOf(["Honor", "Ignore"]),
        // Metadata and selectors
        "ObjectMeta.labels": .labelMap,
        "ObjectMeta.annotations": .annotationMap,
        "LabelSelector.matchLabels": .labelMap,
        "LabelSelectorRequirement.key": .labelKey,
        "NodeSelectorRequirement.key": .labelKey,
        // Services and networking
        "ServiceSpec.type": .oneOf(["ClusterIP", "NodePort", "LoadBalancer", "ExternalName"]),
        "ServiceSpec.sessionAffinity": .oneOf(["ClientIP", "None"]),
        "ServiceSpec.externalTrafficPolicy": .oneOf(["Cluster", "Local"]),
        "ServiceSpec.internalTrafficPolicy": .oneOf(["Cluster", "Local"]),
        "ServiceSpec.ipFamilyPolicy": .oneOf(["SingleStack", "PreferDualStack", "RequireDualStack"]),
        "ServiceSpec.ipFamilies": .oneOf(["IPv4", "IPv6"]),
        "ServiceSpec.selector": .labelMap,
        "ServicePort.port": .port(allowsZero: false),
        "ServicePort.targetPort": .port(allowsZero: false),
        "ServicePort.nodePort": .port(allowsZero: true),
        "ServicePort.name": .servicePortName,
        "ServicePort.protocol": .oneOf(protocols),
        "EndpointPort.port": .port(allowsZero: false),
        "EndpointPort.protocol": .oneOf(protocols),
        "NetworkPolicyPort.port": .port(allowsZero: false),
        "NetworkPolicyPort.endPort": .port(allowsZero: false),
        "NetworkPolicyPort.protocol": .oneOf(protocols),
        "NetworkPolicySpec.policyTypes": .oneOf(["Ingress", "Egress"]),
        "HTTPIngressPath.pathType": .oneOf(["Exact", "Prefix", "ImplementationSpecific"]),
        "ServiceBackendPort.number": .port(allowsZero: false),
        "ServiceBackendPort.name": .portName,
        "IngressBackend.servicePort": .port(allowsZero: false),
        "ServiceReference.port": .port(allowsZero: false),
        // Workloads
        "DeploymentStrategy.type": .oneOf(["Recreate", "RollingUpdate"]),
        "StatefulSetUpdateStrategy.type": .oneOf(["RollingUpdate", "OnDelete"]),
        "DaemonSetUpdateStrategy.type": .oneOf(["RollingUpdate", "OnDelete"]),
        "StatefulSetSpec.podManagementPolicy": .oneOf(["OrderedReady", "Parallel"]),
        "StatefulSetPersistentVolumeClaimRetentionPolicy.whenDeleted": .oneOf(["Retain", "Delete"]),
        "StatefulSetPersistentVolumeClaimRetentionPolicy.whenScaled": .oneOf(["Retain", "Delete"]),
        "ReplicationControllerSpec.selector": .labelMap,
        "CronJobSpec.concurrencyPolicy": .oneOf(["Allow", "Forbid", "Replace"]),
        "JobSpec.completionMode": .oneOf(["NonIndexed", "Indexed"]),
        "JobSpec.podReplacementPolicy": .oneOf(["TerminatingOrFailed", "Failed"]),
        "PodDisruptionBudgetSpec.unhealthyPodEvictionPolicy": .oneOf(["IfHealthyBudget", "AlwaysAllow"]),
        "MetricSpec.type": .oneOf(["Object", "Pods", "Resource", "External", "ContainerResource"]),
        "MetricTarget.type": .oneOf(["Utilization", "Value", "AverageValue"]),
        "HPAScalingPolicy.type": .oneOf(["Pods", "Percent"]),
        "HPAScalingRules.selectPolicy": .oneOf(["Max", "Min", "Disabled"]),
        // Storage and configuration
        "PersistentVolumeClaimSpec.accessModes": .oneOf(accessModes),
        "PersistentVolumeClaimSpec.volumeMode": .oneOf(["Block", "Filesystem"]),
        "PersistentVolumeSpec.accessModes": .oneOf(accessModes),
        "PersistentVolumeSpec.volumeMode": .oneOf(["Block", "Filesystem"]),
        "PersistentVolumeSpec.persistentVolumeReclaimPolicy": .oneOf(["Retain", "Delete", "Recycle"]),
        "StorageClass.reclaimPolicy": .oneOf(["Retain", "Delete"]),
        "StorageClass.volumeBindingMode": .oneOf(["Immediate", "WaitForFirstConsumer"]),
        "ConfigMap.data": .configKeys,
        "ConfigMap.binaryData": .configKeys,
        "Secret.data": .configKeys,
        "Secret.stringData": .configKeys,
        // Access control and extension
        "RoleRef.kind": .oneOf(["Role", "ClusterRole"]),
        "CustomResourceDefinitionSpec.scope": .oneOf(["Namespaced", "Cluster"]),
        "MutatingWebhook.failurePolicy": .oneOf(["Ignore", "Fail"]),
        "MutatingWebhook.sideEffects": .oneOf(["Unknown", "None", "Some", "NoneOnDryRun"]),
        "MutatingWebhook.matchPolicy": .oneOf(["Exact", "Equivalent"]),
        "MutatingWebhook.reinvocationPolicy": .oneOf(["Never", "IfNeeded"]),
        "ValidatingWebhook.failurePolicy": .oneOf(["Ignore", "Fail"]),
        "ValidatingWebhook.sideEffects": .oneOf(["Unknown", "None", "Some", "NoneOnDryRun"]),
        "ValidatingWebhook.matchPolicy": .oneOf(["Exact", "Equivalent"]),
    ]

    static let objectChecks: [String: ObjectCheck] = [
        "LabelSelectorRequirement": .selectorRequirement(nodeOperators: false),
        "ScopedResourceSelectorRequirement": .selectorRequirement(nodeOperators: false),
        "NodeSelectorRequirement": .selectorRequirement(nodeOperators: true),
    ]

    /// Fields the API server's validation requires although the OpenAPI document does not mark
    /// them, by exact type name (only this version of the type).
    static let extraRequired: [String: [String]] = [
        // networking.k8s.io/v1: "pathType must be specified".
        "V1HTTPIngressPath": ["pathType"],
    ]
}
