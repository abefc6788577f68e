import KubeLintYAML

/// The controllers that create pods from a template. They share one shape; `kind` tells which.
public struct Workload: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case deployment = "Deployment"
        case statefulSet = "StatefulSet"
        case daemonSet = "DaemonSet"
        case replicaSet = "ReplicaSet"
        case replicationController = "ReplicationController"
        case job = "Job"
        case cronJob = "CronJob"

        /// The kind names whose objects run pods: Pod, then every workload. The one list of them.
        public static let podRunningKindNames: [String] = ["Pod"] + allCases.map(\.rawValue)

        /// The workload kind names whose `spec.replicas` sets how many pods run.
        public static let scalableKindNames: [String] = allCases.filter(\.hasReplicas).map(\.rawValue)

        /// Kinds whose `spec.replicas` sets a fixed number of pods (absent means 1).
        public var hasReplicas: Bool {
            switch self {
            case .deployment, .statefulSet, .replicaSet, .replicationController: true
            case .daemonSet, .job, .cronJob: false
            }
        }
    }

    public var kind: Kind
    public var replicas: Located<Int>?
    public var selector: LabelSelector?
    /// ReplicationController's selector is a plain label map.
    public var selectorLabels: StringMap?
    public var template: PodTemplate?
    /// `strategy.type` (Deployment) or `updateStrategy.type` (StatefulSet, DaemonSet).
    public var strategyType: Located<String>?
    /// StatefulSet only.
    public var serviceName: Located<String>?
    public var volumeClaimTemplates: [PersistentVolumeClaim]
    /// CronJob only.
    public var schedule: Located<String>?
    public var specMark: Mark?

    init(kind: Kind, spec: MappingReader?, context: inout DecodeContext) {
        self.kind = kind
        specMark = spec?.node.start
        var spec = spec
        if kind == .cronJob {
            schedule = spec?.string("schedule", context: &context)
            spec?.require("schedule", context: &context)
            spec = spec?.mapping("jobTemplate", context: &context)?.mapping("spec", context: &context)
        }
        replicas = kind.hasReplicas ? spec?.int("replicas", context: &context) : nil
        if let replicas, replicas.value < 0, let spec {
            context.invalid(spec.fieldPath("replicas"), "must not be negative", at: replicas.mark)
        }
        if kind == .replicationController {
            selectorLabels = spec?.stringMap("selector", context: &context)
        } else {
            selector = spec?.mapping("selector", context: &context).map { LabelSelector($0, context: &context) }
        }
        template = spec?.mapping("template", context: &context).map { PodTemplate($0, context: &context) }
        switch kind {
        case .deployment:
            strategyType = spec?.mapping("strategy", context: &context)?.string("type", context: &context)
        case .statefulSet, .daemonSet:
            strategyType = spec?.mapping("updateStrategy", context: &context)?.string("type", context: &context)
        default:
            break
        }
        serviceName = kind == .statefulSet ? spec?.string("serviceName", context: &context) : nil
        volumeClaimTemplates = kind == .statefulSet
            ? (spec?.objects("volumeClaimTemplates", context: &context) { PersistentVolumeClaim($0, context: &$1) } ?? [])
            : []
        if kind != .cronJob {
            spec?.require("template", context: &context)
        }
    }

    /// Pods this workload keeps running: `replicas` (default 1) where that applies.
    public var effectiveReplicas: Int? {
        kind.hasReplicas ? (replicas?.value ?? 1) : nil
    }

    /// Whether the workload's own selector selects its template's labels; nil when unknown.
    public var selectorMatchesTemplate: Bool? {
        guard let labels = template?.labels else { return nil }
        if let selector { return selector.matches(labels) }
        if let selectorLabels, !selectorLabels.isEmpty { return selectorLabels.isSubset(of: labels) }
        return nil
    }
}
