/// Why an edit was not made: the document is written in a way the edit cannot change safely.
public struct EditRefusal: Error, Sendable, Hashable {
    public var reason: String

    public init(_ reason: String) {
        self.reason = reason
    }
}

/// Computes the text edits that change one document of a file the way a careful person would:
/// only the keys, values and lines that must change, in the document's own style (block or
/// flow, its indentation, its line breaks). Every operation also records what the document
/// must mean afterwards (`expectation`), which `verify` checks by parsing the edited text.
///
/// Operations throw `EditRefusal` when the document is written in a way they do not handle
/// (merge keys, anchors, entries that are not next to each other...); the caller skips the
/// fix and says why.
public struct DocumentEditor: Sendable {
    public let tree: SyntaxTree
    public let document: SyntaxDocument
    public private(set) var edits: [TextEdit] = []
    public private(set) var expectation = EditExpectation()
    let layout: SourceLayout
    /// Spaces per nesting level in this document (2 when it cannot tell).
    let indentStep: Int
    /// The file is JSON (a `.json` manifest): new keys and scalars are written in double quotes,
    /// and nothing is written in block style, so that it stays JSON.
    public let json: Bool

    public init(tree: SyntaxTree, document: SyntaxDocument, json: Bool = false) {
        self.tree = tree
        self.document = document
        self.json = json
        layout = SourceLayout(tree.bytes)
        indentStep = Self.indentStep(of: document, in: tree)
        expectation.quotesNewScalars = json
    }

    /// A new key or scalar as written: plain, or double-quoted in JSON.
    private func written(_ text: String) -> String {
        json ? Self.doubleQuoted(text) : text
    }

    /// The file's bytes with this editor's edits applied.
    public var editedBytes: [UInt8] { TextPatch.apply(edits, to: tree.bytes) }

    /// Nil when the edited text parses to what the edits meant; otherwise why not.
    public func verify() -> String? {
        expectation.mismatch(original: tree, document: document.index, edited: SyntaxTree(editedBytes))
    }

    // MARK: - Scalars

    /// Replaces a scalar's text, keeping how it is quoted (`apiVersion: "apps/v1beta1"` stays
    /// double-quoted). `text` must need no escaping.
    public mutating func replaceScalar(_ id: SyntaxNode.ID, with text: String) throws(EditRefusal) {
        let node = tree[id]
        try requireEditable(id, what: "the value")
        guard !text.contains(where: { "\"'\\\n\r#".contains($0) }) else { throw EditRefusal("'\(text)' would need quoting") }
        switch node.style {
        case .plain:
            edits.append(TextEdit(range: node.contentStart..<node.range.upperBound, text))
        case .singleQuoted, .doubleQuoted:
            guard node.range.upperBound - node.contentStart >= 2 else { throw EditRefusal("the value at line \(node.start.line) is not where it should be") }
            edits.append(TextEdit(range: (node.contentStart + 1)..<(node.range.upperBound - 1), text))
        case .literal, .folded:
            throw EditRefusal("the value is a block scalar")
        }
        expectation.scalars[id] = .scalar(text: text, plain: node.style == .plain, tag: node.tag, anchor: node.anchor)
    }

    /// Writes a plain scalar in double quotes, so that it keeps the text it was written with
    /// (`False` stays the string "False"); an empty value becomes `""`.
    public mutating func quote(_ id: SyntaxNode.ID) throws(EditRefusal) {
        let node = tree[id]
        try requireEditable(id, what: "the value")
        guard node.style == .plain else { throw EditRefusal("the value is already quoted") }
        let quoted = Self.doubleQuoted(node.text)
        if node.range.isEmpty {
            // An empty value stands right after its `:`; keep a space between them.
            let afterColon = node.contentStart > 0 && tree.bytes[node.contentStart - 1] == UInt8(ascii: ":")
            edits.append(.insert((afterColon ? " " : "") + quoted, at: node.contentStart))
        } else {
            edits.append(TextEdit(range: node.contentStart..<node.range.upperBound, quoted))
        }
        expectation.scalars[id] = .scalar(text: node.text, plain: false, tag: node.tag, anchor: node.anchor)
    }

    public static func doubleQuoted(_ text: String) -> String {
        var result = "\""
        for character in text {
            switch character {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            default: result.append(character)
            }
        }
        return result + "\""
    }

    // MARK: - Mapping entries

    /// One entry of a rewritten run: an existing entry under a new key path, or a new plain
    /// scalar. The path's last key is the entry's key, the ones before it the mappings it
    /// moves into (`["service", "port", "number"]`).
    public enum RunItem: Sendable, Hashable {
        case original(pair: Int, path: [String])
        case literal(path: [String], value: String)

        var path: [String] {
            switch self {
            case .original(_, let path), .literal(let path, _): path
            }
        }
    }

    /// Rewrites a run of adjacent entries of a mapping into new keys and nested mappings,
    /// keeping each existing entry's value, line and comment where they are: only keys and
    /// indentation change (`serviceName: web` / `servicePort: 80` become `service:` / `name:
    /// web` / `port:` / `number: 80`, or `{service: {name: web, port: {number: 80}}}` in flow
    /// style). Existing entries keep their order and must be adjacent; the items of one new
    /// mapping must follow each other.
    public mutating func rewrite(_ mapping: SyntaxNode.ID, items: [RunItem]) throws(EditRefusal) {
        try requireMapping(mapping)
        let pairs = tree.pairs(mapping)
        let originals = items.compactMap { item -> Int? in
            if case .original(let pair, _) = item { return pair }
            return nil
        }
        guard let first = originals.first, let last = originals.last, originals == Array(first...last),
              last < pairs.count else {
            let names = originals.filter { $0 < pairs.count }.map { tree.text(pairs[$0].key) }
            throw EditRefusal("\(names.joined(separator: " and ")) are not next to each other")
        }
        try requireTreeOrder(items)
        for index in originals {
            try requirePlainKey(pairs[index].key)
        }
        let entries = Self.entries(of: items[...], depth: 0, pairs: pairs)
        if json && !tree[mapping].isFlow { throw EditRefusal("the JSON file has a mapping in block style at line \(tree[mapping].start.line)") }
        if tree[mapping].isFlow {
            rewriteFlow(pairs: pairs, items: items)
        } else {
            try rewriteBlock(mapping, pairs: pairs, items: items)
        }
        expectation.runs[mapping, default: []].append(EditExpectation.Run(pairs: first...last, entries: entries))
    }

    /// Renames the key of a mapping entry.
    public mutating func renameKey(_ mapping: SyntaxNode.ID, pair: Int, to key: String) throws(EditRefusal) {
        try rewrite(mapping, items: [.original(pair: pair, path: [key])])
    }

    /// Inserts entries into a mapping: before the entry with key `before` when there is one
    /// (and it starts its line), else after the last entry.
    public mutating func insert(_ entries: [NewEntry], into mapping: SyntaxNode.ID, before key: String? = nil) throws(EditRefusal) {
        try requireMapping(mapping)
        let pairs = tree.pairs(mapping)
        let node = tree[mapping]
        let anchorIndex = key.flatMap { key in pairs.lastIndex { tree[$0.key].text == key } }
        if node.isFlow {
            let text = try entries.map { entry throws(EditRefusal) in try flowText(entry) }.joined(separator: ", ")
            if let anchorIndex {
                edits.append(.insert(text + ", ", at: tree[pairs[anchorIndex].key].range.lowerBound))
            } else if let lastPair = pairs.last {
                edits.append(.insert(", " + text, at: tree[lastPair.value].range.upperBound))
            } else {
                edits.append(.insert(text, at: node.contentStart + 1))
            }
            expectation.insertions[mapping, default: []].append(.init(before: anchorIndex ?? pairs.count, entries: entries))
            return
        }
        if json { throw EditRefusal("the JSON file has a mapping in block style at line \(node.start.line)") }
        let column = keyColumn(mapping)
        var lines: [(depth: Int, text: String)] = []
        for entry in entries { lines += try blockLines(entry, depth: 0) }
        if let anchorIndex, layout.isFirstOnLine(tree[pairs[anchorIndex].key].range.lowerBound) {
            let lineBreak = layout.lineBreak(near: tree[pairs[anchorIndex].key].range.lowerBound)
            let text = lines.map { indentation(column, $0.depth) + $0.text + lineBreak }.joined()
            edits.append(.insert(text, at: layout.lineStart(of: tree[pairs[anchorIndex].key].range.lowerBound)))
            expectation.insertions[mapping, default: []].append(.init(before: anchorIndex, entries: entries))
            return
        }
        guard let lastPair = pairs.last else { throw EditRefusal("the mapping is empty") }
        appendLines(lines, column: column, afterValue: lastPair.value)
        expectation.insertions[mapping, default: []].append(.init(before: pairs.count, entries: entries))
    }

    // MARK: - Block and flow text

    private mutating func rewriteBlock(_ mapping: SyntaxNode.ID, pairs: [(key: SyntaxNode.ID, value: SyntaxNode.ID)], items: [RunItem]) throws(EditRefusal) {
        let column = keyColumn(mapping)
        var open: [String] = []
        var pending: [(depth: Int, text: String)] = []
        var isFirstOriginal = true
        var lastValue: SyntaxNode.ID?
        for item in items {
            let prefix = Array(item.path.dropLast())
            let key = item.path.last ?? ""
            let common = Self.commonPrefixCount(open, prefix)
            for level in common..<prefix.count { pending.append((level, prefix[level] + ":")) }
            open = prefix
            let depth = prefix.count
            switch item {
            case .literal(_, let value):
                pending.append((depth, key + ": " + value))
            case .original(let index, _):
                let keyNode = tree[pairs[index].key]
                let lineBreak = layout.lineBreak(near: keyNode.range.lowerBound)
                if isFirstOriginal {
                    // The key may follow `- ` on its line: the new text starts where it does.
                    var text = ""
                    for (position, line) in pending.enumerated() {
                        text += (position == 0 ? "" : lineBreak + indentation(column, line.depth)) + line.text
                    }
                    text += (pending.isEmpty ? "" : lineBreak + indentation(column, depth)) + key
                    edits.append(TextEdit(range: keyNode.range, text))
                } else {
                    guard layout.isFirstOnLine(keyNode.range.lowerBound) else { throw EditRefusal("'\(keyNode.text)' does not start its line") }
                    let text = pending.map { indentation(column, $0.depth) + $0.text + lineBreak }.joined() + indentation(column, depth) + key
                    edits.append(TextEdit(range: layout.lineStart(of: keyNode.range.lowerBound)..<keyNode.range.upperBound, text))
                }
                shiftFurtherLines(from: keyNode.range.lowerBound, to: tree[pairs[index].value].range.upperBound, by: depth * indentStep)
                pending = []
                isFirstOriginal = false
                lastValue = pairs[index].value
            }
        }
        if !pending.isEmpty, let lastValue {
            appendLines(pending, column: column, afterValue: lastValue)
        }
    }

    private enum FlowToken {
        case open(String)
        case close
        case literal(key: String, value: String)
        case original(pair: Int, key: String)
    }

    /// Flow style: new mappings open before the key of the first entry they hold and close
    /// after the value of the last, so the existing commas and spacing stay.
    private mutating func rewriteFlow(pairs: [(key: SyntaxNode.ID, value: SyntaxNode.ID)], items: [RunItem]) {
        var tokens: [FlowToken] = []
        var open: [String] = []
        for item in items {
            let prefix = Array(item.path.dropLast())
            let key = item.path.last ?? ""
            let common = Self.commonPrefixCount(open, prefix)
            tokens += Array(repeating: .close, count: open.count - common)
            tokens += prefix[common...].map { .open(written($0)) }
            open = prefix
            switch item {
            case .literal(_, let value): tokens.append(.literal(key: written(key), value: written(value)))
            case .original(let pair, _): tokens.append(.original(pair: pair, key: written(key)))
            }
        }
        tokens += Array(repeating: .close, count: open.count)
        var previousValue: SyntaxNode.ID?
        var between: [FlowToken] = []
        for token in tokens {
            guard case .original(let pair, let key) = token else {
                between.append(token)
                continue
            }
            // Closings belong right after the previous value, before its comma; what opens
            // goes before this key.
            var split = -1
            if let previousValue, let lastClose = between.lastIndex(where: { if case .close = $0 { true } else { false } }) {
                split = lastClose
                edits.append(.insert(Self.flowTextAfterValue(between[0...lastClose]), at: tree[previousValue].range.upperBound))
            }
            edits.append(TextEdit(range: tree[pairs[pair].key].range, Self.flowTextBeforeKey(between[(split + 1)...]) + key))
            previousValue = pairs[pair].value
            between = []
        }
        if let previousValue, !between.isEmpty {
            edits.append(.insert(Self.flowTextAfterValue(between[...]), at: tree[previousValue].range.upperBound))
        }
    }

    private static func flowTextAfterValue(_ tokens: ArraySlice<FlowToken>) -> String {
        var text = ""
        var justOpened = false
        for token in tokens {
            switch token {
            case .close:
                text += "}"
                justOpened = false
            case .open(let name):
                text += (justOpened ? "" : ", ") + name + ": {"
                justOpened = true
            case .literal(let key, let value):
                text += (justOpened ? "" : ", ") + key + ": " + value
                justOpened = false
            case .original:
                break
            }
        }
        return text
    }

    private static func flowTextBeforeKey(_ tokens: ArraySlice<FlowToken>) -> String {
        var text = ""
        for token in tokens {
            switch token {
            case .open(let name):
                text += name + ": {"
            case .literal(let key, let value):
                text += key + ": " + value + ", "
            case .close:
                if text.hasSuffix(", ") { text.removeLast(2) }
                text += "}, "
            case .original:
                break
            }
        }
        return text
    }

    /// Adds `lines` after an entry's value: on the lines that follow it, at `column` plus
    /// their depth.
    private mutating func appendLines(_ lines: [(depth: Int, text: String)], column: Int, afterValue value: SyntaxNode.ID) {
        let end = tree[value].range.upperBound
        let lineBreak = layout.lineBreak(near: max(0, end - 1))
        if end > 0, end == layout.lineStart(of: end), end <= tree.bytes.count, tree[value].range.lowerBound < end {
            // A block scalar ends at the start of the line after it.
            let text = lines.map { indentation(column, $0.depth) + $0.text + lineBreak }.joined()
            edits.append(.insert(text, at: end))
        } else {
            let text = lines.map { lineBreak + indentation(column, $0.depth) + $0.text }.joined()
            edits.append(.insert(text, at: layout.lineEnd(of: end)))
        }
    }

    /// Indents the lines after the one at `start`, up to `end`, by `spaces` more: a value moved
    /// one level deeper. Blank lines stay as they are (in a block scalar they could turn into
    /// text).
    private mutating func shiftFurtherLines(from start: Int, to end: Int, by spaces: Int) {
        guard spaces > 0 else { return }
        for lineStart in layout.lineStarts(after: start, before: end) where !layout.isBlankLine(lineStart) {
            edits.append(.insert(String(repeating: " ", count: spaces), at: lineStart))
        }
    }

    private func blockLines(_ entry: NewEntry, depth: Int) throws(EditRefusal) -> [(depth: Int, text: String)] {
        let key = try keyText(entry)
        switch entry.value {
        case .plain(let text):
            return [(depth, key + ": " + text)]
        case .original(let id):
            return [(depth, key + ": " + (try sourceText(id)))]
        case .mapping(let children):
            if children.isEmpty { return [(depth, key + ": {}")] }
            var lines = [(depth: depth, text: key + ":")]
            for child in children { lines += try blockLines(child, depth: depth + 1) }
            return lines
        }
    }

    private func flowText(_ entry: NewEntry) throws(EditRefusal) -> String {
        let key = try keyText(entry)
        switch entry.value {
        case .plain(let text):
            return key + ": " + written(text)
        case .original(let id):
            return key + ": " + (try sourceText(id))
        case .mapping(let children):
            let inner = try children.map { child throws(EditRefusal) in try flowText(child) }.joined(separator: ", ")
            return key + ": {" + inner + "}"
        }
    }

    private func keyText(_ entry: NewEntry) throws(EditRefusal) -> String {
        guard let keyNode = entry.keyNode else { return written(entry.key) }
        try requirePlainKey(keyNode)
        return try sourceText(keyNode)
    }

    /// The source text of a node that is copied elsewhere: a scalar or flow collection on one line.
    private func sourceText(_ id: SyntaxNode.ID) throws(EditRefusal) -> String {
        let node = tree[id]
        guard node.start.line == node.endLine, node.kind != .alias, node.anchor == nil,
              node.kind == .scalar ? (node.style != .literal && node.style != .folded) : node.isFlow else {
            throw EditRefusal("'\(node.text.isEmpty ? "a value" : node.text)' at line \(node.start.line) spans lines or is anchored")
        }
        return String(decoding: tree.bytes[node.range], as: UTF8.self)
    }

    // MARK: - Checks

    private func requireEditable(_ id: SyntaxNode.ID, what: String) throws(EditRefusal) {
        let node = tree[id]
        guard node.kind == .scalar else { throw EditRefusal("\(what) at line \(node.start.line) is \(node.kind == .alias ? "an alias" : "not a scalar")") }
        guard node.anchor == nil else { throw EditRefusal("\(what) at line \(node.start.line) is anchored (&\(node.anchor ?? "")) and may be used elsewhere") }
        guard node.start.line == node.endLine else { throw EditRefusal("\(what) at line \(node.start.line) spans several lines") }
    }

    private func requireMapping(_ id: SyntaxNode.ID) throws(EditRefusal) {
        let node = tree[id]
        guard node.kind == .mapping else { throw EditRefusal("line \(node.start.line) holds \(node.kind == .alias ? "an alias" : "no mapping")") }
        if tree.pairs(id).contains(where: { tree[$0.key].kind == .scalar && tree[$0.key].style == .plain && tree[$0.key].text == "<<" }) {
            throw EditRefusal("the mapping at line \(node.start.line) uses a merge key (<<)")
        }
    }

    private func requirePlainKey(_ id: SyntaxNode.ID) throws(EditRefusal) {
        let node = tree[id]
        guard node.kind == .scalar, node.anchor == nil, node.tag == nil, node.start.line == node.endLine else {
            throw EditRefusal("the key at line \(node.start.line) is not a simple scalar")
        }
    }

    /// The items of one new mapping follow each other: a mapping closed is not opened again.
    private func requireTreeOrder(_ items: [RunItem]) throws(EditRefusal) {
        var open: [String] = []
        var closed: Set<[String]> = []
        for item in items {
            guard !item.path.isEmpty else { throw EditRefusal("an entry has no key") }
            let prefix = Array(item.path.dropLast())
            let common = Self.commonPrefixCount(open, prefix)
            for level in stride(from: open.count, to: common, by: -1) { closed.insert(Array(open[0..<level])) }
            for level in (common + 1)...max(common + 1, prefix.count) where level <= prefix.count {
                guard !closed.contains(Array(prefix[0..<level])) else {
                    throw EditRefusal("the entries that go into '\(prefix[0..<level].joined(separator: "."))' are not next to each other")
                }
            }
            open = prefix
        }
    }

    // MARK: - Layout

    /// The column (0-based) where a block mapping's keys start.
    private func keyColumn(_ mapping: SyntaxNode.ID) -> Int {
        guard let first = tree[mapping].children.first else { return 0 }
        return tree[first].start.column - 1
    }

    private func indentation(_ column: Int, _ depth: Int) -> String {
        String(repeating: " ", count: column + depth * indentStep)
    }

    static func commonPrefixCount(_ lhs: [String], _ rhs: [String]) -> Int {
        zip(lhs, rhs).prefix { $0 == $1 }.count
    }

    /// The indentation the document uses for nested mappings: the most common difference
    /// between a block mapping's keys and the key that holds it (2 when there is none).
    static func indentStep(of document: SyntaxDocument, in tree: SyntaxTree) -> Int {
        guard let root = document.root else { return 2 }
        var counts: [Int: Int] = [:]
        var stack = [root]
        while let id = stack.popLast() {
            let node = tree[id]
            stack.append(contentsOf: node.children)
            guard node.kind == .mapping, !node.isFlow else { continue }
            for pair in tree.pairs(id) {
                let value = tree[pair.value]
                guard value.kind == .mapping, !value.isFlow, let firstKey = value.children.first else { continue }
                let step = tree[firstKey].start.column - tree[pair.key].start.column
                if step > 0 { counts[step, default: 0] += 1 }
            }
        }
        return counts.max { ($0.value, -$0.key) < ($1.value, -$1.key) }?.key ?? 2
    }

    /// `items` as the nested entries they describe.
    static func entries(of items: ArraySlice<RunItem>, depth: Int, pairs: [(key: SyntaxNode.ID, value: SyntaxNode.ID)]) -> [NewEntry] {
        var result: [NewEntry] = []
        var index = items.startIndex
        while index < items.endIndex {
            let item = items[index]
            let path = item.path
            if path.count == depth + 1 {
                switch item {
                case .original(let pair, let path):
                    result.append(NewEntry(path[depth], .original(pairs[pair].value)))
                case .literal(let path, let value):
                    result.append(NewEntry(path[depth], .plain(value)))
                }
                index += 1
                continue
            }
            let name = path[depth]
            var end = index
            while end < items.endIndex, items[end].path.count > depth + 1, items[end].path[depth] == name { end += 1 }
            result.append(NewEntry(name, .mapping(entries(of: items[index..<end], depth: depth + 1, pairs: pairs))))
            index = end
        }
        return result
    }
}
