import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintYAML

/// The pod spec nodes of every pod runner, read once per run: some thirty rules look at them,
/// and reading them again for each was a twentieth of the `all` profile's rule time. A rule
/// that reads `podSpec(of:)` lists this fact.
package final class PodSpecCache: Fact {
    private let byResource: [SourceReference: PodSpecNodes]

    package static let dependencies: [any Fact.Type] = [PodRunners.self]

    package static func derive(from context: LintContext) -> PodSpecCache {
        PodSpecCache(context[PodRunners.self].all)
    }

    package init(_ runners: [PodRunner]) {
        var byResource: [SourceReference: PodSpecNodes] = [:]
        byResource.reserveCapacity(runners.count)
        for runner in runners {
            if let nodes = PodSpecNodes(runner.resource) { byResource[runner.resource.source] = nodes }
        }
        self.byResource = byResource
    }

    package subscript(_ resource: Resource) -> PodSpecNodes? { byResource[resource.source] }
}

extension LintContext {
    /// The resource's pod spec as parsed nodes; nil when it runs no pods of its own.
    package func podSpec(of resource: Resource) -> PodSpecNodes? { self[PodSpecCache.self][resource] }
}
