/// Which workloads of a tree each workload reaches: through a host reference in its
/// configuration to a Service of the tree, to the workloads that Service selects. These are the
/// waits a plan needs ("api will not start if it cannot reach rdms and broker").
struct WorkloadDependencies {
    /// Workloads (positions) in tree order.
    let workloads: [Int]
    /// The workloads each workload reaches, itself left out.
    let reached: [Int: Set<Int>]

    init(_ graph: ReferenceGraph, workloads: [Int]) {
        self.workloads = workloads
        let isWorkload = Set(workloads)
        var reached: [Int: Set<Int>] = [:]
        for workload in workloads {
            for edge in graph.edges(from: workload) where edge.kind == .host {
                guard case .object(let service) = edge.to else { continue }
                for selection in graph.edges(from: service) where selection.kind == .selects {
                    guard case .object(let target) = selection.to, target != workload, isWorkload.contains(target) else { continue }
                    reached[workload, default: []].insert(target)
                }
            }
        }
        self.reached = reached
    }

    /// Each workload's depth (the longest chain of workloads it reaches, circles counted as one
    /// workload), and the circles.
    struct Ordering {
        var depth: [Int: Int]
        var cycles: [[Int]]
    }

    /// Strongly connected components (Tarjan's algorithm, iterative), then depths over the
    /// graph of components, which has no circle.
    func ordering() -> Ordering {
        var component: [Int: Int] = [:]
        var components: [[Int]] = []
        var indexOf: [Int: Int] = [:]
        var lowLink: [Int: Int] = [:]
        var stack: [Int] = []
        var onStack: Set<Int> = []
        var counter = 0
        for root in workloads where indexOf[root] == nil {
            // Each frame: a workload and the neighbours still to visit.
            var frames: [(node: Int, next: [Int])] = [(root, sortedReached(root))]
            indexOf[root] = counter
            lowLink[root] = counter
            counter += 1
            stack.append(root)
            onStack.insert(root)
            while !frames.isEmpty {
                let node = frames[frames.count - 1].node
                if let neighbour = frames[frames.count - 1].next.popLast() {
                    if indexOf[neighbour] == nil {
                        indexOf[neighbour] = counter
                        lowLink[neighbour] = counter
                        counter += 1
                        stack.append(neighbour)
                        onStack.insert(neighbour)
                        frames.append((neighbour, sortedReached(neighbour)))
                    } else if onStack.contains(neighbour) {
                        lowLink[node] = min(lowLink[node]!, indexOf[neighbour]!)
                    }
                    continue
                }
                frames.removeLast()
                if let parent = frames.last?.node { lowLink[parent] = min(lowLink[parent]!, lowLink[node]!) }
                guard lowLink[node] == indexOf[node] else { continue }
                var members: [Int] = []
                while let member = stack.popLast() {
                    onStack.remove(member)
                    component[member] = components.count
                    members.append(member)
                    if member == node { break }
                }
                components.append(members.sorted())
            }
        }
        // Tarjan's algorithm finishes a component after every component it reaches: depths
        // can be computed in that order.
        var componentDepth = [Int](repeating: 0, count: components.count)
        for (position, members) in components.enumerated() {
            var depth = 0
            for member in members {
                for target in reached[member, default: []] where component[target] != position {
                    depth = max(depth, componentDepth[component[target]!] + 1)
                }
            }
            componentDepth[position] = depth
        }
        var depths: [Int: Int] = [:]
        for workload in workloads { depths[workload] = componentDepth[component[workload]!] }
        let cycles = components.filter { $0.count > 1 }.sorted { $0[0] < $1[0] }
        return Ordering(depth: depths, cycles: cycles)
    }

    /// Neighbours in reverse tree order, so that popping visits them in tree order.
    private func sortedReached(_ workload: Int) -> [Int] {
        reached[workload, default: []].sorted(by: >)
    }
}
