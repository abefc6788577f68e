/// How a scalar was written. Rules use it to tell `"8080"` from `8080` and `"yes"` from `yes`.
public enum ScalarStyle: String, Sendable, Hashable {
    case plain
    case singleQuoted = "single-quoted"
    case doubleQuoted = "double-quoted"
    case literal
    case folded

    public var isQuoted: Bool { self == .singleQuoted || self == .doubleQuoted }
}

/// A scalar exactly as written: its text (after YAML unescaping/folding), style and explicit tag.
public struct Scalar: Sendable, Hashable {
    public var text: String
    public var style: ScalarStyle
    /// The explicit tag, fully resolved by libyaml (`!!str` becomes `tag:yaml.org,2002:str`);
    /// nil when the scalar carries no tag.
    public var tag: String?

    public init(_ text: String, style: ScalarStyle = .plain, tag: String? = nil) {
        self.text = text
        self.style = style
        self.tag = tag
    }

    /// The value Kubernetes would see for this scalar (see `ResolvedScalar`).
    public var resolved: ResolvedScalar { ResolvedScalar.resolve(self) }
}

/// One key/value entry of a mapping. Both sides are full nodes with their own positions.
public struct Pair: Sendable {
    public var key: Node
    public var value: Node

    public init(key: Node, value: Node) {
        self.key = key
        self.value = value
    }
}

/// A YAML node with its source position.
///
/// Nodes are values. The parser's nodes are views into the compact storage of their stream
/// (`NodeArena`): reading `content` builds the children or text on demand, while `pair(_:)`,
/// `kind`, `isNull` and `start` read the storage directly. Setting a property turns the node
/// into a free-standing value; the storage is never changed. An alias is a copy of the anchored
/// node (sharing its children), so expansion costs no memory; the parser bounds how many nodes
/// such sharing may stand for (see `YAMLLimits`).
public struct Node: Sendable {
    public enum Content: Sendable {
        case scalar(Scalar)
        case sequence([Node])
        case mapping([Pair])
    }

    enum Representation: Sendable {
        case parsed(NodeArena, UInt32)
        indirect case standalone(Content, start: Mark, tag: String?)
    }

    // Internal, not private: `NodeWalking.swift` reads the arena directly.
    var representation: Representation

    public var content: Content {
        get {
            switch representation {
            case .parsed(let arena, let index):
                switch arena.records[Int(index)].kind {
                case .scalar: return .scalar(arena.scalar(index) ?? Scalar(""))
                case .sequence: return .sequence(arena.items(index))
                case .mapping: return .mapping(arena.pairs(index))
                }
            case .standalone(let content, _, _):
                return content
            }
        }
        set { representation = .standalone(newValue, start: start, tag: tag) }
    }

    /// Where the node starts: the first character of a scalar, or the `[`, `{`, `-`, or first key
    /// of a collection.
    public var start: Mark {
        get {
            switch representation {
            case .parsed(let arena, let index): arena.start(index)
            case .standalone(_, let start, _): start
            }
        }
        set { representation = .standalone(content, start: newValue, tag: tag) }
    }

    /// The explicit tag of a collection (`!!map`, custom tags); scalars keep theirs in `Scalar`.
    public var tag: String? {
        get {
            switch representation {
            case .parsed(let arena, let index):
                arena.records[Int(index)].kind == .scalar ? nil : arena.tag(index)
            case .standalone(_, _, let tag):
                tag
            }
        }
        set { representation = .standalone(content, start: start, tag: newValue) }
    }

    public init(_ content: Content, start: Mark, tag: String? = nil) {
        representation = .standalone(content, start: start, tag: tag)
    }

    public init(scalar text: String, style: ScalarStyle = .plain, at start: Mark = .start) {
        self.init(.scalar(Scalar(text, style: style)), start: start)
    }

    init(arena: NodeArena, index: UInt32) {
        representation = .parsed(arena, index)
    }
}

extension Node {
    public enum Kind: String, Sendable {
        case scalar, sequence, mapping
    }

    public var kind: Kind {
        if case .parsed(let arena, let index) = representation { return arena.records[Int(index)].kind }
        switch content {
        case .scalar: return .scalar
        case .sequence: return .sequence
        case .mapping: return .mapping
        }
    }

    public var scalar: Scalar? {
        if case .parsed(let arena, let index) = representation { return arena.scalar(index) }
        if case .scalar(let scalar) = content { return scalar }
        return nil
    }

    public var items: [Node]? {
        if case .parsed(let arena, let index) = representation {
            return arena.records[Int(index)].kind == .sequence ? arena.items(index) : nil
        }
        if case .sequence(let items) = content { return items }
        return nil
    }

    public var pairs: [Pair]? {
        if case .parsed(let arena, let index) = representation {
            return arena.records[Int(index)].kind == .mapping ? arena.pairs(index) : nil
        }
        if case .mapping(let pairs) = content { return pairs }
        return nil
    }

    /// True for a plain `null`, `~`, `Null`, `NULL` or empty scalar: what Kubernetes reads as absent.
    public var isNull: Bool {
        if case .parsed(let arena, let index) = representation { return arena.isNull(index) }
        if case .scalar(let scalar) = content { return scalar.resolved == .null }
        return false
    }

    /// The entry for `key` in a mapping. With duplicate keys the last one wins, as it does when
    /// Kubernetes decodes the file; the duplicates themselves are reported by the parser.
    public func pair(_ key: String) -> Pair? {
        if case .parsed(let arena, let index) = representation { return arena.pair(index, key: key) }
        guard case .mapping(let pairs) = content else { return nil }
        for pair in pairs.reversed() {
            if case .scalar(let scalar) = pair.key.content, scalar.text == key {
                return pair
            }
        }
        return nil
    }

    public subscript(key: String) -> Node? { pair(key)?.value }

    /// A short human name for the node's type, for messages ("a mapping", "a string", ...).
    public var typeDescription: String {
        switch kind {
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        case .scalar: return (scalar?.resolved ?? .null).typeDescription
        }
    }
}
