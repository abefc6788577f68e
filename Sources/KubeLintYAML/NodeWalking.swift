/// Reading a scalar without building `content`: decoding reads every value of every resource,
/// and a `String` per scalar, most of them looked at once and dropped, was much of its cost.
/// (Walks over every node read parsed nodes by number: `NodeTable`.)
extension Node {
    /// The UTF-8 bytes of a scalar's text (`scalar.text`), shared with the parsed storage
    /// rather than copied; nil for collections. A slice, not a closure taking a buffer: a
    /// generic closure API is not specialised across modules, and cost more than the lookups
    /// it served.
    public var scalarUTF8: ArraySlice<UInt8>? {
        if case .parsed(let arena, let index) = representation { return arena.scalarUTF8(index) }
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
        return arena.isEvidentlyString(index)
    }
}

extension NodeArena {
    /// `Node.scalarUTF8` of a parsed node.
    func scalarUTF8(_ index: UInt32) -> ArraySlice<UInt8>? {
        let record = records[Int(index)]
        guard record.kind == .scalar else { return nil }
        return record.inSource ? source[record.range] : text[record.range]
    }

    /// `Node.isEvidentlyString` of a parsed node.
    func isEvidentlyString(_ index: UInt32) -> Bool {
        let record = records[Int(index)]
        guard record.kind == .scalar, !record.hasTag else { return false }
        guard record.style == .plain else { return true }
        guard record.count > 0 else { return false }
        return withBytes(of: record) { !ResolvedScalar.mayStartNonString($0[0]) }
    }
}
