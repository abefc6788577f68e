/// When each apiVersion of a built-in kind was introduced, deprecated and removed, and what
/// replaces it.
///
/// Facts from the Kubernetes "Deprecated API Migration Guide" (removals, replacements, "available
/// since", notable changes) and the `+k8s:prerelease-lifecycle-gen` tags of k8s.io/api
/// (introduced and deprecated releases of beta APIs), written here by hand. A test checks them
/// against the API releases the field tables were sampled from (where the 1.13 API has no
/// node.k8s.io/v1beta1, so RuntimeClass v1beta1 is taken as introduced in 1.14).
struct APIVersionTable: Sendable {
    struct Entry: Sendable {
        var apiVersion: String
        var kind: String
        var introduced: KubernetesVersion?
        var deprecated: KubernetesVersion?
        var removed: KubernetesVersion?
        /// The apiVersion to use instead (same kind unless `replacementKind` says otherwise).
        var replacement: String?
        var replacementKind: String?
        /// What else must change in the manifest when moving to the replacement.
        var migration: String?
    }

    struct Key: Hashable, Sendable {
        var apiVersion: String
        var kind: String
    }

    let entries: [Key: Entry]

    static let shared = APIVersionTable(entries: allEntries)

    init(entries: [Entry]) {
        var table: [Key: Entry] = [:]
        for entry in entries {
            table[Key(apiVersion: entry.apiVersion, kind: entry.kind)] = entry
        }
        self.entries = table
    }

    func entry(apiVersion: String, kind: String) -> Entry? {
        entries[Key(apiVersion: apiVersion, kind: kind)]
    }

    /// The entry of the replacement, for "available since".
    func replacementEntry(of entry: Entry) -> Entry? {
        guard let replacement = entry.replacement else { return nil }
        return self.entry(apiVersion: replacement, kind: entry.replacementKind ?? entry.kind)
    }

    private static func entry(
        _ apiVersion: String, _ kind: String, introduced: Int? = nil, deprecated: Int? = nil, removed: Int? = nil,
        replacement: String? = nil, replacementKind: String? = nil, migration: String? = nil
    ) -> Entry {
        Entry(
            apiVersion: apiVersion, kind: kind,
            introduced: introduced.map(KubernetesVersion.v1), deprecated: deprecated.map(KubernetesVersion.v1),
            removed: removed.map(KubernetesVersion.v1),
            replacement: replacement, replacementKind: replacementKind, migration: migration
        )
    }

    private static let selectorRequired =
        "`spec.selector` is required (use the template's labels) and immutable after creation"
    private static let ingressMigration = """
        rename `spec.backend` to `spec.defaultBackend`, each backend's `serviceName` to \
        `service.name` and `servicePort` to `service.port.number` (or `service.port.name` for a \
        named port), and set `pathType` (Prefix, Exact or ImplementationSpecific) on every path
        """
    private static let hpaMigration =
        "`targetAverageUtilization` becomes `target.averageUtilization` with `target.type: Utilization`"

    static let allEntries: [Entry] = [
        // Removed in 1.16
        entry("extensions/v1beta1", "Deployment", introduced: 1, deprecated: 8, removed: 16, replacement: "apps/v1",
              migration: selectorRequired + "; `spec.rollbackTo` is gone"),
        entry("apps/v1beta1", "Deployment", introduced: 6, deprecated: 8, removed: 16, replacement: "apps/v1",
              migration: selectorRequired + "; `spec.rollbackTo` is gone"),
        entry("apps/v1beta2", "Deployment", introduced: 8, deprecated: 9, removed: 16, replacement: "apps/v1", migration: selectorRequired),
        entry("extensions/v1beta1", "DaemonSet", introduced: 1, deprecated: 8, removed: 16, replacement: "apps/v1",
              migration: selectorRequired + "; `spec.templateGeneration` is gone"),
        entry("apps/v1beta2", "DaemonSet", introduced: 8, deprecated: 9, removed: 16, replacement: "apps/v1", migration: selectorRequired),
        entry("extensions/v1beta1", "ReplicaSet", introduced: 2, deprecated: 8, removed: 16, replacement: "apps/v1", migration: selectorRequired),
        entry("apps/v1beta2", "ReplicaSet", introduced: 8, deprecated: 9, removed: 16, replacement: "apps/v1", migration: selectorRequired),
        entry("apps/v1beta1", "StatefulSet", introduced: 5, deprecated: 8, removed: 16, replacement: "apps/v1", migration: selectorRequired),
        entry("apps/v1beta2", "StatefulSet", introduced: 8, deprecated: 9, removed: 16, replacement: "apps/v1", migration: selectorRequired),
        entry("apps/v1beta1", "ControllerRevision", introduced: 7, deprecated: 8, removed: 16, replacement: "apps/v1"),
        entry("apps/v1beta2", "ControllerRevision", introduced: 8, deprecated: 9, removed: 16, replacement: "apps/v1"),
        entry("extensions/v1beta1", "NetworkPolicy", introduced: 3, deprecated: 9, removed: 16, replacement: "networking.k8s.io/v1"),
        entry("extensions/v1beta1", "PodSecurityPolicy", introduced: 2, deprecated: 11, removed: 16, replacement: "policy/v1beta1"),
        // Removed in 1.22
        entry("extensions/v1beta1", "Ingress", introduced: 1, deprecated: 14, removed: 22, replacement: "networking.k8s.io/v1",
              migration: ingressMigration),
        entry("networking.k8s.io/v1beta1", "Ingress", introduced: 14, deprecated: 19, removed: 22, replacement: "networking.k8s.io/v1",
              migration: ingressMigration),
        entry("networking.k8s.io/v1beta1", "IngressClass", introduced: 18, deprecated: 19, removed: 22, replacement: "networking.k8s.io/v1"),
        entry("admissionregistration.k8s.io/v1beta1", "MutatingWebhookConfiguration", introduced: 9, deprecated: 16, removed: 22,
              replacement: "admissionregistration.k8s.io/v1",
              migration: "`webhooks[*].sideEffects` and `webhooks[*].admissionReviewVersions` are required, and defaults changed"),
        entry("admissionregistration.k8s.io/v1beta1", "ValidatingWebhookConfiguration", introduced: 9, deprecated: 16, removed: 22,
              replacement: "admissionregistration.k8s.io/v1",
              migration: "`webhooks[*].sideEffects` and `webhooks[*].admissionReviewVersions` are required, and defaults changed"),
        entry("apiextensions.k8s.io/v1beta1", "CustomResourceDefinition", deprecated: 16, removed: 22, replacement: "apiextensions.k8s.io/v1",
              migration: """
                  `spec.scope` is required; `spec.version`, `spec.validation`, `spec.subresources` and \
                  `spec.additionalPrinterColumns` move into each `spec.versions[*]` (schema under \
                  `schema.openAPIV3Schema`, which is required and must be structural)
                  """),
        entry("apiregistration.k8s.io/v1beta1", "APIService", deprecated: 19, removed: 22, replacement: "apiregistration.k8s.io/v1"),
        entry("authentication.k8s.io/v1beta1", "TokenReview", removed: 22, replacement: "authentication.k8s.io/v1"),
        entry("authorization.k8s.io/v1beta1", "SubjectAccessReview", removed: 22, replacement: "authorization.k8s.io/v1",
              migration: "`spec.group` is renamed to `spec.groups`"),
        entry("authorization.k8s.io/v1beta1", "LocalSubjectAccessReview", removed: 22, replacement: "authorization.k8s.io/v1",
              migration: "`spec.group` is renamed to `spec.groups`"),
        entry("authorization.k8s.io/v1beta1", "SelfSubjectAccessReview", removed: 22, replacement: "authorization.k8s.io/v1"),
        entry("certificates.k8s.io/v1beta1", "CertificateSigningRequest", deprecated: 19, removed: 22, replacement: "certificates.k8s.io/v1",
              migration: "`spec.signerName` and `spec.usages` are required"),
        entry("coordination.k8s.io/v1beta1", "Lease", introduced: 12, deprecated: 19, removed: 22, replacement: "coordination.k8s.io/v1"),
        entry("rbac.authorization.k8s.io/v1beta1", "ClusterRole", introduced: 6, deprecated: 17, removed: 22, replacement: "rbac.authorization.k8s.io/v1"),
        entry("rbac.authorization.k8s.io/v1beta1", "ClusterRoleBinding", introduced: 6, deprecated: 17, removed: 22, replacement: "rbac.authorization.k8s.io/v1"),
        entry("rbac.authorization.k8s.io/v1beta1", "Role", introduced: 6, deprecated: 17, removed: 22, replacement: "rbac.authorization.k8s.io/v1"),
        entry("rbac.authorization.k8s.io/v1beta1", "RoleBinding", introduced: 6, deprecated: 17, removed: 22, replacement: "rbac.authorization.k8s.io/v1"),
        entry("scheduling.k8s.io/v1beta1", "PriorityClass", introduced: 11, deprecated: 14, removed: 22, replacement: "scheduling.k8s.io/v1"),
        entry("storage.k8s.io/v1beta1", "CSIDriver", introduced: 14, deprecated: 19, removed: 22, replacement: "storage.k8s.io/v1"),
        entry("storage.k8s.io/v1beta1", "CSINode", introduced: 14, deprecated: 17, removed: 22, replacement: "storage.k8s.io/v1"),
        entry("storage.k8s.io/v1beta1", "StorageClass", introduced: 4, deprecated: 19, removed: 22, replacement: "storage.k8s.io/v1"),
        entry("storage.k8s.io/v1beta1", "VolumeAttachment", introduced: 10, deprecated: 19, removed: 22, replacement: "storage.k8s.io/v1"),
        // Removed in 1.25
        entry("batch/v1beta1", "CronJob", introduced: 8, deprecated: 21, removed: 25, replacement: "batch/v1"),
        entry("discovery.k8s.io/v1beta1", "EndpointSlice", deprecated: 21, removed: 25, replacement: "discovery.k8s.io/v1",
              migration: "`topology` is replaced by per-endpoint `nodeName` and `zone`"),
        entry("events.k8s.io/v1beta1", "Event", introduced: 8, deprecated: 22, removed: 25, replacement: "events.k8s.io/v1",
              migration: "`involvedObject` is renamed to `regarding`; `action`, `reason`, `reportingController` and `reportingInstance` are required"),
        entry("autoscaling/v2beta1", "HorizontalPodAutoscaler", introduced: 8, deprecated: 22, removed: 25, replacement: "autoscaling/v2",
              migration: hpaMigration),
        entry("policy/v1beta1", "PodDisruptionBudget", introduced: 5, deprecated: 21, removed: 25, replacement: "policy/v1",
              migration: "an empty `spec.selector` (`{}`) now selects every pod in the namespace"),
        entry("policy/v1beta1", "PodSecurityPolicy", introduced: 10, deprecated: 21, removed: 25,
              migration: "there is no replacement API: use Pod Security Admission (namespace labels) or an admission webhook"),
        entry("node.k8s.io/v1beta1", "RuntimeClass", introduced: 14, deprecated: 22, removed: 25, replacement: "node.k8s.io/v1"),
        // Removed in 1.26, 1.27, 1.29, 1.32
        entry("autoscaling/v2beta2", "HorizontalPodAutoscaler", introduced: 12, deprecated: 23, removed: 26, replacement: "autoscaling/v2",
              migration: hpaMigration),
        entry("flowcontrol.apiserver.k8s.io/v1beta1", "FlowSchema", introduced: 20, deprecated: 23, removed: 26, replacement: "flowcontrol.apiserver.k8s.io/v1"),
        entry("flowcontrol.apiserver.k8s.io/v1beta1", "PriorityLevelConfiguration", introduced: 20, deprecated: 23, removed: 26,
              replacement: "flowcontrol.apiserver.k8s.io/v1"),
        entry("storage.k8s.io/v1beta1", "CSIStorageCapacity", introduced: 21, deprecated: 24, removed: 27, replacement: "storage.k8s.io/v1"),
        entry("flowcontrol.apiserver.k8s.io/v1beta2", "FlowSchema", introduced: 23, deprecated: 26, removed: 29, replacement: "flowcontrol.apiserver.k8s.io/v1"),
        entry("flowcontrol.apiserver.k8s.io/v1beta2", "PriorityLevelConfiguration", introduced: 23, deprecated: 26, removed: 29,
              replacement: "flowcontrol.apiserver.k8s.io/v1",
              migration: "`spec.limited.assuredConcurrencyShares` is renamed to `spec.limited.nominalConcurrencyShares`"),
        entry("flowcontrol.apiserver.k8s.io/v1beta3", "FlowSchema", introduced: 26, deprecated: 29, removed: 32, replacement: "flowcontrol.apiserver.k8s.io/v1"),
        entry("flowcontrol.apiserver.k8s.io/v1beta3", "PriorityLevelConfiguration", introduced: 26, deprecated: 29, removed: 32,
              replacement: "flowcontrol.apiserver.k8s.io/v1"),
        // Deprecated, not removed
        entry("v1", "Endpoints", deprecated: 33, replacement: "discovery.k8s.io/v1", replacementKind: "EndpointSlice",
              migration: "write EndpointSlice objects (label `kubernetes.io/service-name`) for Services without a selector"),
        entry("v1", "ComponentStatus", deprecated: 19),
        // Kinds that are only ever created, never listed: no field table, but not typos either.
        entry("v1", "Binding"),
        entry("policy/v1", "Eviction"),
        entry("autoscaling/v1", "Scale"),
        entry("authentication.k8s.io/v1", "TokenReview"),
        entry("authentication.k8s.io/v1", "TokenRequest"),
        entry("authentication.k8s.io/v1", "SelfSubjectReview"),
        entry("authorization.k8s.io/v1", "SubjectAccessReview"),
        entry("authorization.k8s.io/v1", "LocalSubjectAccessReview"),
        entry("authorization.k8s.io/v1", "SelfSubjectAccessReview"),
        entry("authorization.k8s.io/v1", "SelfSubjectRulesReview"),
        // Replacements: when they became available
        entry("apps/v1", "Deployment", introduced: 9),
        entry("apps/v1", "DaemonSet", introduced: 9),
        entry("apps/v1", "ReplicaSet", introduced: 9),
        entry("apps/v1", "StatefulSet", introduced: 9),
        entry("apps/v1", "ControllerRevision", introduced: 9),
        entry("networking.k8s.io/v1", "NetworkPolicy", introduced: 8),
        entry("networking.k8s.io/v1", "Ingress", introduced: 19),
        entry("networking.k8s.io/v1", "IngressClass", introduced: 19),
        entry("admissionregistration.k8s.io/v1", "MutatingWebhookConfiguration", introduced: 16),
        entry("admissionregistration.k8s.io/v1", "ValidatingWebhookConfiguration", introduced: 16),
        entry("apiextensions.k8s.io/v1", "CustomResourceDefinition", introduced: 16),
        entry("apiregistration.k8s.io/v1", "APIService", introduced: 10),
        entry("certificates.k8s.io/v1", "CertificateSigningRequest", introduced: 19),
        entry("coordination.k8s.io/v1", "Lease", introduced: 14),
        entry("rbac.authorization.k8s.io/v1", "ClusterRole", introduced: 8),
        entry("rbac.authorization.k8s.io/v1", "ClusterRoleBinding", introduced: 8),
        entry("rbac.authorization.k8s.io/v1", "Role", introduced: 8),
        entry("rbac.authorization.k8s.io/v1", "RoleBinding", introduced: 8),
        entry("scheduling.k8s.io/v1", "PriorityClass", introduced: 14),
        entry("storage.k8s.io/v1", "CSIDriver", introduced: 19),
        entry("storage.k8s.io/v1", "CSINode", introduced: 17),
        entry("storage.k8s.io/v1", "StorageClass", introduced: 6),
        entry("storage.k8s.io/v1", "VolumeAttachment", introduced: 13),
        entry("storage.k8s.io/v1", "CSIStorageCapacity", introduced: 24),
        entry("batch/v1", "CronJob", introduced: 21),
        entry("discovery.k8s.io/v1", "EndpointSlice", introduced: 21),
        entry("events.k8s.io/v1", "Event", introduced: 19),
        entry("autoscaling/v2", "HorizontalPodAutoscaler", introduced: 23),
        entry("policy/v1", "PodDisruptionBudget", introduced: 21),
        entry("node.k8s.io/v1", "RuntimeClass", introduced: 20),
        entry("flowcontrol.apiserver.k8s.io/v1", "FlowSchema", introduced: 29),
        entry("flowcontrol.apiserver.k8s.io/v1", "PriorityLevelConfiguration", introduced: 29),
    ]
}
