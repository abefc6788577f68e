/// Reading a node's children and text without building `content`: walks that visit every node
/// of every resource (the schema check) would otherwise build an array per collection and a
/// `String` per scalar, most of them looked at once and dropped.
extension Node {
    /// Entries of a mapping, items of a sequence; 0 for a scalar.
    public var childCount: Int {
        if case .parsed(let arena, let index) = representation {
            let record = arena.records[Int(index)]
            switch record.kind {
            case .scalar: return 0
            case .sequence: return Int(record.count)
            case .mapping: return Int(record.count) / 2
            }
        }
        switch content {
        case .scalar: return 0
        case .sequence(let items): return items.count
        case .mapping(let pairs): return pairs.count
        }
    }

    /// Calls `body` with the key and value of each entry of a mapping, in order (nothing for
    /// other nodes).
    public func forEachPair(_ body: (_ key: Node, _ value: Node) throws -> Void) rethrows {
        if case .parsed(let arena, let index) = representation {
            let record = arena.records[Int(index)]
            guard record.kind == .mapping else { return }
            var position = Int(record.first)
            let end = position + Int(record.count) - 1
            while position < end {
                try body(Node(arena: arena, index: arena.children[position]), Node(arena: arena, index: arena.children[position + 1]))
                position += 2
            }
            return
        }
        guard case .mapping(let pairs) = content else { return }
        for pair in pairs { try body(pair.key, pair.value) }
    }

    /// Calls `body` with each item of a sequence, in order (nothing for other nodes).
    public func forEachItem(_ body: (Node) throws -> Void) rethrows {
        if case .parsed(let arena, let index) = representation {
            let record = arena.records[Int(index)]
            guard record.kind == .sequence else { return }
            for child in arena.children[record.range] {
                try body(Node(arena: arena, index: child))
            }
            return
        }
        guard case .sequence(let items) = content else { return }
        for item in items { try body(item) }
    }

    /// The UTF-8 bytes of a scalar's text (`scalar.text`), valid only inside `body`; nil for
    /// collections.
    public func withScalarBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result? {
        if case .parsed(let arena, let index) = representation {
            let record = arena.records[Int(index)]
            guard record.kind == .scalar else { return nil }
            return arena.withBytes(of: record, body)
        }
        guard case .scalar(let scalar) = content else { return nil }
        var text = scalar.text
        return text.withUTF8(body)
    }

    /// True when the scalar certainly resolves to a string (`scalar.resolved` is `.string`),
    /// known without building its text: untagged and quoted or block, or untagged, plain and
    /// starting with a byte that begins no null, boolean or number. False means "not evident",
    /// not "not a string"; collections are false.
    public var isEvidentlyString: Bool {
        guard case .parsed(let arena, let index) = representation else {
            if case .scalar(let scalar) = content, case .string = scalar.resolved { return true }
            return false
        }
        let record = arena.records[Int(index)]
        guard record.kind == .scalar, !record.hasTag else { return false }
        guard record.style == .plain else { return true }
        guard record.count > 0 else { return false }
        return arena.withBytes(of: record) { !ResolvedScalar.mayStartNonString($0[0]) }
    }
}
