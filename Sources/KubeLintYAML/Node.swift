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
/// Nodes are values: an alias is resolved by copying the anchored node, which shares storage
/// (copy-on-write), so expansion costs no memory until someone mutates it. The parser bounds
/// how many nodes such sharing may stand for (see `YAMLLimits`).
public struct Node: Sendable {
    public enum Content: Sendable {
        case scalar(Scalar)
        case sequence([Node])
        case mapping([Pair])
    }

    public var content: Content
    /// Where the node starts: the first character of a scalar, or the `[`, `{`, `-`, or first key
    /// of a collection.
    public var start: Mark
    /// The explicit tag of a collection (`!!map`, custom tags); scalars keep theirs in `Scalar`.
    public var tag: String?

    public init(_ content: Content, start: Mark, tag: String? = nil) {
        self.content = content
        self.start = start
        self.tag = tag
    }

    public init(scalar text: String, style: ScalarStyle = .plain, at start: Mark = .start) {
        self.init(.scalar(Scalar(text, style: style)), start: start)
    }
}

extension Node {
    public enum Kind: String, Sendable {
        case scalar, sequence, mapping
    }

    public var kind: Kind {
        switch content {
        case .scalar: .scalar
        case .sequence: .sequence
        case .mapping: .mapping
        }
    }

    public var scalar: Scalar? {
        if case .scalar(let scalar) = content { return scalar }
        return nil
    }

    public var items: [Node]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    public var pairs: [Pair]? {
        if case .mapping(let pairs) = content { return pairs }
        return nil
    }

    /// True for a plain `null`, `~`, `Null`, `NULL` or empty scalar: what Kubernetes reads as absent.
    public var isNull: Bool {
        if case .scalar(let scalar) = content { return scalar.resolved == .null }
        return false
    }

    /// The entry for `key` in a mapping. With duplicate keys the last one wins, as it does when
    /// Kubernetes decodes the file; the duplicates themselves are reported by the parser.
    public func pair(_ key: String) -> Pair? {
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
        switch content {
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        case .scalar(let scalar): return scalar.resolved.typeDescription
        }
    }
}
