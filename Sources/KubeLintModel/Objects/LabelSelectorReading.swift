import KubeLintYAML

extension LabelSelector {
    /// A selector read from a node of a kind kubelint does not model (a NetworkPolicy's
    /// `podSelector`, a ServiceMonitor's `selector`); nil when the node is null or not a
    /// mapping. Type problems are left to the schema check, which reports them.
    public init?(reading node: Node, path: String) {
        var context = DecodeContext()
        guard let reader = MappingReader(node, path: path, context: &context) else { return nil }
        self.init(reader, context: &context)
    }
}
