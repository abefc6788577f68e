import Testing
@testable import KubeLintYAML

/// The accessors that read a scalar without building `content` (`scalarUTF8`,
/// `isEvidentlyString`) must agree with `content` for parsed and free-standing nodes alike.
/// The same tree built from `content`, so that no node of it is backed by the arena.
private func standalone(_ node: Node) -> Node {
    switch node.content {
    case .scalar(let scalar):
        return Node(.scalar(scalar), start: node.start, tag: node.tag)
    case .sequence(let items):
        return Node(.sequence(items.map(standalone)), start: node.start, tag: node.tag)
    case .mapping(let pairs):
        return Node(.mapping(pairs.map { Pair(key: standalone($0.key), value: standalone($0.value)) }), start: node.start, tag: node.tag)
    }
}

@Suite("Reading scalars without building content")
struct NodeWalkingTests {
    private static let text = """
        name: web
        ports: [80, "443", {name: tls}]
        empty: []
        values:
          a: 1
          b: "two"
          c: ~
          d: yes
          e: 'x'
          f: |
            block
          g: .5
          h: -1
          i: z9
          j: !!str 3
          k: !custom yes
          l: ""
          m:
        caf\u{E9}: non-ASCII
        """

    private static func parsed() throws -> Node {
        let stream = YAMLParser.parse(text)
        #expect(stream.error == nil)
        return try #require(stream.documents.first?.root)
    }

    /// Checks every accessor of `node` and its descendants against `content`.
    private static func check(_ node: Node) {
        switch node.content {
        case .scalar(let scalar):
            #expect(node.scalarUTF8.map { Array($0) } == Array(scalar.text.utf8))
            if node.isEvidentlyString {
                #expect(scalar.resolved == .string(scalar.text), "\(scalar.text) is not a string")
            }
        case .sequence(let items):
            #expect(node.scalarUTF8 == nil && !node.isEvidentlyString)
            items.forEach(check)
        case .mapping(let pairs):
            #expect(node.scalarUTF8 == nil && !node.isEvidentlyString)
            for pair in pairs {
                check(pair.key)
                check(pair.value)
            }
        }
    }

    @Test func parsedNodesAgreeWithContent() throws {
        Self.check(try Self.parsed())
    }

    @Test func freeStandingNodesAgreeWithContent() throws {
        Self.check(standalone(try Self.parsed()))
    }

    @Test func evidentStringsAreThoseThatCannotBeAnythingElse() throws {
        let values = try #require(try Self.parsed()["values"])
        let evident = (values.pairs ?? []).filter(\.value.isEvidentlyString).compactMap(\.key.scalar?.text)
        // Quoted and block scalars, and plain ones starting with a letter that begins no
        // keyword; `i: z9` is a string too, `j: !!str 3` is one but only by its tag.
        #expect(evident == ["b", "e", "f", "i", "l"])
    }
}

/// `NodeTable` reads parsed nodes by number; `NodeTable.copying` puts hand-built nodes in a
/// table. Both must answer as `Node` does.
@Suite("Node tables")
struct NodeTableTests {
    private static let text = """
        name: web
        ports: [80, "443", {name: tls}]
        base: &b {x: 1}
        use: *b
        values:
          a: !custom 1
          b: 'two'
          c: ~
          d: |
            block
          c: again
        list: !!seq [a, b]
        caf\\u{E9}: non-ASCII
        """

    /// Checks every accessor for `id` in `table` against `node`, and their descendants.
    private static func check(_ table: NodeTable, _ id: UInt32, against node: Node) {
        #expect(table.kind(id) == node.kind)
        #expect(table.start(id) == node.start)
        #expect(table.isNull(id) == node.isNull)
        // "Evident" may say less than the full resolution, never something else.
        #expect(!table.isEvidentlyString(id) || node.scalar.map { $0.resolved == .string($0.text) } == true)
        #expect(table.scalarUTF8(id).map { Array($0) } == node.scalarUTF8.map { Array($0) })
        #expect(table.node(id).tag == node.tag)
        #expect(table.node(id).scalar == node.scalar)
        switch node.content {
        case .scalar:
            #expect(table.childCount(id) == 0)
        case .sequence(let items):
            #expect(table.childCount(id) == items.count)
            for (position, item) in items.enumerated() {
                check(table, table.item(id, at: position), against: item)
            }
        case .mapping(let pairs):
            #expect(table.childCount(id) == pairs.count)
            for (position, pair) in pairs.enumerated() {
                let entry = table.entry(id, at: position)
                check(table, entry.key, against: pair.key)
                check(table, entry.value, against: pair.value)
                if let key = pair.key.scalar?.text {
                    let found = table.entry(id, key: key)
                    #expect(found.map { table.start($0.value) } == node.pair(key)?.value.start, "\(key)")
                }
            }
            #expect(table.entry(id, key: "missing") == nil)
        }
    }

    @Test func parsedNodesReadByNumber() throws {
        let root = try #require(YAMLParser.parse(Self.text).documents.first?.root)
        let (table, id) = try #require(root.tableEntry)
        Self.check(table, id, against: root)
    }

    @Test func handBuiltNodesCopiedIntoATable() throws {
        let root = standalone(try #require(YAMLParser.parse(Self.text).documents.first?.root))
        #expect(root.tableEntry == nil)
        let (table, id) = NodeTable.copying(root)
        Self.check(table, id, against: root)
        let scalar = Node(scalar: "alone", style: .doubleQuoted, at: Mark(offset: 3, line: 20_000_000, column: 2))
        let copied = NodeTable.copying(scalar)
        Self.check(copied.table, copied.root, against: scalar)
    }
}
