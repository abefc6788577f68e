import KubeLintContracts
import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintTreeFacts
import KubeLintYAML

/// What the practice rules ask about a workload: does it serve traffic, how many pods does it
/// keep. (Whether a team contract already says how many it must keep: `contractReplicas(of:)`.)
extension LintContext {
    /// Whether a Service of the namespace selects the resource's pods.
    func isSelectedByService(_ resource: Resource, namespace: String) -> Bool {
        guard let labels = resource.podTemplate?.labels, !labels.isEmpty else { return false }
        return index.objectsSelecting(labels, namespace: namespace).contains { $0.kind?.value == "Service" }
    }

    /// The pods a Deployment, StatefulSet, ReplicaSet or ReplicationController keeps at least:
    /// its autoscaler's `minReplicas` (1 when left out) when one scales it, else `replicas`
    /// (1 when left out); nil for other kinds.
    func fewestReplicas(of resource: Resource, namespace: String) -> Int? {
        guard let workload = resource.workload, let replicas = workload.effectiveReplicas else { return nil }
        guard let kind = resource.kind?.value, let name = resource.name else { return replicas }
        let autoscalers = index.autoscalers(targetingKind: kind, namespace: namespace, name: name)
        let minimums = autoscalers.compactMap { autoscaler -> Int? in
            guard case .horizontalPodAutoscaler(let spec) = autoscaler.body else { return nil }
            return spec.minReplicas?.value ?? 1
        }
        return minimums.min() ?? replicas
    }
}

extension Resource {
    /// Objects whose pods run until stopped (not Jobs and CronJobs, whose pods run to completion).
    var runsLongLivedPods: Bool {
        guard podTemplate?.spec != nil else { return false }
        if let workload { return workload.kind != .job && workload.kind != .cronJob }
        return true
    }
}

extension Container {
    /// Where a finding about the container as a whole points: its name, else its start.
    var nameMark: Mark { name?.mark ?? mark }
}
