import Testing
@testable import KubeLintYAML

/// The parser's nodes live in a flat arena; these check that reading them through every
/// accessor, and changing them, behaves exactly as free-standing values do.
@Suite("Parsed nodes behave as values")
struct NodeStorageTests {
    private func root(_ text: String) throws -> Node {
        let stream = YAMLParser.parse(text)
        #expect(stream.error == nil)
        return try #require(stream.documents.first?.root)
    }

    @Test func accessorsAgreeWithContent() throws {
        let node = try root("list: [a, {b: c}]\nmap: !custom {x: 1}\nempty:\ntext: !!str 12\n")
        let list = try #require(node["list"])
        #expect(list.kind == .sequence)
        #expect(list.items?.count == 2)
        #expect(list.pairs == nil && list.scalar == nil)
        guard case .sequence(let items) = list.content else {
            Issue.record("list is not a sequence")
            return
        }
        #expect(items[1]["b"]?.scalar?.text == "c")
        #expect(node["map"]?.tag == "!custom")
        #expect(node["map"]?["x"]?.tag == nil)
        #expect(node["empty"]?.isNull == true)
        #expect(node["text"]?.isNull == false)
        #expect(node["text"]?.scalar?.tag == "tag:yaml.org,2002:str")
        #expect(node["text"]?.typeDescription == "a string")
        #expect(node.pairs?.map { $0.key.scalar?.text } == ["list", "map", "empty", "text"])
    }

    @Test func changingAParsedNodeLeavesTheTreeAlone() throws {
        let node = try root("a:\n  b: 1\n")
        var copy = try #require(node["a"])
        copy.start = Mark(offset: 0, line: 99, column: 7)
        #expect(copy.start.line == 99)
        #expect(copy["b"]?.scalar?.text == "1")
        #expect(node["a"]?.start.line == 2)
        copy.content = .scalar(Scalar("replaced"))
        #expect(copy.scalar?.text == "replaced")
        #expect(copy.start.line == 99)
        #expect(node["a"]?["b"]?.scalar?.text == "1")
    }

    @Test func keysCompareAsTextNotBytes() throws {
        // U+212A KELVIN SIGN is canonically equivalent to "K", as Swift's String equality sees it.
        let node = try root("\u{212A}ind: Pod\n")
        #expect(node["Kind"]?.scalar?.text == "Pod")
        #expect(node["kind"] == nil)
    }

    @Test func canonicallyEqualKeysAreDuplicates() throws {
        // "é" precomposed, then as "e" and a combining acute accent.
        let stream = YAMLParser.parse("caf\u{E9}: 1\ncafe\u{301}: 2\nother: 3\n")
        let problems = stream.documents.first?.problems ?? []
        #expect(problems.count == 1)
        #expect(problems.first?.mark.line == 2)
    }

    @Test func duplicateKeysInLargeMappings() throws {
        var text = ""
        for index in 0..<80 { text += "key\(index): v\n" }
        text += "key7: again\n"
        let problems = YAMLParser.parse(text).documents.first?.problems ?? []
        #expect(problems == [YAMLProblem(kind: .duplicateKey(key: "key7", first: Mark(offset: 56, line: 8, column: 1)), mark: Mark(offset: 710, line: 81, column: 1))])
    }

    @Test func aliasCopiesKeepChildPositions() throws {
        let node = try root("base: &b\n  x: 1\nuse: *b\n")
        let use = try #require(node["use"])
        #expect(use.start.line == 3 && use.start.column == 6)
        #expect(use["x"]?.start.line == 2)
    }

    @Test func scalarTextIsExactWhetherCopiedOrReadInPlace() throws {
        // Unchanged plain and quoted scalars are read where they stand in the file; escapes,
        // doubled quotes and folded lines are copied. Both must give libyaml's value.
        let node = try root("a: plain text\nb: 'it''s'\nc: \"tab\\there\"\nd: \"as is\"\ne: two\n  lines\nf: |\n  block\n")
        #expect(node["a"]?.scalar?.text == "plain text")
        #expect(node["b"]?.scalar?.text == "it's")
        #expect(node["c"]?.scalar?.text == "tab\there")
        #expect(node["d"]?.scalar?.text == "as is")
        #expect(node["d"]?.start.column == 4)
        #expect(node["e"]?.scalar?.text == "two lines")
        #expect(node["f"]?.scalar?.text == "block\n")
        let crlf = try root("k: 'v'\r\nw: x y\r\n")
        #expect(crlf["k"]?.scalar?.text == "v")
        #expect(crlf["w"]?.scalar?.text == "x y")
        #expect(crlf["w"]?.start.line == 2)
        let unicode = try root("é: café\nk: 'naïve'\n")
        #expect(unicode["é"]?.scalar?.text == "café")
        #expect(unicode["k"]?.scalar?.text == "naïve")
    }
}

@Suite("Node records")
struct NodeRecordTests {
    @Test func packedFieldsRoundTrip() {
        for kind in [Node.Kind.scalar, .sequence, .mapping] {
            for style in [ScalarStyle.plain, .singleQuoted, .doubleQuoted, .literal, .folded] {
                for (hasTag, inSource) in [(false, false), (true, false), (false, true), (true, true)] {
                    var record = NodeRecord(kind: kind, style: style, hasTag: hasTag, inSource: inSource, first: 7, count: 9)
                    record.storedLine = 0xAB_CDEF
                    #expect(record.kind == kind && record.style == style && record.hasTag == hasTag && record.inSource == inSource)
                    #expect(record.storedLine == 0xAB_CDEF && record.range == 7..<16)
                    record.storedLine = UInt32.max
                    #expect(record.storedLine == NodeRecord.wideLine && record.kind == kind && record.inSource == inSource)
                }
            }
        }
        #expect(MemoryLayout<NodeRecord>.stride == 20)
    }

    @Test func linesPastTwentyFourBitsKeepTheirNumbers() throws {
        // 16 777 215 lines do not fit the record's 24 bits: the arena keeps them aside.
        let blank = 16_777_300
        var bytes = [UInt8](repeating: UInt8(ascii: "\n"), count: blank)
        bytes += Array("c: &x d\na: [b, *x]\n---\n[unclosed\n".utf8)
        let stream = YAMLParser.parse(bytes)
        let root = try #require(stream.documents.first?.root)
        #expect(root.start.line == blank + 1)
        #expect(root["c"]?.start == Mark(offset: blank + 3, line: blank + 1, column: 4))
        #expect(root["a"]?.items?.first?.start == Mark(offset: blank + 12, line: blank + 2, column: 5))
        #expect(root["a"]?.items?.last?.start == Mark(offset: blank + 15, line: blank + 2, column: 8))
        #expect(root["a"]?.items?.last?.scalar?.text == "d")
        #expect(stream.error?.mark.line ?? 0 > blank + 3)
    }
}
