import Testing
@testable import KubeLintYAML

/// Tricky corners of YAML 1.1/1.2, checked against what libyaml itself accepts and rejects and
/// where it places marks. Expectations were written from the specs and confirmed against
/// libyaml 0.2.5 through another binding (PyYAML's CParser), not derived from kubelint's output.
@Suite("YAML conformance: block scalars, flow, anchors, keys, directives")
struct ConformanceTests {
    private func root(_ text: String) throws -> Node {
        let stream = YAMLParser.parse(text)
        if let error = stream.error { Issue.record("unexpected error: \(error)") }
        return try #require(stream.documents.first?.root)
    }

    private func error(_ text: String) throws -> YAMLError {
        try #require(YAMLParser.parse(text).error, "libyaml rejects this, kubelint must too")
    }

    // MARK: Block scalars

    @Test func literalChomping() throws {
        let node = try root("clip: |\n  a\n  b\n\nstrip: |-\n  a\n\nkeep: |+\n  a\n\n\nlast: x\n")
        #expect(node["clip"]?.scalar?.text == "a\nb\n")
        #expect(node["strip"]?.scalar?.text == "a")
        #expect(node["keep"]?.scalar?.text == "a\n\n\n")
    }

    @Test func foldedScalarsJoinLinesButKeepMoreIndentedOnes() throws {
        let node = try root("f: >\n  one\n  two\n\n  three\n    indented\n  four\n")
        #expect(node["f"]?.scalar?.text == "one two\nthree\n  indented\nfour\n")
        #expect(node["f"]?.scalar?.style == .folded)
    }

    @Test func indentationIndicatorKeepsLeadingSpaces() throws {
        let node = try root("s: |2\n    four spaces\n  two\n")
        #expect(node["s"]?.scalar?.text == "  four spaces\ntwo\n")
    }

    @Test func blockScalarPositionIsItsIndicator() throws {
        let node = try root("key: |\n  text\n")
        #expect(node["key"]?.start.line == 1)
        #expect(node["key"]?.start.column == 6)
    }

    @Test func blockScalarLessIndentedLineIsRejected() throws {
        let error = try error("a:\n  b: |\n    x\n   y: 1\n")
        #expect(error.kind == .syntax)
    }

    // MARK: Flow collections

    @Test func flowCollectionsWithPositions() throws {
        let node = try root("m: {a: 1, b: [2, 3]}\n")
        let inner = try #require(node["m"]?["b"])
        #expect(inner.start.column == 14)
        #expect(inner.items?.map { $0.start.column } == [15, 18])
    }

    @Test func flowTrailingCommaAndImplicitNullsAreAccepted() throws {
        let node = try root("s: [a, b, ]\nm: {a, b: 1}\n")
        #expect(node["s"]?.items?.count == 2)
        #expect(node["m"]?["a"]?.isNull == true)
        #expect(node["m"]?["b"]?.scalar?.text == "1")
    }

    @Test func blockEntryInsideFlowIsRejected() throws {
        let error = try error("[a, - b]")
        #expect(error.message == "did not find expected node content")
        #expect(error.mark == Mark(offset: 4, line: 1, column: 5))
    }

    @Test func plainColonInsideFlowMappingIsRejected() throws {
        let error = try error("{a: b: c}")
        #expect(error.message == "did not find expected ',' or '}'")
        #expect(error.mark.column == 6)
    }

    // MARK: Anchors and aliases

    @Test func redefinedAnchorUsesTheLatestDefinition() throws {
        let node = try root("a: &x 1\nb: &x 2\nc: *x\n")
        #expect(node["c"]?.scalar?.text == "2")
    }

    @Test func aliasAsKeyAndAnchoredCollections() throws {
        let node = try root("k: &key name\nlist: &l [1, 2]\n*key : value\ncopy: *l\n")
        #expect(node["name"]?.scalar?.text == "value")
        #expect(node["copy"]?.items?.count == 2)
        #expect(node["copy"]?.start.line == 4)
        #expect(node["copy"]?.items?.first?.start.line == 2)
    }

    @Test func anchorCannotReferToItself() throws {
        let error = try error("a: &x [*x]\n")
        #expect(error.kind == .undefinedAlias)
    }

    // MARK: Keys

    @Test func complexKeysAreAcceptedButAreNotStringKeys() throws {
        let node = try root("? - a\n  - b\n: value\n")
        #expect(node.pairs?.first?.key.kind == .sequence)
        #expect(node.pairs?.first?.value.scalar?.text == "value")
    }

    @Test func multiLinePlainImplicitKeyIsRejected() throws {
        let error = try error("a\nb: 1\n")
        #expect(error.message == "mapping values are not allowed in this context")
        #expect(error.mark == Mark(offset: 3, line: 2, column: 2))
    }

    @Test func emptyValueIsNull() throws {
        let node = try root("a:\nb: ~\nc: !!null ''\n")
        #expect(node["a"]?.isNull == true)
        #expect(node["b"]?.isNull == true)
        #expect(node["c"]?.scalar?.resolved == .null)
    }

    // MARK: Directives and document markers

    @Test func yaml11And12DirectivesAreAccepted() throws {
        #expect(try root("%YAML 1.1\n---\na: 1\n")["a"]?.scalar?.text == "1")
        #expect(try root("%YAML 1.2\n---\na: 1\n")["a"]?.scalar?.text == "1")
    }

    @Test func yaml20DirectiveIsRejected() throws {
        let error = try error("%YAML 2.0\n---\na: 1\n")
        #expect(error.message == "found incompatible YAML document")
        #expect(error.mark.line == 1)
    }

    @Test func tagDirectiveResolvesLocalTags() throws {
        let node = try root("%TAG ! tag:example.com,2000:\n--- !shape\nx: !circle 1\n")
        #expect(node.tag == "tag:example.com,2000:shape")
        #expect(node["x"]?.scalar?.tag == "tag:example.com,2000:circle")
        // A custom tag makes the scalar a string, as go-yaml leaves unknown tags.
        #expect(node["x"]?.scalar?.resolved == .string("1"))
    }

    @Test func documentEndMarkers() {
        let stream = YAMLParser.parse("a: 1\n...\n---\nb: 2\n...\n")
        #expect(stream.error == nil)
        #expect(stream.documents.count == 2)
        #expect(stream.documents[1].root?["b"]?.start.line == 4)
    }

    // MARK: Whitespace, comments, quoting

    @Test func tabIndentationIsRejected() throws {
        let error = try error("a:\n\tb: 1\n")
        #expect(error.message == "found character that cannot start any token")
        #expect(error.mark == Mark(offset: 3, line: 2, column: 1))
    }

    @Test func tabsOutsideIndentationAreFine() throws {
        let node = try root("a: 1\t\nb: [x,\ty]\n")
        #expect(node["b"]?.items?.count == 2)
    }

    @Test func hashIsACommentOnlyAfterWhitespace() throws {
        let node = try root("a: b#c\nd: e #f\n")
        #expect(node["a"]?.scalar?.text == "b#c")
        #expect(node["d"]?.scalar?.text == "e")
    }

    @Test func doubleQuotedEscapes() throws {
        let node = try root("a: \"\\u263A \\x41 \\t end\"\nb: 'it''s'\n")
        #expect(node["a"]?.scalar?.text == "☺ A \t end")
        #expect(node["b"]?.scalar?.text == "it's")
    }

    @Test func unknownEscapeIsRejected() throws {
        let error = try error("\"\\q\"")
        #expect(error.message == "found unknown escape character")
        #expect(error.context == "while parsing a quoted scalar")
    }

    @Test func unclosedQuoteIsRejectedAtEndOfStream() throws {
        let error = try error("a: 'x\n")
        #expect(error.message == "found unexpected end of stream")
        #expect(error.mark.line == 2)
        #expect(error.contextMark?.column == 4)
    }

    @Test func multiLineQuotedScalarsFold() throws {
        let node = try root("a: \"one\n  two\n\n  three\"\n")
        #expect(node["a"]?.scalar?.text == "one two\nthree")
    }

    @Test func dashWithoutSpaceIsAPlainScalar() throws {
        let document = try #require(YAMLParser.parse("-a\n").documents.first?.root)
        #expect(document.scalar?.text == "-a")
    }
}
