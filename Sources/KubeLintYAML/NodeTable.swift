/// The nodes of a parsed stream read by number: for walks that visit every node of every
/// resource (the schema check), where making a `Node` for each visit (a reference to the
/// storage, retained and released) and copying kinds and marks out of it cost more than the
/// checks themselves. Numbers are only meaningful with the table they came from.
public struct NodeTable: Sendable {
    let arena: NodeArena

    init(arena: NodeArena) {
        self.arena = arena
    }

    public func kind(_ node: UInt32) -> Node.Kind {
        arena.records[Int(node)].kind
    }

    /// Entries of a mapping, items of a sequence; 0 for a scalar.
    public func childCount(_ node: UInt32) -> Int {
        let record = arena.records[Int(node)]
        switch record.kind {
        case .scalar: return 0
        case .sequence: return Int(record.count)
        case .mapping: return Int(record.count) / 2
        }
    }

    /// The key and value of entry `position` (0 ..< `childCount`) of a mapping.
    public func entry(_ node: UInt32, at position: Int) -> (key: UInt32, value: UInt32) {
        let child = Int(arena.records[Int(node)].first) + 2 * position
        return (arena.children[child], arena.children[child + 1])
    }

    /// Item `position` (0 ..< `childCount`) of a sequence.
    public func item(_ node: UInt32, at position: Int) -> UInt32 {
        arena.children[Int(arena.records[Int(node)].first) + position]
    }

    /// The entry for `key` in a mapping, as `Node.pair(_:)` finds it.
    public func entry(_ node: UInt32, key: String) -> (key: UInt32, value: UInt32)? {
        arena.entry(node, key: key)
    }

    public func start(_ node: UInt32) -> Mark {
        arena.start(node)
    }

    /// `Node.isNull`.
    public func isNull(_ node: UInt32) -> Bool {
        arena.isNull(node)
    }

    /// `Node.isEvidentlyString`.
    public func isEvidentlyString(_ node: UInt32) -> Bool {
        arena.isEvidentlyString(node)
    }

    /// `Node.scalarUTF8`: the bytes of a scalar's text, shared with the table; nil for
    /// collections.
    public func scalarUTF8(_ node: UInt32) -> ArraySlice<UInt8>? {
        arena.scalarUTF8(node)
    }

    /// The node as a `Node` value, for what the number alone does not answer.
    public func node(_ node: UInt32) -> Node {
        Node(arena: arena, index: node)
    }
}

extension Node {
    /// The table a parsed node lives in and its number there; nil for a node built or changed
    /// by hand (see `NodeTable(copying:)`).
    public var tableEntry: (table: NodeTable, node: UInt32)? {
        if case .parsed(let arena, let index) = representation { return (NodeTable(arena: arena), index) }
        return nil
    }
}

extension NodeTable {
    /// A table holding a copy of `root` and everything under it, for nodes that live in no
    /// table; returns it with the root's number. Positions, styles and tags are kept.
    public static func copying(_ root: Node) -> (table: NodeTable, root: UInt32) {
        var builder = Builder()
        let rootIndex = builder.add(root)
        let arena = NodeArena(
            records: builder.records, children: builder.children, text: builder.text, source: [], tags: builder.tags,
            tagOfNode: builder.tagOfNode, wideLines: builder.wideLines
        )
        return (NodeTable(arena: arena), rootIndex)
    }

    private struct Builder {
        var records: [NodeRecord] = []
        var children: [UInt32] = []
        var text: [UInt8] = []
        var tags: [String] = []
        var tagOfNode: [UInt32: Int32] = [:]
        var wideLines: [UInt32: UInt32] = [:]

        /// A collection whose children are being added.
        private struct Open {
            var index: UInt32
            var children: [Node]
            var added: [UInt32] = []
        }

        /// Adds `root` and its descendants (an explicit stack: hand-built trees have no depth
        /// limit) and returns the root's number.
        mutating func add(_ root: Node) -> UInt32 {
            var open: [Open] = []
            var finished = record(root, opening: &open)
            while true {
                if let index = finished {
                    guard !open.isEmpty else { return index }
                    open[open.count - 1].added.append(index)
                }
                guard let top = open.popLast() else { return finished ?? 0 }
                if top.added.count < top.children.count {
                    let child = top.children[top.added.count]
                    open.append(top)
                    finished = record(child, opening: &open)
                } else {
                    records[Int(top.index)].first = UInt32(truncatingIfNeeded: children.count)
                    records[Int(top.index)].count = UInt32(truncatingIfNeeded: top.added.count)
                    children.append(contentsOf: top.added)
                    finished = top.index
                }
            }
        }

        /// Appends the record of `node`: finished for a scalar (its number is returned), opened
        /// for a collection (its children follow).
        private mutating func record(_ node: Node, opening open: inout [Open]) -> UInt32? {
            let index = UInt32(truncatingIfNeeded: records.count)
            let start = node.start
            var record: NodeRecord
            let tag: String?
            switch node.content {
            case .scalar(let scalar):
                let bytes = Array(scalar.text.utf8)
                record = NodeRecord(
                    kind: .scalar, style: scalar.style, hasTag: scalar.tag != nil, inSource: false,
                    first: UInt32(truncatingIfNeeded: text.count), count: UInt32(truncatingIfNeeded: bytes.count)
                )
                text += bytes
                tag = scalar.tag
            case .sequence(let items):
                record = NodeRecord(kind: .sequence, style: .plain, hasTag: node.tag != nil, inSource: false, first: 0, count: 0)
                tag = node.tag
                open.append(Open(index: index, children: items))
            case .mapping(let pairs):
                record = NodeRecord(kind: .mapping, style: .plain, hasTag: node.tag != nil, inSource: false, first: 0, count: 0)
                tag = node.tag
                open.append(Open(index: index, children: pairs.flatMap { [$0.key, $0.value] }))
            }
            let line = UInt32(clamping: start.line)
            record.storedLine = line
            if line >= NodeRecord.wideLine { wideLines[index] = line }
            record.column = UInt32(clamping: start.column)
            record.offset = UInt32(clamping: start.offset)
            if let tag {
                tagOfNode[index] = Int32(truncatingIfNeeded: tags.count)
                tags.append(tag)
            }
            records.append(record)
            return record.kind == .scalar ? index : nil
        }
    }
}
