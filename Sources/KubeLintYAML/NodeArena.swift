/// The nodes of one parsed stream, stored flat: one fixed-size record per node, children as
/// index ranges, scalar text as byte ranges in one buffer.
///
/// A tree of `Node` values with their own arrays and strings costs an allocation per scalar and
/// per collection, to build and again to free; with manifests of hundreds of thousands of nodes
/// that was most of the parse. Here a whole file costs a handful of growing arrays, and a `Node`
/// handed out by the parser is a reference to the arena plus an index.
final class NodeArena: Sendable {
    let records: [NodeRecord]
    /// Children of every collection, each collection's contiguous; mappings alternate key, value.
    let children: [UInt32]
    /// Scalar text, UTF-8, as libyaml delivered it (unescaped, folded), for scalars that do not
    /// stand byte for byte in `source`.
    let text: [UInt8]
    /// The parsed bytes (empty when nothing points into them): most scalars are read from
    /// where they are written instead of being copied. The file keeps these bytes anyway.
    let source: [UInt8]
    /// Explicit tags, interned.
    let tags: [String]
    /// The tag of each tagged node (few are): kept aside so that records stay small.
    let tagOfNode: [UInt32: Int32]
    /// Lines of nodes past `NodeRecord.wideLine` (files of over 16 million lines), by node.
    let wideLines: [UInt32: UInt32]
    /// True when no scalar holds a non-ASCII byte (nearly every manifest): key comparisons are
    /// then plain byte comparisons.
    let isASCII: Bool

    init(
        records: [NodeRecord], children: [UInt32], text: [UInt8], source: [UInt8], tags: [String],
        tagOfNode: [UInt32: Int32], wideLines: [UInt32: UInt32]
    ) {
        self.records = records
        self.children = children
        self.text = text
        self.source = source
        self.tags = tags
        self.tagOfNode = tagOfNode
        self.wideLines = wideLines
        // Scalars point into `source` only when it is all ASCII.
        isASCII = text.withUnsafeBufferPointer(Self.isASCII)
    }

    func start(_ index: UInt32) -> Mark {
        let record = records[Int(index)]
        return Mark(offset: Int(record.offset), line: Int(Self.line(of: record, at: index, wideLines: wideLines)), column: Int(record.column))
    }

    static func line(of record: NodeRecord, at index: UInt32, wideLines: [UInt32: UInt32]) -> UInt32 {
        let line = record.storedLine
        return line == NodeRecord.wideLine ? wideLines[index] ?? line : line
    }

    func tag(_ index: UInt32) -> String? {
        guard records[Int(index)].hasTag, let tag = tagOfNode[index] else { return nil }
        return tags[Int(tag)]
    }

    func scalar(_ index: UInt32) -> Scalar? {
        let record = records[Int(index)]
        guard record.kind == .scalar else { return nil }
        let text = withBytes(of: record) { String(decoding: $0, as: UTF8.self) }
        return Scalar(text, style: record.style, tag: record.hasTag ? tag(index) : nil)
    }

    /// The bytes of a scalar record; valid only inside `body`.
    func withBytes<Result>(of record: NodeRecord, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        (record.inSource ? source : text).withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[record.range])) }
    }

    func items(_ index: UInt32) -> [Node] {
        let record = records[Int(index)]
        return children[record.range].map { Node(arena: self, index: $0) }
    }

    func pairs(_ index: UInt32) -> [Pair] {
        let record = records[Int(index)]
        var result: [Pair] = []
        result.reserveCapacity(Int(record.count) / 2)
        var position = Int(record.first)
        let end = position + Int(record.count) - 1
        while position < end {
            result.append(Pair(key: Node(arena: self, index: children[position]), value: Node(arena: self, index: children[position + 1])))
            position += 2
        }
        return result
    }

    /// The last entry whose key is the scalar `key` (the one Kubernetes keeps), without
    /// building the mapping's pairs.
    func pair(_ index: UInt32, key: String) -> Pair? {
        entry(index, key: key).map { Pair(key: Node(arena: self, index: $0.key), value: Node(arena: self, index: $0.value)) }
    }

    /// `pair(_:key:)` as node numbers.
    func entry(_ index: UInt32, key: String) -> (key: UInt32, value: UInt32)? {
        let record = records[Int(index)]
        guard record.kind == .mapping, record.count >= 2 else { return nil }
        if isASCII, let answer = asciiLookup(record, key: key) { return answer }
        var wanted = key
        return wanted.withUTF8 { wantedBytes in
            var position = Int(record.first) + Int(record.count) - 2
            while position >= Int(record.first) {
                let keyIndex = children[position]
                let keyRecord = records[Int(keyIndex)]
                if keyRecord.kind == .scalar, withBytes(of: keyRecord, { Self.textEqual($0, wantedBytes) }) {
                    return (keyIndex, children[position + 1])
                }
                position -= 2
            }
            return nil
        }
    }

    /// The entry for `key` by comparing bytes, where that is exact (the key is ASCII, and so is
    /// the arena); the outer nil means it is not, and `String` equality must decide.
    private func asciiLookup(_ record: NodeRecord, key: String) -> (key: UInt32, value: UInt32)?? {
        let answer = key.utf8.withContiguousStorageIfAvailable { wanted -> (key: UInt32, value: UInt32)?? in
            guard Self.isASCII(wanted) else { return .none }
            return .some(asciiEntry(record, key: wanted))
        }
        return answer ?? .none
    }

    /// `entry(_:key:)` when both sides are ASCII: equal text is equal bytes.
    private func asciiEntry(_ record: NodeRecord, key: UnsafeBufferPointer<UInt8>) -> (key: UInt32, value: UInt32)? {
        records.withUnsafeBufferPointer { records in
            children.withUnsafeBufferPointer { children in
                text.withUnsafeBufferPointer { text in
                    source.withUnsafeBufferPointer { source in
                        var position = Int(record.first) + Int(record.count) - 2
                        while position >= Int(record.first) {
                            let keyIndex = children[position]
                            let keyRecord = records[Int(keyIndex)]
                            if keyRecord.kind == .scalar, Int(keyRecord.count) == key.count,
                               Self.bytesEqual(keyRecord.inSource ? source : text, from: Int(keyRecord.first), key) {
                                return (keyIndex, children[position + 1])
                            }
                            position -= 2
                        }
                        return nil
                    }
                }
            }
        }
    }

    /// Whether `text[start...]` begins with `key`; keys are short, so a plain loop beats a call.
    private static func bytesEqual(_ text: UnsafeBufferPointer<UInt8>, from start: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < key.count {
            if text[start + index] != key[index] { return false }
            index += 1
        }
        return true
    }

    /// String equality (canonical equivalence) over UTF-8 bytes: equal bytes are equal text, and
    /// different ASCII bytes are different text; only non-ASCII text needs `String`'s comparison.
    static func textEqual(_ lhs: UnsafeBufferPointer<UInt8>, _ rhs: UnsafeBufferPointer<UInt8>) -> Bool {
        if lhs.count == rhs.count && (lhs.count == 0 || memoryEqual(lhs, rhs)) { return true }
        if isASCII(lhs) && isASCII(rhs) { return false }
        return String(decoding: lhs, as: UTF8.self) == String(decoding: rhs, as: UTF8.self)
    }

    private static func memoryEqual(_ lhs: UnsafeBufferPointer<UInt8>, _ rhs: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < lhs.count {
            if lhs[index] != rhs[index] { return false }
            index += 1
        }
        return true
    }

    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var combined: UInt8 = 0
        for byte in bytes { combined |= byte }
        return combined < 0x80
    }

    /// Whether a scalar reads as null without building its text: the common untagged cases
    /// are answered from the bytes, the rest by full resolution.
    func isNull(_ index: UInt32) -> Bool {
        let record = records[Int(index)]
        guard record.kind == .scalar else { return false }
        if !record.hasTag {
            guard record.style == .plain else { return false }
            switch record.count {
            case 0: return true
            case 1: return withBytes(of: record) { $0[0] == UInt8(ascii: "~") }
            case 4: break
            default: return false
            }
        }
        return scalar(index)?.resolved == .null
    }
}

/// One node of a `NodeArena`: 20 bytes whatever the node.
struct NodeRecord {
    /// Kind, style and the two flags in the low byte, the line in the upper 24 bits.
    private var header: UInt32
    var column: UInt32
    var offset: UInt32
    /// Scalars: a byte range of `NodeArena.text` or `source`; collections: a range of
    /// `NodeArena.children`.
    var first: UInt32
    var count: UInt32

    /// Stored for lines from 16 777 215 on, whose real number the arena keeps in `wideLines`.
    static let wideLine: UInt32 = 0xFF_FFFF

    init(kind: Node.Kind, style: ScalarStyle, hasTag: Bool, inSource: Bool, column: UInt32 = 0, offset: UInt32 = 0, first: UInt32, count: UInt32) {
        header = 0
        self.column = column
        self.offset = offset
        self.first = first
        self.count = count
        self.kind = kind
        self.style = style
        self.hasTag = hasTag
        self.inSource = inSource
    }

    var kind: Node.Kind {
        get {
            switch header & 0b11 {
            case 0: .scalar
            case 1: .sequence
            default: .mapping
            }
        }
        set {
            let code: UInt32 = switch newValue {
            case .scalar: 0
            case .sequence: 1
            case .mapping: 2
            }
            header = header & ~0b11 | code
        }
    }

    var style: ScalarStyle {
        get {
            switch header >> 2 & 0b111 {
            case 0: .plain
            case 1: .singleQuoted
            case 2: .doubleQuoted
            case 3: .literal
            default: .folded
            }
        }
        set {
            let code: UInt32 = switch newValue {
            case .plain: 0
            case .singleQuoted: 1
            case .doubleQuoted: 2
            case .literal: 3
            case .folded: 4
            }
            header = header & ~(0b111 << 2) | code << 2
        }
    }

    /// The node has an explicit tag, found in `NodeArena.tagOfNode`.
    var hasTag: Bool {
        get { header & 1 << 5 != 0 }
        set { header = newValue ? header | 1 << 5 : header & ~(1 << 5) }
    }

    /// The scalar's bytes are in `NodeArena.source`, not `NodeArena.text`.
    var inSource: Bool {
        get { header & 1 << 6 != 0 }
        set { header = newValue ? header | 1 << 6 : header & ~(1 << 6) }
    }

    /// The line, or `wideLine` for one the arena keeps aside.
    var storedLine: UInt32 {
        get { header >> 8 }
        set { header = header & 0xFF | min(newValue, Self.wideLine) << 8 }
    }

    var range: Range<Int> { Int(first)..<(Int(first) + Int(count)) }
}
