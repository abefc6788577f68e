import Testing
@testable import KubeLintYAML

/// Applies `change` to document `index` of `text`; the result, after checking that the edit
/// reads as it was meant to.
private func edited(_ text: String, document index: Int = 0, _ change: (inout DocumentEditor, SyntaxTree, SyntaxNode.ID) throws(EditRefusal) -> Void) throws -> String {
    let tree = SyntaxTree(Array(text.utf8))
    let document = tree.documents[index]
    var editor = DocumentEditor(tree: tree, document: document)
    try change(&editor, tree, try #require(document.root))
    #expect(editor.verify() == nil, "\(editor.verify() ?? "")")
    return String(decoding: editor.editedBytes, as: UTF8.self)
}

private func refusal(_ text: String, _ change: (inout DocumentEditor, SyntaxTree, SyntaxNode.ID) throws(EditRefusal) -> Void) throws -> String? {
    let tree = SyntaxTree(Array(text.utf8))
    var editor = DocumentEditor(tree: tree, document: tree.documents[0])
    do {
        try change(&editor, tree, try #require(tree.documents[0].root))
    } catch let refusal as EditRefusal {
        return refusal.reason
    }
    return nil
}

@Suite("Syntax tree: byte ranges of nodes as written")
struct SyntaxTreeTests {
    @Test func rangesCoverWhatIsWritten() throws {
        let text = "a: &x !!str  hello # c\nb: \"q\"\nc: {d: [1, 2]}\ne: |\n  text\n\nf: x\n"
        let tree = SyntaxTree(Array(text.utf8))
        let root = try #require(tree.documents.first?.root)
        func source(_ id: SyntaxNode.ID) -> String { String(decoding: tree.bytes[tree[id].range], as: UTF8.self) }
        let a = try #require(tree.value(root, "a"))
        #expect(source(a) == "&x !!str  hello")
        #expect(String(decoding: tree.bytes[tree[a].contentStart..<tree[a].range.upperBound], as: UTF8.self) == "hello")
        #expect(tree[a].anchor == "x")
        #expect(source(try #require(tree.value(root, "b"))) == "\"q\"")
        let c = try #require(tree.value(root, "c"))
        #expect(source(c) == "{d: [1, 2]}")
        #expect(tree[c].isFlow)
        // A block scalar ends where libyaml ends it: after its trailing blank lines.
        #expect(source(try #require(tree.value(root, "e"))) == "|\n  text\n\n")
        #expect(source(root).hasSuffix("f: x"))
    }

    @Test func offsetsAreBytesPastAByteOrderMarkAndNonASCIIText() throws {
        let text = "\u{FEFF}a: h\u{E9}llo\r\nb: \u{20AC}1\r\n"
        let tree = SyntaxTree(Array(text.utf8))
        let root = try #require(tree.documents.first?.root)
        let b = try #require(tree.value(root, "b"))
        #expect(String(decoding: tree.bytes[tree[b].range], as: UTF8.self) == "\u{20AC}1")
        #expect(tree[b].start == Mark(offset: 13, line: 2, column: 4))
    }

    @Test func findsTheNodeAtAFindingsPosition() throws {
        let tree = SyntaxTree(Array("a: 1\n---\nkind: x\nspec:\n  b: yes\n".utf8))
        let document = try #require(tree.document(containingLine: 5))
        #expect(document.index == 1)
        let node = try #require(tree.node(at: Mark(line: 5, column: 6), in: document))
        #expect(tree[node].text == "yes")
        // A block mapping starts where its first key does: the key is found, not the mapping.
        let key = try #require(tree.node(at: Mark(line: 5, column: 3), in: document))
        #expect(tree[key].kind == .scalar)
    }
}

@Suite("Document editor: text patches that keep everything else")
struct DocumentEditorTests {
    @Test func replacesAScalarKeepingItsQuotesAndLineBreaks() throws {
        let text = "apiVersion: \"extensions/v1beta1\"  # old\r\nkind: Ingress\r\n"
        let result = try edited(text) { editor, tree, root throws(EditRefusal) in
            try editor.replaceScalar(tree.value(root, "apiVersion")!, with: "networking.k8s.io/v1")
        }
        #expect(result == "apiVersion: \"networking.k8s.io/v1\"  # old\r\nkind: Ingress\r\n")
    }

    @Test func quotesPlainValuesKeepingWhatWasWritten() throws {
        let text = "data:\n  DEBUG: False   # flag\n  VERSION: 1.10\n  EMPTY:\n  MODE: on\n"
        let result = try edited(text) { editor, tree, root throws(EditRefusal) in
            let data = tree.value(root, "data")!
            for key in ["DEBUG", "VERSION", "EMPTY", "MODE"] { try editor.quote(tree.value(data, key)!) }
        }
        #expect(result == "data:\n  DEBUG: \"False\"   # flag\n  VERSION: \"1.10\"\n  EMPTY: \"\"\n  MODE: \"on\"\n")
    }

    @Test func refusesAnchoredValues() throws {
        let reason = try refusal("a: &flag yes\nb: *flag\n") { editor, tree, root throws(EditRefusal) in
            try editor.quote(tree.value(root, "a")!)
        }
        #expect(reason == "the value at line 1 is anchored (&flag) and may be used elsewhere")
    }

    private let backendItems: [DocumentEditor.RunItem] = [
        .original(pair: 0, path: ["service", "name"]),
        .original(pair: 1, path: ["service", "port", "number"]),
    ]

    @Test func wrapsBlockEntriesKeepingTheirValuesAndComments() throws {
        let text = """
            spec:
              backend:
                serviceName: web   # the web tier
                servicePort: 8080  # http
              tls: []

            """
        let result = try edited(text) { editor, tree, root throws(EditRefusal) in
            let spec = tree.value(root, "spec")!
            try editor.rewrite(tree.value(spec, "backend")!, items: backendItems)
            try editor.renameKey(spec, pair: 0, to: "defaultBackend")
        }
        #expect(result == """
            spec:
              defaultBackend:
                service:
                  name: web   # the web tier
                  port:
                    number: 8080  # http
              tls: []

            """)
    }

    @Test func wrapsEntriesInTheOrderTheyAreWritten() throws {
        let text = "paths:\n- backend:\n    servicePort: http\n    serviceName: web\n  path: /\n"
        let result = try edited(text) { editor, tree, root throws(EditRefusal) in
            let backend = tree.value(tree.items(tree.value(root, "paths")!)[0], "backend")!
            try editor.rewrite(backend, items: [
                .original(pair: 0, path: ["service", "port", "name"]),
                .original(pair: 1, path: ["service", "name"]),
            ])
        }
        #expect(result == "paths:\n- backend:\n    service:\n      port:\n        name: http\n      name: web\n  path: /\n")
    }

    @Test func wrapsAnEntryThatFollowsADash() throws {
        let text = "- serviceName: web\n  servicePort: 80\n"
        let result = try edited(text) { editor, tree, root throws(EditRefusal) in
            try editor.rewrite(tree.items(root)[0], items: backendItems)
        }
        #expect(result == "- service:\n    name: web\n    port:\n      number: 80\n")
    }

    @Test func wrapsFlowEntriesInFlowStyle() throws {
        let text = "backend: {serviceName: web, servicePort: 80}\nother: {servicePort: 80, serviceName: web}\n"
        let result = try edited(text) { editor, tree, root throws(EditRefusal) in
            try editor.rewrite(tree.value(root, "backend")!, items: backendItems)
            try editor.rewrite(tree.value(root, "other")!, items: [
                .original(pair: 0, path: ["service", "port", "number"]),
                .original(pair: 1, path: ["service", "name"]),
            ])
        }
        #expect(result == "backend: {service: {name: web, port: {number: 80}}}\nother: {service: {port: {number: 80}, name: web}}\n")
    }

    @Test func addsNewScalarsBesideMovedEntries() throws {
        let items: [DocumentEditor.RunItem] = [
            .literal(path: ["target", "type"], value: "Utilization"),
            .original(pair: 1, path: ["target", "averageUtilization"]),
        ]
        let block = try edited("resource:\n    name: cpu\n    targetAverageUtilization: 80\n") { editor, tree, root throws(EditRefusal) in
            try editor.rewrite(tree.value(root, "resource")!, items: items)
        }
        #expect(block == "resource:\n    name: cpu\n    target:\n        type: Utilization\n        averageUtilization: 80\n")
        let flow = try edited("resource: {name: cpu, targetAverageUtilization: 80}\n") { editor, tree, root throws(EditRefusal) in
            try editor.rewrite(tree.value(root, "resource")!, items: items)
        }
        #expect(flow == "resource: {name: cpu, target: {type: Utilization, averageUtilization: 80}}\n")
    }

    @Test func addsNewScalarsAfterMovedEntries() throws {
        let items: [DocumentEditor.RunItem] = [
            .original(pair: 0, path: ["target", "value"]),
            .literal(path: ["target", "type"], value: "Value"),
        ]
        let block = try edited("object:\n  targetValue: 10k   # ten thousand\n  metricName: hits\n") { editor, tree, root throws(EditRefusal) in
            try editor.rewrite(tree.value(root, "object")!, items: items)
        }
        #expect(block == "object:\n  target:\n    value: 10k   # ten thousand\n    type: Value\n  metricName: hits\n")
        let flow = try edited("object: {targetValue: 10k, metricName: hits}\n") { editor, tree, root throws(EditRefusal) in
            try editor.rewrite(tree.value(root, "object")!, items: items)
        }
        #expect(flow == "object: {target: {value: 10k, type: Value}, metricName: hits}\n")
    }

    @Test func keepsJSONFilesJSON() throws {
        let text = #"{"spec": {"backend": {"servicePort": 80, "serviceName": "web"}, "paths": [{"path": "/"}]}}"#
        let tree = SyntaxTree(Array(text.utf8))
        var editor = DocumentEditor(tree: tree, document: tree.documents[0], json: true)
        let root = try #require(tree.documents[0].root)
        let spec = try #require(tree.value(root, "spec"))
        let backend = try #require(tree.value(spec, "backend"))
        let paths = try #require(tree.value(spec, "paths"))
        try editor.rewrite(backend, items: [
            .original(pair: 0, path: ["service", "port", "number"]),
            .original(pair: 1, path: ["service", "name"]),
        ])
        try editor.renameKey(spec, pair: 0, to: "defaultBackend")
        try editor.insert([NewEntry("pathType", .plain("Prefix"))], into: tree.items(paths)[0])
        #expect(editor.verify() == nil)
        #expect(String(decoding: editor.editedBytes, as: UTF8.self)
            == #"{"spec": {"defaultBackend": {"service": {"port": {"number": 80}, "name": "web"}}, "paths": [{"path": "/", "pathType": "Prefix"}]}}"#)
    }

    @Test func insertsIntoAnEmptyFlowMapping() throws {
        let result = try edited("paths: [{}]\n") { editor, tree, root throws(EditRefusal) in
            try editor.insert([NewEntry("pathType", .plain("Prefix"))], into: tree.items(tree.value(root, "paths")!)[0])
        }
        #expect(result == "paths: [{pathType: Prefix}]\n")
    }

    @Test func movesMultiLineValuesOneLevelDeeper() throws {
        let text = """
            pods:
              metricName: packets
              selector:
                matchLabels:
                  app: web
              targetAverageValue: 1k

            """
        let result = try edited(text) { editor, tree, root throws(EditRefusal) in
            try editor.rewrite(tree.value(root, "pods")!, items: [
                .original(pair: 0, path: ["metric", "name"]),
                .original(pair: 1, path: ["metric", "selector"]),
                .literal(path: ["target", "type"], value: "AverageValue"),
                .original(pair: 2, path: ["target", "averageValue"]),
            ])
        }
        #expect(result == """
            pods:
              metric:
                name: packets
                selector:
                  matchLabels:
                    app: web
              target:
                type: AverageValue
                averageValue: 1k

            """)
    }

    @Test func refusesEntriesThatAreNotNextToEachOther() throws {
        let reason = try refusal("b:\n  serviceName: web\n  resource: x\n  servicePort: 80\n") { editor, tree, root throws(EditRefusal) in
            try editor.rewrite(tree.value(root, "b")!, items: [
                .original(pair: 0, path: ["service", "name"]),
                .original(pair: 2, path: ["service", "port", "number"]),
            ])
        }
        #expect(reason == "serviceName and servicePort are not next to each other")
    }

    @Test func refusesMappingsWithMergeKeys() throws {
        let reason = try refusal("base: &base {a: 1}\nb:\n  <<: *base\n  serviceName: web\n") { editor, tree, root throws(EditRefusal) in
            try editor.renameKey(tree.value(root, "b")!, pair: 1, to: "name")
        }
        #expect(reason == "the mapping at line 3 uses a merge key (<<)")
    }

    @Test func insertsEntriesInTheMappingsIndentation() throws {
        let text = """
            spec:
                replicas: 2   # two
                template:
                    metadata:
                        labels: {app: web}

            """
        let result = try edited(text) { editor, tree, root throws(EditRefusal) in
            let spec = tree.value(root, "spec")!
            let labels = tree.value(spec, path: ["template", "metadata", "labels"])!
            let entries = tree.pairs(labels).map { NewEntry(tree.text($0.key), .original($0.value)) }
            try editor.insert([NewEntry("selector", .mapping([NewEntry("matchLabels", .mapping(entries))]))], into: spec, before: "template")
        }
        #expect(result == """
            spec:
                replicas: 2   # two
                selector:
                    matchLabels:
                        app: web
                template:
                    metadata:
                        labels: {app: web}

            """)
    }

    @Test func appendsAfterTheLastEntryWhateverItsValue() throws {
        let afterBlockScalar = try edited("- path: |\n    /\n\n# next\n") { editor, tree, root throws(EditRefusal) in
            try editor.insert([NewEntry("pathType", .plain("Prefix"))], into: tree.items(root)[0])
        }
        #expect(afterBlockScalar == "- path: |\n    /\n\n  pathType: Prefix\n# next\n")
        let atEndOfFile = try edited("- path: /  # root") { editor, tree, root throws(EditRefusal) in
            try editor.insert([NewEntry("pathType", .plain("Prefix"))], into: tree.items(root)[0])
        }
        #expect(atEndOfFile == "- path: /  # root\n  pathType: Prefix")
        let flow = try edited("- {path: /, backend: {}}\n") { editor, tree, root throws(EditRefusal) in
            try editor.insert([NewEntry("pathType", .plain("Prefix"))], into: tree.items(root)[0], before: "backend")
        }
        #expect(flow == "- {path: /, pathType: Prefix, backend: {}}\n")
    }

    @Test func leavesOtherDocumentsAlone() throws {
        let text = "a: 1\n---\n# keep\nkind: x   # me\n---\nb: yes\n"
        let result = try edited(text, document: 1) { editor, tree, root throws(EditRefusal) in
            try editor.replaceScalar(tree.value(root, "kind")!, with: "y")
        }
        #expect(result == "a: 1\n---\n# keep\nkind: y   # me\n---\nb: yes\n")
    }

    @Test func editsADocumentBeforeOneThatDoesNotParse() throws {
        let result = try edited("a: yes\n---\nb: [1\n") { editor, tree, root throws(EditRefusal) in
            try editor.quote(tree.value(root, "a")!)
        }
        #expect(result == "a: \"yes\"\n---\nb: [1\n")
        // Nor may an edit turn what follows into something else, parsing or not.
        let tree = SyntaxTree(Array("a: x\n---\nb: [1\n".utf8))
        var editor = DocumentEditor(tree: tree, document: tree.documents[0])
        let root = try #require(tree.documents[0].root)
        try editor.replaceScalar(try #require(tree.value(root, "a")), with: "y")
        #expect(editor.verify() == nil)
        #expect(EditExpectation().mismatch(original: tree, document: 0, edited: SyntaxTree(Array("a: x\n---\nb: [1]\n".utf8)))
            == "the edit would change how the rest of the file reads")
    }

    @Test func refusesNewMappingsWhoseEntriesAreApart() throws {
        let reason = try refusal("pods:\n  metricName: m\n  targetAverageValue: 1\n  selector: {}\n") { editor, tree, root throws(EditRefusal) in
            try editor.rewrite(tree.value(root, "pods")!, items: [
                .original(pair: 0, path: ["metric", "name"]),
                .original(pair: 1, path: ["target", "averageValue"]),
                .original(pair: 2, path: ["metric", "selector"]),
            ])
        }
        #expect(reason == "the entries that go into 'metric' are not next to each other")
    }

    @Test func verificationCatchesAnEditThatReadsDifferently() throws {
        // An explicit key (`? key`) keeps its `? ` and `: `: the new text would not read as a
        // wrapped entry, and the editor says so instead of writing it.
        let tree = SyntaxTree(Array("b:\n  ? serviceName\n  : web\n  servicePort: 80\n".utf8))
        let root = try #require(tree.documents[0].root)
        var editor = DocumentEditor(tree: tree, document: tree.documents[0])
        try editor.rewrite(try #require(tree.value(root, "b")), items: backendItems)
        #expect(editor.verify() != nil)
    }
}
