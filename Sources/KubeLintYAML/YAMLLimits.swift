/// Bounds that keep hostile input from exhausting time, memory or stack.
package struct YAMLLimits: Sendable, Hashable {
    /// Deepest nesting of collections. Kubernetes objects rarely pass 20 levels; CRD schemas
    /// may reach 100. Every later recursive walk relies on this bound.
    package var maxDepth: Int
    /// Most nodes one document may stand for once aliases are expanded (the "billion laughs"
    /// bound). Counted as if every alias were copied, although copies share storage.
    package var maxNodesPerDocument: Int

    package init(maxDepth: Int = 512, maxNodesPerDocument: Int = 1_000_000) {
        self.maxDepth = maxDepth
        self.maxNodesPerDocument = maxNodesPerDocument
    }

    package static let `default` = YAMLLimits()
}
