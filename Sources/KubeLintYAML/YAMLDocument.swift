/// One document of a YAML stream.
public struct YAMLDocument: Sendable {
    /// 0-based position of the document in its stream.
    public var index: Int
    /// Where the document starts (its `---`, or its first node).
    public var start: Mark
    /// The root node; nil for an empty document (`---` alone, or only comments).
    public var root: Node?
    /// Non-fatal problems found while building the document, in source order.
    public var problems: [YAMLProblem]

    public init(index: Int, start: Mark, root: Node?, problems: [YAMLProblem] = []) {
        self.index = index
        self.start = start
        self.root = root
        self.problems = problems
    }
}

/// Everything read from one YAML stream: the documents that were complete, and the error that
/// stopped the parser, if any. Documents before an error are kept so they can still be checked.
public struct YAMLStream: Sendable {
    public var documents: [YAMLDocument]
    public var error: YAMLError?

    public init(documents: [YAMLDocument], error: YAMLError?) {
        self.documents = documents
        self.error = error
    }
}
