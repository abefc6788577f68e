import CYAML

/// A YAML stream as written, for editing it: every node with the byte range it occupies in the
/// source, aliases kept as aliases and merge keys left unapplied.
///
/// The linting parse (`YAMLParser`) records only where nodes start and shares nodes between
/// aliases, which is what checking needs. Changing a file needs more: where each node ends,
/// which bytes are a scalar's text and which its quotes, whether a collection is written in
/// block or flow style. `SyntaxTree` is parsed again from the file's bytes when a fix is
/// computed, so the linting parse stays as small as it is.
public struct SyntaxTree: Sendable {
    public let bytes: [UInt8]
    public let nodes: [SyntaxNode]
    public let documents: [SyntaxDocument]
    /// What stopped libyaml, if anything; documents before it are complete.
    public let error: YAMLError?

    public init(_ bytes: [UInt8], limits: YAMLLimits = .default) {
        var builder = SyntaxBuilder(bytes: bytes, limits: limits)
        let outcome = bytes.withUnsafeBytes { raw in
            EventReader.readRaw(raw) { builder.handle($0) }
        }
        var error = builder.error
        if case .failed(let failure) = outcome, error == nil { error = failure }
        self.bytes = bytes
        nodes = builder.nodes
        documents = builder.documents
        self.error = error
    }

    public subscript(_ id: SyntaxNode.ID) -> SyntaxNode { nodes[id.rawValue] }

    /// The document whose root spans `line` (1-based), if any.
    public func document(containingLine line: Int) -> SyntaxDocument? {
        documents.last { document in
            guard let root = document.root else { return false }
            return self[root].start.line <= line && line <= self[root].endLine
        }
    }

    /// The node of `kind` that starts exactly at `mark` (line and column), innermost first: a
    /// block mapping starts where its first key does, and the key is what a finding there means.
    public func node(at mark: Mark, in document: SyntaxDocument, kind: SyntaxNode.Kind? = nil) -> SyntaxNode.ID? {
        guard let root = document.root else { return nil }
        var found: SyntaxNode.ID?
        var stack = [root]
        while let id = stack.popLast() {
            let node = self[id]
            guard node.start.line <= mark.line, mark.line <= node.endLine else { continue }
            if node.start.line == mark.line, node.start.column == mark.column, kind == nil || node.kind == kind {
                found = id
            }
            stack.append(contentsOf: node.children.reversed())
        }
        return found
    }

    /// The text of a scalar (after unescaping and folding), or an alias's anchor name.
    public func text(_ id: SyntaxNode.ID) -> String { self[id].text }

    /// The entry of a mapping whose key is the plain or quoted scalar `key` (the last one, as
    /// Kubernetes reads duplicates).
    public func pair(_ mapping: SyntaxNode.ID, _ key: String) -> (key: SyntaxNode.ID, value: SyntaxNode.ID)? {
        pairs(mapping).last { self[$0.key].kind == .scalar && self[$0.key].text == key }
    }

    public func value(_ mapping: SyntaxNode.ID, _ key: String) -> SyntaxNode.ID? {
        pair(mapping, key)?.value
    }

    /// The entries of a mapping, in source order; empty for any other node.
    public func pairs(_ mapping: SyntaxNode.ID) -> [(key: SyntaxNode.ID, value: SyntaxNode.ID)] {
        let node = self[mapping]
        guard node.kind == .mapping else { return [] }
        return stride(from: 0, to: node.children.count - 1, by: 2).map { (node.children[$0], node.children[$0 + 1]) }
    }

    /// The items of a sequence; empty for any other node.
    public func items(_ sequence: SyntaxNode.ID) -> [SyntaxNode.ID] {
        self[sequence].kind == .sequence ? self[sequence].children : []
    }

    /// Follows `keys` from `node` through mappings.
    public func value(_ node: SyntaxNode.ID, path keys: [String]) -> SyntaxNode.ID? {
        var current = node
        for key in keys {
            guard let next = value(current, key) else { return nil }
            current = next
        }
        return current
    }
}

/// One node of a `SyntaxTree`.
public struct SyntaxNode: Sendable {
    public struct ID: Sendable, Hashable, Comparable {
        public let rawValue: Int
        public static func < (lhs: ID, rhs: ID) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    public enum Kind: Sendable, Hashable {
        case scalar, sequence, mapping, alias
    }

    public var kind: Kind
    /// How a scalar is written (plain for other nodes).
    public var style: ScalarStyle
    /// A collection written in flow style (`{...}`, `[...]`).
    public var isFlow: Bool
    /// The bytes the node occupies, from its first property (`&anchor`, `!tag`) or character to
    /// the end of its last character. A block collection ends with its last descendant (not
    /// where libyaml closes it, which may be lines later, past comments); a block scalar ends
    /// where libyaml ends it, at the start of the line after its content and trailing blank
    /// lines.
    public var range: Range<Int>
    /// Where the node's own text starts, after its properties: the opening quote of a quoted
    /// scalar, the `{` of a flow mapping.
    public var contentStart: Int
    public var start: Mark
    /// The line of the node's last character.
    public var endLine: Int
    public var anchor: String?
    /// The explicit tag, as libyaml resolved it (`tag:yaml.org,2002:str` for `!!str`).
    public var tag: String?
    /// A scalar's text after unescaping and folding; an alias's anchor name.
    public var text: String
    /// Sequence items, or mapping keys and values alternating.
    public var children: [ID]
    public var parent: ID?
}

public struct SyntaxDocument: Sendable {
    /// 0-based position in the stream, as `YAMLDocument.index`.
    public var index: Int
    public var root: SyntaxNode.ID?
}

/// Builds a `SyntaxTree` from libyaml's events, iteratively.
private struct SyntaxBuilder {
    let bytes: [UInt8]
    let limits: YAMLLimits
    /// Byte offset of each character index, when the input is not ASCII (libyaml's marks count
    /// characters; edits need bytes). Nil: character index plus `byteOrderMarkLength`.
    let byteOffsets: [Int]?
    let byteOrderMarkLength: Int
    var nodes: [SyntaxNode] = []
    var documents: [SyntaxDocument] = []
    var error: YAMLError?
    private var open: [SyntaxNode.ID] = []
    private var root: SyntaxNode.ID?

    init(bytes: [UInt8], limits: YAMLLimits) {
        self.bytes = bytes
        self.limits = limits
        byteOrderMarkLength = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        byteOffsets = Self.characterOffsets(bytes, from: byteOrderMarkLength)
    }

    /// Byte offsets by character index, for input with non-ASCII text; nil for ASCII.
    private static func characterOffsets(_ bytes: [UInt8], from start: Int) -> [Int]? {
        guard bytes[start...].contains(where: { $0 >= 0x80 }) else { return nil }
        var offsets: [Int] = []
        offsets.reserveCapacity(bytes.count + 1 - start)
        for index in start..<bytes.count where bytes[index] & 0xC0 != 0x80 {
            offsets.append(index)
        }
        offsets.append(bytes.count)
        return offsets
    }

    private func byteOffset(_ mark: yaml_mark_t) -> Int {
        let index = Int(mark.index)
        guard let byteOffsets else { return min(index + byteOrderMarkLength, bytes.count) }
        return byteOffsets[min(index, byteOffsets.count - 1)]
    }

    mutating func handle(_ raw: UnsafePointer<yaml_event_t>) -> Bool {
        let event = raw.pointee
        switch event.type {
        case YAML_DOCUMENT_START_EVENT:
            open.removeAll()
            root = nil
        case YAML_DOCUMENT_END_EVENT:
            documents.append(SyntaxDocument(index: documents.count, root: root))
        case YAML_SCALAR_EVENT:
            let data = event.data.scalar
            let text = data.value.map { String(decoding: UnsafeBufferPointer(start: $0, count: data.length), as: UTF8.self) } ?? ""
            var node = makeNode(.scalar, event: event, anchor: data.anchor, tag: data.tag)
            node.style = Self.style(data.style)
            node.text = text
            node.range = node.range.lowerBound..<byteOffset(event.end_mark)
            node.endLine = Int(event.end_mark.line) + 1
            node.contentStart = min(contentStart(of: node), node.range.upperBound)
            return add(node)
        case YAML_ALIAS_EVENT:
            var node = makeNode(.alias, event: event, anchor: nil, tag: nil)
            node.text = event.data.alias.anchor.map { String(cString: $0) } ?? ""
            node.range = node.range.lowerBound..<byteOffset(event.end_mark)
            node.endLine = Int(event.end_mark.line) + 1
            return add(node)
        case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
            guard open.count < limits.maxDepth else {
                error = YAMLError(kind: .depthLimit, message: "nesting is deeper than \(limits.maxDepth) levels", mark: EventReader.mark(event.start_mark))
                return false
            }
            let isMapping = event.type == YAML_MAPPING_START_EVENT
            var node = isMapping
                ? makeNode(.mapping, event: event, anchor: event.data.mapping_start.anchor, tag: event.data.mapping_start.tag)
                : makeNode(.sequence, event: event, anchor: event.data.sequence_start.anchor, tag: event.data.sequence_start.tag)
            node.isFlow = isMapping
                ? event.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE
                : event.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE
            node.contentStart = contentStart(of: node)
            guard add(node) else { return false }
            open.append(SyntaxNode.ID(rawValue: nodes.count - 1))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard let id = open.popLast() else { return true }
            var node = nodes[id.rawValue]
            if node.isFlow || node.children.isEmpty {
                node.range = node.range.lowerBound..<byteOffset(event.end_mark)
                node.endLine = Int(event.end_mark.line) + 1
            } else if let last = node.children.last {
                node.range = node.range.lowerBound..<nodes[last.rawValue].range.upperBound
                node.endLine = nodes[last.rawValue].endLine
            }
            nodes[id.rawValue] = node
        default:
            break
        }
        return true
    }

    private func makeNode(
        _ kind: SyntaxNode.Kind, event: yaml_event_t,
        anchor: UnsafeMutablePointer<yaml_char_t>?, tag: UnsafeMutablePointer<yaml_char_t>?
    ) -> SyntaxNode {
        let start = byteOffset(event.start_mark)
        return SyntaxNode(
            kind: kind, style: .plain, isFlow: false, range: start..<start, contentStart: start,
            start: EventReader.mark(event.start_mark), endLine: Int(event.start_mark.line) + 1,
            anchor: anchor.map { String(cString: $0) }, tag: tag.map { String(cString: $0) },
            text: "", children: [], parent: open.last
        )
    }

    /// No bound on the count: aliases are not expanded here, so nodes never outnumber events.
    private mutating func add(_ node: SyntaxNode) -> Bool {
        let id = SyntaxNode.ID(rawValue: nodes.count)
        nodes.append(node)
        if let parent = node.parent {
            nodes[parent.rawValue].children.append(id)
        } else {
            root = id
        }
        return true
    }

    /// Where a node's text begins: past its `&anchor` and `!tag` properties and the blanks,
    /// line breaks and comments after them.
    private func contentStart(of node: SyntaxNode) -> Int {
        var position = node.range.lowerBound
        guard node.anchor != nil || node.tag != nil else { return position }
        let end = bytes.count
        while position < end {
            let byte = bytes[position]
            if byte == UInt8(ascii: "&") || byte == UInt8(ascii: "!") {
                while position < end, !Self.isBlank(bytes[position]) { position += 1 }
            } else if Self.isBlank(byte) {
                position += 1
            } else if byte == UInt8(ascii: "#") {
                while position < end, bytes[position] != UInt8(ascii: "\n"), bytes[position] != UInt8(ascii: "\r") { position += 1 }
            } else {
                break
            }
        }
        return position
    }

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }

    private static func style(_ style: yaml_scalar_style_t) -> ScalarStyle {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
    }
}
