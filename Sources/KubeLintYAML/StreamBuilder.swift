/// Turns libyaml events into documents of nodes, enforcing `YAMLLimits` as it goes.
struct StreamBuilder {
    private struct OpenCollection {
        var isMapping: Bool
        var start: Mark
        var tag: String?
        var anchor: String?
        var items: [Node] = []
        var pairs: [Pair] = []
        var pendingKey: Node?
        /// Nodes this collection stands for, aliases counted as if copied.
        var size = 1
    }

    private struct Anchored {
        var node: Node
        var size: Int
    }

    let limits: YAMLLimits
    private var documents: [YAMLDocument] = []
    private var error: YAMLError?

    // State of the document being built.
    private var documentStart = Mark.start
    private var open: [OpenCollection] = []
    private var anchors: [String: Anchored] = [:]
    private var root: Node?
    private var problems: [YAMLProblem] = []
    private var expandedNodes = 0

    init(limits: YAMLLimits) {
        self.limits = limits
    }

    /// Returns false to stop reading (a limit was hit).
    mutating func handle(_ event: Event) -> Bool {
        switch event {
        case .documentStart(let start):
            documentStart = start
            open.removeAll(keepingCapacity: true)
            anchors.removeAll(keepingCapacity: true)
            root = nil
            problems.removeAll(keepingCapacity: true)
            expandedNodes = 0
        case .documentEnd:
            var finished = root
            // `---` alone, or a document of only comments, is an empty document.
            if let node = finished, case .scalar(let scalar) = node.content,
               scalar.text.isEmpty, scalar.style == .plain, scalar.tag == nil {
                finished = nil
            }
            documents.append(YAMLDocument(index: documents.count, start: documentStart, root: finished, problems: problems))
        case .scalar(let scalar, let anchor, let start):
            return add(Node(.scalar(scalar), start: start), size: 1, anchor: anchor)
        case .alias(let name, let start):
            guard let anchored = anchors[name] else {
                error = YAMLError(kind: .undefinedAlias, message: "alias *\(name) refers to an anchor that is not defined before it", mark: start)
                return false
            }
            // The copy starts where the alias is written; its children keep their own positions.
            var copy = anchored.node
            copy.start = start
            return add(copy, size: anchored.size, anchor: nil)
        case .sequenceStart(let anchor, let tag, let start):
            return openCollection(OpenCollection(isMapping: false, start: start, tag: tag, anchor: anchor))
        case .mappingStart(let anchor, let tag, let start):
            return openCollection(OpenCollection(isMapping: true, start: start, tag: tag, anchor: anchor))
        case .sequenceEnd, .mappingEnd:
            guard let collection = open.popLast() else { return true }
            let node: Node
            if collection.isMapping {
                node = Node(.mapping(finishMapping(collection.pairs)), start: collection.start, tag: collection.tag)
            } else {
                node = Node(.sequence(collection.items), start: collection.start, tag: collection.tag)
            }
            return add(node, size: collection.size, anchor: collection.anchor, alreadyCounted: true)
        }
        return true
    }

    mutating func fail(_ error: YAMLError) {
        if self.error == nil { self.error = error }
    }

    func finish() -> YAMLStream {
        YAMLStream(documents: documents, error: error)
    }

    private mutating func openCollection(_ collection: OpenCollection) -> Bool {
        guard open.count < limits.maxDepth else {
            error = YAMLError(
                kind: .depthLimit,
                message: "nesting is deeper than \(limits.maxDepth) levels",
                mark: collection.start
            )
            return false
        }
        expandedNodes += 1
        open.append(collection)
        return true
    }

    /// Attaches a finished node to its parent (or makes it the root).
    /// `alreadyCounted` is true for collections: their own node was counted when they opened,
    /// and each child when it was added.
    private mutating func add(_ node: Node, size: Int, anchor: String?, alreadyCounted: Bool = false) -> Bool {
        if !alreadyCounted { expandedNodes += size }
        guard expandedNodes <= limits.maxNodesPerDocument else {
            error = YAMLError(
                kind: .nodeLimit,
                message: "document expands to more than \(limits.maxNodesPerDocument) nodes (aliases counted as copies)",
                mark: node.start
            )
            return false
        }
        if let anchor {
            anchors[anchor] = Anchored(node: node, size: size)
        }
        guard var parent = open.popLast() else {
            root = node
            return true
        }
        parent.size += size
        if parent.isMapping {
            if let key = parent.pendingKey {
                parent.pairs.append(Pair(key: key, value: node))
                parent.pendingKey = nil
            } else {
                parent.pendingKey = node
            }
        } else {
            parent.items.append(node)
        }
        open.append(parent)
        return true
    }

    /// Reports duplicate keys and applies `<<` merge keys: explicit keys win over merged ones,
    /// and among merged mappings the earlier wins, as YAML's merge key type specifies.
    private mutating func finishMapping(_ pairs: [Pair]) -> [Pair] {
        var hasMerge = false
        for pair in pairs where isMergeKey(pair.key) {
            hasMerge = true
            break
        }
        reportDuplicates(in: pairs)
        guard hasMerge else { return pairs }

        var result: [Pair] = []
        var sources: [[Pair]] = []
        for pair in pairs {
            guard isMergeKey(pair.key) else {
                result.append(pair)
                continue
            }
            switch pair.value.content {
            case .mapping(let merged):
                sources.append(merged)
            case .sequence(let items):
                for item in items {
                    if case .mapping(let merged) = item.content {
                        sources.append(merged)
                    } else {
                        problems.append(YAMLProblem(kind: .invalidMerge, mark: item.start))
                    }
                }
            case .scalar:
                problems.append(YAMLProblem(kind: .invalidMerge, mark: pair.value.start))
            }
        }
        var present = Set(result.compactMap { $0.key.scalar?.text })
        for source in sources {
            for pair in source {
                guard let key = pair.key.scalar?.text else { continue }
                if present.insert(key).inserted {
                    result.append(pair)
                }
            }
        }
        return result
    }

    private func isMergeKey(_ key: Node) -> Bool {
        guard case .scalar(let scalar) = key.content, scalar.text == "<<", scalar.style == .plain else { return false }
        return scalar.tag == nil || scalar.tag == "tag:yaml.org,2002:merge"
    }

    private mutating func reportDuplicates(in pairs: [Pair]) {
        guard pairs.count > 1 else { return }
        // Small mappings are the common case: a quadratic scan beats hashing there.
        if pairs.count <= 12 {
            for index in 1..<pairs.count {
                guard let key = pairs[index].key.scalar?.text, key != "<<" else { continue }
                for earlier in 0..<index where pairs[earlier].key.scalar?.text == key {
                    problems.append(YAMLProblem(kind: .duplicateKey(key: key, first: pairs[earlier].key.start), mark: pairs[index].key.start))
                    break
                }
            }
            return
        }
        var seen: [String: Mark] = [:]
        seen.reserveCapacity(pairs.count)
        for pair in pairs {
            guard let key = pair.key.scalar?.text, key != "<<" else { continue }
            if let first = seen[key] {
                problems.append(YAMLProblem(kind: .duplicateKey(key: key, first: first), mark: pair.key.start))
            } else {
                seen[key] = pair.key.start
            }
        }
    }
}
