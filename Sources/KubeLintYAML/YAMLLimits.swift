/// Bounds that keep hostile input from exhausting time, memory or stack.
public struct YAMLLimits: Sendable, Hashable {
    /// Deepest nesting of collections. Kubernetes objects rarely pass 20 levels; CRD schemas
    /// may reach 100. Every later recursive walk relies on this bound.
    public var maxDepth: Int
    /// Most nodes one document may stand for once aliases are expanded (the "billion laughs"
    /// bound). Counted as if every alias were copied, although copies share storage.
    public var maxNodesPerDocument: Int

    public init(maxDepth: Int = 512, maxNodesPerDocument: Int = 1_000_000) {
        self.maxDepth = maxDepth
        self.maxNodesPerDocument = maxNodesPerDocument
    }

    public static let `default` = YAMLLimits()
}
