import Foundation
import Testing
@testable import KubeLintYAML

@Suite("YAML parser: nodes, positions, problems")
struct ParserTests {
    private func only(_ text: String) throws -> Node {
        let stream = YAMLParser.parse(text)
        #expect(stream.error == nil)
        return try #require(stream.documents.first?.root)
    }

    @Test func buildsMappingsWithPositions() throws {
        let root = try only("apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n")
        #expect(root.kind == .mapping)
        #expect(root.start == Mark(offset: 0, line: 1, column: 1))
        let name = try #require(root["metadata"]?["name"])
        #expect(name.scalar?.text == "web")
        #expect(name.start.line == 4)
        #expect(name.start.column == 9)
        let key = try #require(root["metadata"]?.pair("name")?.key)
        #expect(key.start.line == 4 && key.start.column == 3)
    }

    @Test func keepsScalarStyles() throws {
        let root = try only("a: plain\nb: 'single'\nc: \"double\"\nd: |\n  literal\ne: >\n  folded\n")
        #expect(root["a"]?.scalar?.style == .plain)
        #expect(root["b"]?.scalar?.style == .singleQuoted)
        #expect(root["c"]?.scalar?.style == .doubleQuoted)
        #expect(root["d"]?.scalar?.style == .literal)
        #expect(root["d"]?.scalar?.text == "literal\n")
        #expect(root["e"]?.scalar?.style == .folded)
    }

    @Test func multiDocumentPositions() throws {
        let text = "a: 1\n---\nb: 2\n---\n# only a comment\n---\n\n  c: 3\n"
        let stream = YAMLParser.parse(text)
        #expect(stream.error == nil)
        #expect(stream.documents.count == 4)
        #expect(stream.documents.map(\.index) == [0, 1, 2, 3])
        #expect(stream.documents[0].root?["a"]?.start.line == 1)
        let b = try #require(stream.documents[1].root?["b"])
        #expect(b.start.line == 3 && b.start.column == 4)
        #expect(stream.documents[2].root == nil)
        let c = try #require(stream.documents[3].root?["c"])
        #expect(c.start.line == 8 && c.start.column == 6)
    }

    @Test func crlfLineEndingsCountOnce() throws {
        let root = try only("a: 1\r\nb:\r\n  c: x\r\n")
        let c = try #require(root["b"]?["c"])
        #expect(c.start.line == 3 && c.start.column == 6)
        #expect(c.scalar?.text == "x")
    }

    @Test func byteOrderMarkIsNotAColumn() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("kind: Pod\nname: x\n".utf8)
        let stream = YAMLParser.parse(bytes)
        #expect(stream.error == nil)
        let root = try #require(stream.documents.first?.root)
        #expect(root.pair("kind")?.key.start == Mark(offset: 0, line: 1, column: 1))
        #expect(root["name"]?.start.line == 2 && root["name"]?.start.column == 7)
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let root = try only("é: ü\nx: [ä, b]\n")
        #expect(root["é"]?.start.column == 4)
        #expect(root["x"]?.items?[1].start.column == 8)
    }

    @Test func emptyInputsHaveNoDocuments() {
        #expect(YAMLParser.parse("").documents.isEmpty)
        #expect(YAMLParser.parse("# nothing here\n").documents.isEmpty)
        let separatorOnly = YAMLParser.parse("---\n")
        #expect(separatorOnly.error == nil)
        #expect(separatorOnly.documents.count == 1)
        #expect(separatorOnly.documents[0].root == nil)
    }

    @Test func duplicateKeysAreReportedWithBothPositions() throws {
        let stream = YAMLParser.parse("metadata:\n  name: a\n  labels: {}\n  name: b\n")
        let document = try #require(stream.documents.first)
        #expect(document.problems == [
            YAMLProblem(kind: .duplicateKey(key: "name", first: Mark(offset: 12, line: 2, column: 3)), mark: Mark(offset: 35, line: 4, column: 3)),
        ])
        // The later value wins, as it does in Kubernetes.
        #expect(document.root?["metadata"]?["name"]?.scalar?.text == "b")
    }

    @Test func duplicateKeysInLargeMappings() throws {
        var text = ""
        for index in 0..<40 { text += "k\(index): v\n" }
        text += "k7: again\n"
        let problems = try #require(YAMLParser.parse(text).documents.first).problems
        #expect(problems == [YAMLProblem(kind: .duplicateKey(key: "k7", first: Mark(offset: 42, line: 8, column: 1)), mark: Mark(offset: 270, line: 41, column: 1))])
    }

    @Test func aliasesAndMergeKeysResolve() throws {
        let text = """
        base: &base
          image: nginx
          port: 80
        extra: &extra
          port: 81
          replicas: 2
        app:
          <<: [*base, *extra]
          port: 8080
        copy: *base
        """
        let root = try only(text)
        let app = try #require(root["app"])
        #expect(app["image"]?.scalar?.text == "nginx")
        #expect(app["port"]?.scalar?.text == "8080")
        #expect(app["replicas"]?.scalar?.text == "2")
        #expect(app.pair("<<") == nil)
        // A merged value keeps the position where it is written.
        #expect(app["image"]?.start.line == 2)
        #expect(root["copy"]?["port"]?.scalar?.text == "80")
    }

    @Test func invalidMergeIsAProblemNotACrash() throws {
        let document = try #require(YAMLParser.parse("a:\n  <<: 5\n  b: 1\n").documents.first)
        #expect(document.problems.map(\.kind) == [.invalidMerge])
        #expect(document.problems.first?.mark.line == 2)
    }

    @Test func undefinedAliasIsAnError() {
        let stream = YAMLParser.parse("a: *nowhere\n")
        #expect(stream.error?.kind == .undefinedAlias)
        #expect(stream.error?.mark.line == 1)
        #expect(stream.error?.mark.column == 4)
    }

    @Test func syntaxErrorsCarryLibyamlTextAndPosition() throws {
        let stream = YAMLParser.parse("good: 1\n---\nkind: Pod\nmetadata:\n  name: x\n   bad: y\n")
        let error = try #require(stream.error)
        #expect(error.kind == .syntax)
        #expect(error.message == "mapping values are not allowed in this context")
        #expect(error.mark.line == 6)
        #expect(error.mark.column == 7)
        // The document before the error is kept.
        #expect(stream.documents.count == 1)
        #expect(stream.documents[0].root?["good"]?.scalar?.text == "1")
    }

    /// `kubectl apply` reads a file that starts with `{` as a stream of JSON objects; each is
    /// a document, positioned in the whole file (scalars stored in place or copied alike).
    @Test func jsonObjectsOneAfterAnotherAreDocuments() throws {
        let text = "{\"a\": 1}{\"b\": \"é\"}\n\n  {\"c\": [true,\n \"x\"]}\n"
        let stream = YAMLParser.parse(text)
        #expect(stream.error == nil)
        #expect(stream.documents.map(\.index) == [0, 1, 2])
        let b = try #require(stream.documents[1].root?["b"])
        #expect(b.scalar?.text == "é")
        #expect((b.start.line, b.start.column) == (1, 15))
        let x = try #require(stream.documents[2].root?["c"]?.items?.last)
        #expect(x.scalar?.text == "x")
        #expect((x.start.line, x.start.column) == (4, 2))
        // ASCII input: the scalar points into the file's bytes at the right place.
        let ascii = YAMLParser.parse("{\"a\": \"one\"}\n{\"a\": \"two\"}\n")
        #expect(ascii.documents.compactMap { $0.root?["a"]?.scalar?.text } == ["one", "two"])
    }

    @Test func anErrorInALaterJSONObjectKeepsTheObjectsBeforeIt() throws {
        let stream = YAMLParser.parse("\u{FEFF}{\"a\": 1}\n{\"b\": [1,\n")
        let error = try #require(stream.error)
        #expect(error.message == "did not find expected node content")
        #expect((error.mark.line, error.mark.column) == (3, 1))
        #expect(stream.documents.count == 1)
    }

    /// A YAML document followed by a flow mapping is a YAML syntax error, as kubectl finds too.
    @Test func aFlowMappingAfterYAMLIsStillAnError() throws {
        let stream = YAMLParser.parse("a: 1\n{b: 2}\n")
        #expect(stream.error != nil)
        let afterFlow = YAMLParser.parse("[1]\n{b: 2}\n")
        #expect(afterFlow.error?.message == "did not find expected <document start>")
    }

    @Test func invalidUTF8IsAReaderErrorWithPosition() throws {
        let bytes: [UInt8] = Array("a: 1\nb: ".utf8) + [0xFF, 0xFE] + Array("\n".utf8)
        let error = try #require(YAMLParser.parse(bytes).error)
        #expect(error.kind == .reader)
        #expect(error.mark.line == 2)
        #expect(error.mark.column == 4)
    }

    @Test func nulByteIsAReaderError() throws {
        let bytes: [UInt8] = Array("a: 1\n".utf8) + [0] + Array("b: 2\n".utf8)
        let error = try #require(YAMLParser.parse(bytes).error)
        #expect(error.kind == .reader)
        #expect(error.mark.line == 2 && error.mark.column == 1)
    }

    @Test func deepNestingEndsInADiagnosticQuickly() throws {
        let text = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        let clock = ContinuousClock()
        let started = clock.now
        let stream = YAMLParser.parse(text)
        let elapsed = clock.now - started
        let error = try #require(stream.error)
        #expect(error.kind == .depthLimit)
        #expect(error.mark.line == 1 && error.mark.column == YAMLLimits.default.maxDepth + 1)
        #expect(elapsed < .seconds(1))
    }

    @Test func nestingAtTheLimitIsAccepted() {
        let depth = 100
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        #expect(YAMLParser.parse(text, limits: YAMLLimits(maxDepth: depth)).error == nil)
        #expect(YAMLParser.parse(text, limits: YAMLLimits(maxDepth: depth - 1)).error?.kind == .depthLimit)
    }

    @Test func billionLaughsEndsInADiagnosticQuickly() throws {
        var text = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            let previous = "*a\(level - 1)"
            text += "a\(level): &a\(level) [" + Array(repeating: previous, count: 10).joined(separator: ", ") + "]\n"
        }
        let clock = ContinuousClock()
        let started = clock.now
        let stream = YAMLParser.parse(text)
        let elapsed = clock.now - started
        let error = try #require(stream.error)
        #expect(error.kind == .nodeLimit)
        #expect(error.mark.line <= 10)
        #expect(elapsed < .seconds(1))
    }

    @Test func moderateAliasUseIsFine() throws {
        let root = try only("a: &a {x: 1}\nb: [*a, *a, *a]\n")
        #expect(root["b"]?.items?.count == 3)
    }

    @Test func floorCountsEvents() {
        let bytes = Array("a: [1, 2]\n".utf8)
        let count = bytes.withUnsafeBytes { YAMLParser.countEvents($0) }
        // stream start is counted; stream end is not: doc start, map start, a, seq start, 1, 2, seq end, map end, doc end
        #expect(count == 10)
    }
}
