/// A problem that stops the parser: what libyaml rejected, or a limit that was hit.
public struct YAMLError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        /// libyaml could not read the bytes (invalid UTF-8, control characters such as NUL).
        case reader
        /// libyaml rejected the syntax (scanner or parser error).
        case syntax
        /// An alias names an anchor that was never defined.
        case undefinedAlias
        /// Nesting deeper than `YAMLLimits.maxDepth`.
        case depthLimit
        /// A document standing for more than `YAMLLimits.maxNodesPerDocument` nodes.
        case nodeLimit
    }

    public var kind: Kind
    /// libyaml's own problem text where it has one ("mapping values are not allowed in this context").
    public var message: String
    public var mark: Mark
    /// libyaml's context, e.g. "while parsing a block mapping" and where that started.
    public var context: String?
    public var contextMark: Mark?

    public init(kind: Kind, message: String, mark: Mark, context: String? = nil, contextMark: Mark? = nil) {
        self.kind = kind
        self.message = message
        self.mark = mark
        self.context = context
        self.contextMark = contextMark
    }

    public var description: String {
        var text = "\(mark): \(message)"
        if let context, let contextMark {
            text += " (\(context) at \(contextMark))"
        } else if let context {
            text += " (\(context))"
        }
        return text
    }
}

/// A problem the parser reports but that does not stop it: the document is still usable.
public struct YAMLProblem: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// The same key twice in one mapping; `first` is the earlier occurrence. The later one wins.
        case duplicateKey(key: String, first: Mark)
        /// Two keys written differently that Kubernetes reads as the same one (`true` and
        /// `True`): `firstKey` at `first` is the earlier, `mapKey` what both become. The later wins.
        case equivalentKey(key: String, first: Mark, firstKey: String, mapKey: String)
        /// A `<<` merge key whose value is not a mapping or a list of mappings.
        case invalidMerge
    }

    public var kind: Kind
    public var mark: Mark

    public init(kind: Kind, mark: Mark) {
        self.kind = kind
        self.mark = mark
    }
}
