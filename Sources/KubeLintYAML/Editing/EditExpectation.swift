/// A node an edit writes: an existing node moved or kept, or new text.
public indirect enum NewNode: Sendable, Hashable {
    /// An existing node, its text kept as written.
    case original(SyntaxNode.ID)
    /// A new plain scalar (`ImplementationSpecific`, `Utilization`): the text as written,
    /// which must read as a string.
    case plain(String)
    case mapping([NewEntry])
}

/// A mapping entry an edit writes: a new plain key, or a copy of an existing key.
public struct NewEntry: Sendable, Hashable {
    public var key: String
    /// The existing key whose text is copied (a label key, quoted or not); nil for a new key.
    public var keyNode: SyntaxNode.ID?
    public var value: NewNode

    public init(_ key: String, _ value: NewNode) {
        self.key = key
        self.value = value
    }

    /// An entry copied from an existing one: its key and value as they are written.
    public init(copying pair: (key: SyntaxNode.ID, value: SyntaxNode.ID), in tree: SyntaxTree) {
        key = tree.text(pair.key)
        keyNode = pair.key
        value = .original(pair.value)
    }
}

/// What a document must mean once edited: the nodes an edit replaces, the runs of entries it
/// rewrites and the entries it inserts, by node of the original tree. Checked by parsing the
/// edited text again and comparing (`YAMLShape`), so that a text patch that reads differently
/// from what was meant is never written.
public struct EditExpectation: Sendable {
    struct Run: Sendable {
        var pairs: ClosedRange<Int>
        var entries: [NewEntry]
    }

    struct Insertion: Sendable {
        /// Inserted before this pair (the mapping's pair count: at the end).
        var before: Int
        var entries: [NewEntry]
    }

    var scalars: [SyntaxNode.ID: YAMLShape] = [:]
    /// New keys and scalars are written in double quotes (a JSON file), not plain.
    var quotesNewScalars = false
    var runs: [SyntaxNode.ID: [Run]] = [:]
    var insertions: [SyntaxNode.ID: [Insertion]] = [:]

    public init() {}

    public var isEmpty: Bool { scalars.isEmpty && runs.isEmpty && insertions.isEmpty }

    /// Both expectations at once; nil when they change the same node or overlapping entries.
    public func merged(with other: EditExpectation) -> EditExpectation? {
        var result = self
        if isEmpty { return other }
        guard quotesNewScalars == other.quotesNewScalars else { return nil }
        for (id, shape) in other.scalars {
            guard result.scalars[id] == nil else { return nil }
            result.scalars[id] = shape
        }
        for (id, runs) in other.runs {
            for run in runs {
                guard !(result.runs[id] ?? []).contains(where: { $0.pairs.overlaps(run.pairs) }) else { return nil }
                result.runs[id, default: []].append(run)
            }
        }
        for (id, insertions) in other.insertions {
            result.insertions[id, default: []].append(contentsOf: insertions)
        }
        return result
    }

    /// The shape `tree`'s document must have after the edit.
    func shape(of document: SyntaxDocument, in tree: SyntaxTree) -> YAMLShape? {
        document.root.map { shape(of: $0, in: tree) }
    }

    private func shape(of id: SyntaxNode.ID, in tree: SyntaxTree) -> YAMLShape {
        if let replaced = scalars[id] { return replaced }
        let node = tree[id]
        switch node.kind {
        case .scalar, .alias:
            return YAMLShape(node)
        case .sequence:
            return .sequence(node.children.map { shape(of: $0, in: tree) }, tag: node.tag, anchor: node.anchor)
        case .mapping:
            let pairs = tree.pairs(id)
            let runs = self.runs[id] ?? []
            let insertions = self.insertions[id] ?? []
            var entries: [YAMLShape.Entry] = []
            var index = 0
            while index <= pairs.count {
                for insertion in insertions where insertion.before == index {
                    entries += insertion.entries.map { shape(of: $0, in: tree) }
                }
                guard index < pairs.count else { break }
                if let run = runs.first(where: { $0.pairs.lowerBound == index }) {
                    entries += run.entries.map { shape(of: $0, in: tree) }
                    index = run.pairs.upperBound + 1
                } else {
                    entries.append(YAMLShape.Entry(key: shape(of: pairs[index].key, in: tree), value: shape(of: pairs[index].value, in: tree)))
                    index += 1
                }
            }
            return .mapping(entries, tag: node.tag, anchor: node.anchor)
        }
    }

    private func shape(of entry: NewEntry, in tree: SyntaxTree) -> YAMLShape.Entry {
        let key = entry.keyNode.map { shape(of: $0, in: tree) } ?? .scalar(text: entry.key, plain: !quotesNewScalars, tag: nil, anchor: nil)
        return YAMLShape.Entry(key: key, value: shape(of: entry.value, in: tree))
    }

    private func shape(of node: NewNode, in tree: SyntaxTree) -> YAMLShape {
        switch node {
        case .original(let id): shape(of: id, in: tree)
        case .plain(let text): .scalar(text: text, plain: !quotesNewScalars, tag: nil, anchor: nil)
        case .mapping(let entries): .mapping(entries.map { shape(of: $0, in: tree) }, tag: nil, anchor: nil)
        }
    }

    /// Nil when `edited` (the tree's text with the edits applied) means what this expectation
    /// says for `document` and the same as before everywhere else; otherwise why not.
    public func mismatch(original tree: SyntaxTree, document: Int, edited: SyntaxTree) -> String? {
        Self.mismatch(original: tree, expectations: [document: self], edited: edited)
    }

    /// `mismatch` for edits of several documents of one file, each with its expectation.
    public static func mismatch(original tree: SyntaxTree, expectations: [Int: EditExpectation], edited: SyntaxTree) -> String? {
        // A file that stops parsing at a later document can still be fixed before it: the
        // edited file must stop the same way, and never start reading differently.
        switch (tree.error, edited.error) {
        case (nil, let error?):
            return "the edited file would not parse (\(error))"
        case (let before?, let after?) where before.kind != after.kind || before.message != after.message:
            return "the edited file would not parse (\(after))"
        case (_?, nil):
            return "the edit would change how the rest of the file reads"
        default:
            break
        }
        guard edited.documents.count == tree.documents.count else {
            return "the edited file would hold \(edited.documents.count) documents instead of \(tree.documents.count)"
        }
        for (before, after) in zip(tree.documents, edited.documents) {
            let expected = (expectations[before.index] ?? EditExpectation()).shape(of: before, in: tree)
            let actual = EditExpectation().shape(of: after, in: edited)
            if expected != actual {
                return "the edited text would not read as intended in document \(before.index + 1)"
            }
        }
        return nil
    }
}

/// What a node means, without where it is written: the comparison that tells whether an edit
/// kept a document's structure. Scalars compare by text and by whether they are plain (a plain
/// scalar is resolved, a quoted one is a string); collections by content, whatever their style.
public indirect enum YAMLShape: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        public var key: YAMLShape
        public var value: YAMLShape
    }

    case scalar(text: String, plain: Bool, tag: String?, anchor: String?)
    case alias(String)
    case sequence([YAMLShape], tag: String?, anchor: String?)
    case mapping([Entry], tag: String?, anchor: String?)

    init(_ node: SyntaxNode) {
        switch node.kind {
        case .alias: self = .alias(node.text)
        default: self = .scalar(text: node.text, plain: node.style == .plain, tag: node.tag, anchor: node.anchor)
        }
    }

    /// The shape of every document of a tree, as it is.
    public static func documents(of tree: SyntaxTree) -> [YAMLShape?] {
        tree.documents.map { EditExpectation().shape(of: $0, in: tree) }
    }
}
