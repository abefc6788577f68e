/// One document of a YAML stream.
package struct YAMLDocument: Sendable {
    /// 0-based position of the document in its stream.
    package var index: Int
    /// Where the document starts (its `---`, or its first node).
    package var start: Mark
    /// The root node; nil for an empty document (`---` alone, or only comments).
    package var root: Node?
    /// Non-fatal problems found while building the document, in source order.
    package var problems: [YAMLProblem]

    package init(index: Int, start: Mark, root: Node?, problems: [YAMLProblem] = []) {
        self.index = index
        self.start = start
        self.root = root
        self.problems = problems
    }
}

/// Everything read from one YAML stream: the documents that were complete, and the error that
/// stopped the parser, if any. Documents before an error are kept so they can still be checked.
package struct YAMLStream: Sendable {
    package var documents: [YAMLDocument]
    package var error: YAMLError?

    package init(documents: [YAMLDocument], error: YAMLError?) {
        self.documents = documents
        self.error = error
    }
}
