import KubeLintModel

/// The pod spec nodes of every pod runner, read once per run: some thirty rules look at them,
/// and reading them again for each was a twentieth of the `all` profile's rule time.
struct PodSpecCache: Sendable {
    private let byResource: [SourceReference: PodSpecNodes]

    init(_ runners: [PodRunner]) {
        var byResource: [SourceReference: PodSpecNodes] = [:]
        byResource.reserveCapacity(runners.count)
        for runner in runners {
            if let nodes = PodSpecNodes(runner.resource) { byResource[runner.resource.source] = nodes }
        }
        self.byResource = byResource
    }

    subscript(_ resource: Resource) -> PodSpecNodes? { byResource[resource.source] }
}

extension LintContext {
    /// The resource's pod spec as parsed nodes; nil when it runs no pods of its own.
    func podSpec(of resource: Resource) -> PodSpecNodes? { podSpecCache[resource] }
}
