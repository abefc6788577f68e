import KubeLintModel
import KubeLintYAML

/// The order in which to create a tree's objects, read from its reference graph: namespaces and
/// custom resource definitions; then what pods read (claims, ConfigMaps, Secrets, accounts,
/// RBAC); then the workloads, each after the workloads it reaches through host references in
/// its configuration, with (just before it) the Services that select it; then what acts on running workloads
/// (autoscalers, budgets, custom resources, webhooks); Ingresses last.
///
/// Every object of the index is in exactly one step. Workloads that reach each other in a
/// circle share a step, and the circle is reported (`cycles`), as are references to objects
/// that exist nowhere (`unresolved`): the plan shows them rather than hiding them.
public struct DeploymentPlan: Sendable {
    /// What a step holds, and why it comes where it does.
    public enum Phase: Sendable, Equatable {
        /// Namespaces and CustomResourceDefinitions: everything else may land in or use them.
        case foundation
        /// Claims, ConfigMaps, Secrets, ServiceAccounts, RBAC and policies: read by pods when
        /// they start, and depending on nothing but the foundation.
        case configuration
        /// Workloads (and the Services that select them) whose longest chain of host references
        /// to other workloads of the tree is `depth` long: 0 reaches none.
        case workloads(depth: Int)
        /// Objects that act on running workloads or are served by them: autoscalers,
        /// disruption budgets, custom resources (their operators run by now), webhooks.
        case afterWorkloads
        /// Ingresses: they send outside traffic to Services that now have endpoints.
        case ingress
    }

    public struct Step: Sendable {
        public var phase: Phase
        /// Positions in `index.resources`, in the order to apply them.
        public var objects: [Int]
        /// Objects of earlier steps that must be ready before this step is applied: the
        /// workloads this step's workloads reach, the definitions its custom resources use.
        public var waitFor: [Int]
    }

    public let steps: [Step]
    /// Workloads that reach each other through host references in a circle, each circle once
    /// (positions, in tree order). Each circle's workloads share a step.
    public let cycles: [[Int]]
    /// References to objects that exist nowhere (`Resolution.missing`), in tree order.
    public let unresolved: [ReferenceGraph.Edge]

    /// The step of each object, by position.
    private let stepNumbers: [Int]

    /// The step (its index in `steps`) of the object at `position`.
    public func step(of position: Int) -> Int? {
        stepNumbers.indices.contains(position) ? stepNumbers[position] : nil
    }

    public init(_ graph: ReferenceGraph) {
        let resources = graph.index.resources
        let roles = resources.map { PlanRole($0) }
        let workloads = resources.indices.filter { roles[$0] == .workload }
        let dependencies = WorkloadDependencies(graph, workloads: workloads)
        let ordering = dependencies.ordering()

        // Services go with the latest workload they select; one that selects none of the
        // tree's workloads with the first workloads.
        var serviceDepth: [Int: Int] = [:]
        var servicesOf: [Int: [Int]] = [:]
        for position in resources.indices where roles[position] == .service {
            let selected = graph.edges(from: position).compactMap { edge -> Int? in
                guard edge.kind == .selects, case .object(let runner) = edge.to, roles[runner] == .workload else { return nil }
                return runner
            }
            let owner = selected.max { (ordering.depth[$0] ?? 0, $1) < (ordering.depth[$1] ?? 0, $0) }
            serviceDepth[position] = owner.flatMap { ordering.depth[$0] } ?? 0
            if let owner { servicesOf[owner, default: []].append(position) }
        }

        var steps: [Step] = []
        let foundation = resources.indices.filter { roles[$0] == .foundation }
        if !foundation.isEmpty { steps.append(Step(phase: .foundation, objects: foundation, waitFor: [])) }
        let definitions = foundation.filter { resources[$0].kind?.value == "CustomResourceDefinition" }

        let configuration = resources.indices.filter { roles[$0] == .configuration }
            .sorted { (PlanRole.configurationRank(resources[$0]), $0) < (PlanRole.configurationRank(resources[$1]), $1) }
        if !configuration.isEmpty { steps.append(Step(phase: .configuration, objects: configuration, waitFor: [])) }

        let deepest = max(ordering.depth.values.max() ?? 0, serviceDepth.values.max() ?? 0)
        if !workloads.isEmpty || !serviceDepth.isEmpty {
            for depth in 0...deepest {
                var objects: [Int] = []
                var waitFor: Set<Int> = []
                for workload in workloads where ordering.depth[workload] == depth {
                    // Its Services first, as Kubernetes advises: a container's environment
                    // names the Services that exist when it starts (`RDMS_SERVICE_HOST`).
                    objects += (servicesOf[workload] ?? []).filter { serviceDepth[$0] == depth }
                    objects.append(workload)
                    waitFor.formUnion(dependencies.reached[workload, default: []].filter { (ordering.depth[$0] ?? 0) < depth })
                }
                let placed = Set(objects)
                objects += serviceDepth.keys.sorted().filter { serviceDepth[$0] == depth && !placed.contains($0) }
                guard !objects.isEmpty else { continue }
                steps.append(Step(phase: .workloads(depth: depth), objects: objects, waitFor: waitFor.sorted()))
            }
        }

        let after = resources.indices.filter { roles[$0] == .afterWorkloads }
        if !after.isEmpty { steps.append(Step(phase: .afterWorkloads, objects: after, waitFor: [])) }
        let ingresses = resources.indices.filter { roles[$0] == .ingress }
        if !ingresses.isEmpty { steps.append(Step(phase: .ingress, objects: ingresses, waitFor: [])) }

        // A custom resource needs its definition established: the step holding the first
        // object of a kind the tree defines waits for the definition.
        var definitionOf: [String: Int] = [:]
        for position in definitions {
            if let kind = resources[position].root["spec"]?["names"]?["kind"]?.scalar?.text { definitionOf[kind] = position }
        }
        var awaited: Set<Int> = []
        for number in steps.indices where steps[number].phase != .foundation {
            let needed = steps[number].objects.compactMap { definitionOf[resources[$0].kind?.value ?? ""] }.filter { awaited.insert($0).inserted }
            steps[number].waitFor = needed.sorted() + steps[number].waitFor
        }

        self.steps = steps
        var stepNumbers = [Int](repeating: -1, count: resources.count)
        for (number, step) in steps.enumerated() {
            for position in step.objects { stepNumbers[position] = number }
        }
        self.stepNumbers = stepNumbers
        cycles = ordering.cycles
        unresolved = graph.edges.filter { $0.resolution == .missing }
    }
}

/// Where an object goes in a plan, by its kind.
enum PlanRole: Equatable {
    case foundation, configuration, workload, service, afterWorkloads, ingress

    init(_ resource: Resource) {
        let kind = resource.kind?.value ?? ""
        if resource.podTemplate != nil {
            self = .workload
        } else if kind == "Service" {
            self = .service
        } else if kind == "Ingress" {
            self = .ingress
        } else if Self.foundationKinds.contains(kind) {
            self = .foundation
        } else if Self.configurationKinds.contains(kind) {
            self = .configuration
        } else {
            self = .afterWorkloads
        }
    }

    static let foundationKinds: Set<String> = ["Namespace", "CustomResourceDefinition"]

    /// In the order a configuration step lists them: storage, then data, then identity and access.
    static let configurationKinds: [String] = [
        "StorageClass", "PersistentVolume", "PersistentVolumeClaim", "ConfigMap", "Secret", "ServiceAccount",
        "ClusterRole", "Role", "ClusterRoleBinding", "RoleBinding", "PriorityClass", "RuntimeClass", "IngressClass",
        "ResourceQuota", "LimitRange", "NetworkPolicy", "PodSecurityPolicy",
    ]

    static func configurationRank(_ resource: Resource) -> Int {
        configurationKinds.firstIndex(of: resource.kind?.value ?? "") ?? configurationKinds.count
    }
}
