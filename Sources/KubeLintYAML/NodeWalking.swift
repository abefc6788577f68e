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

    /// The entry at `position` (0 ..< `childCount`) of a mapping; nil past the end or for
    /// other nodes.
    public func pair(at position: Int) -> Pair? {
        if case .parsed(let arena, let index) = representation {
            let record = arena.records[Int(index)]
            guard record.kind == .mapping, position >= 0, position < Int(record.count) / 2 else { return nil }
            let child = Int(record.first) + 2 * position
            return Pair(key: Node(arena: arena, index: arena.children[child]), value: Node(arena: arena, index: arena.children[child + 1]))
        }
        guard case .mapping(let pairs) = content, pairs.indices.contains(position) else { return nil }
        return pairs[position]
    }

    /// The item at `position` (0 ..< `childCount`) of a sequence; nil past the end or for
    /// other nodes.
    public func item(at position: Int) -> Node? {
        if case .parsed(let arena, let index) = representation {
            let record = arena.records[Int(index)]
            guard record.kind == .sequence, position >= 0, position < Int(record.count) else { return nil }
            return Node(arena: arena, index: arena.children[Int(record.first) + position])
        }
        guard case .sequence(let items) = content, items.indices.contains(position) else { return nil }
        return items[position]
    }

    /// The UTF-8 bytes of a scalar's text (`scalar.text`), shared with the parsed storage
    /// rather than copied; nil for collections. A slice, not a closure taking a buffer: a
    /// generic closure API is not specialised across modules, and cost more than the lookups
    /// it served.
    public var scalarUTF8: ArraySlice<UInt8>? {
        if case .parsed(let arena, let index) = representation {
            let record = arena.records[Int(index)]
            guard record.kind == .scalar else { return nil }
            return record.inSource ? arena.source[record.range] : arena.text[record.range]
        }
        guard case .scalar(let scalar) = content else { return nil }
        return ArraySlice(scalar.text.utf8)
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
