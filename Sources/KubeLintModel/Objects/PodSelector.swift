import KubeLintYAML

/// How an object picks pods by label: a Service's or ReplicationController's plain label map, or
/// the `matchLabels`/`matchExpressions` selector of workloads and PodDisruptionBudgets.
public enum PodSelector: Sendable {
    case labels(StringMap)
    case selector(LabelSelector)

    /// The equality part of the selector, which the index can look up label by label.
    public var matchLabels: StringMap {
        switch self {
        case .labels(let labels): labels
        case .selector(let selector): selector.matchLabels
        }
    }

    /// Whether `labels` are selected; nil when an expression uses an operator kubelint does not know.
    public func matches(_ labels: StringMap) -> Bool? {
        switch self {
        case .labels(let selector): selector.isSubset(of: labels)
        case .selector(let selector): selector.matches(labels)
        }
    }

    /// Where the selector starts in its file, for findings about it.
    public var mark: Mark? {
        switch self {
        case .labels(let labels): labels.entries.first?.keyMark ?? labels.mark
        case .selector(let selector): selector.mark
        }
    }
}

extension Resource {
    /// The selector this object picks pods with, as its controller or the endpoints controller
    /// applies it; nil when it picks none.
    ///
    /// A Service selects only with a non-empty selector and never as ExternalName. A workload
    /// without a selector gets its template's labels (the legacy API versions defaulted it so).
    /// Jobs and CronJobs are left out: their selectors are generated and never adopt other pods.
    public var podSelector: PodSelector? {
        switch body {
        case .service(let service):
            guard service.effectiveType != "ExternalName", let selector = service.selector, !selector.isEmpty else { return nil }
            return .labels(selector)
        case .workload(let workload):
            switch workload.kind {
            case .job, .cronJob:
                return nil
            case .replicationController:
                if let labels = workload.selectorLabels, !labels.isEmpty { return .labels(labels) }
            default:
                if let selector = workload.selector { return .selector(selector) }
            }
            guard let labels = workload.template?.labels, !labels.isEmpty else { return nil }
            return .labels(labels)
        case .podDisruptionBudget(let budget):
            return budget.selector.map { .selector($0) }
        default:
            return nil
        }
    }
}
