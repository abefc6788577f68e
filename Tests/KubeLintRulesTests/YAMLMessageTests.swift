import Testing
import KubeLintModel
@testable import KubeLintEngine
@testable import KubeLintSchema
@testable import KubeLintTreeFacts
@testable import KubeLintContracts
@testable import KubeLintFileRules
@testable import KubeLintSchemaRules
@testable import KubeLintReferenceRules
@testable import KubeLintDriver

/// The full text of the YAML rules' messages this layer explains: tabs libyaml refuses, and keys
/// that are the same once YAML resolves them.
@Suite("Messages of the YAML rules")
struct YAMLMessageTests {
    private func messages(_ text: String, rule: String) -> [String] {
        let tree = Loader.load([.bytes(name: "m.yaml", Array(text.utf8))])
        return Linter(configuration: LintConfiguration()).lint(tree).findings.filter { $0.ruleID == rule }.map(\.message)
    }

    @Test func aTabInIndentation() {
        #expect(messages("apiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: a\n", rule: "yaml-tab-indentation") == [
            "line 4 is indented with a tab; YAML allows only spaces in indentation (libyaml: found character that cannot "
                + "start any token (while scanning for the next token at line 4, column 1))",
        ])
    }

    @Test func aTabThatYAMLReadsAsSeparation() {
        #expect(messages("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n\t# note\ndata: {}\n", rule: "yaml-tab-indentation") == [
            "line 5 has a tab before its comment: YAML allows a tab there, but libyaml, and kubectl's YAML parser ported from "
                + "it, reject it; replace the tab with spaces (libyaml: found a tab character that violates indentation "
                + "(while scanning a plain scalar at line 4, column 9))",
        ])
        #expect(messages("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  \t\ndata: {}\n", rule: "yaml-tab-indentation") == [
            "line 5 is blank but for a tab: YAML allows that, but libyaml, and kubectl's YAML parser ported from it, reject "
                + "it; remove the tab (libyaml: found a tab character that violates indentation (while scanning a plain "
                + "scalar at line 4, column 9))",
        ])
        #expect(messages("apiVersion: v1\nkind: List\nitems:\n-\tapiVersion: v1\n", rule: "yaml-tab-indentation") == [
            "line 4 has a tab after `-`: YAML allows a tab as separation there, but libyaml, and kubectl's YAML parser "
                + "ported from it, reject it; use a space (libyaml: found character that cannot start any token (while "
                + "scanning for the next token at line 4, column 2))",
        ])
    }

    /// What the end of a file leaves open is reported where the text stops, on the last line,
    /// not on the line after it, which has nothing to show.
    @Test("a syntax error at the end of the file points at the end of its last line", arguments: [
        ("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: \"web\n", "4:13",
         "found unexpected end of stream (while scanning a quoted scalar at line 4, column 9)"),
        ("apiVersion: v1\nkind: ConfigMap\ndata:\n  a: [1, 2\n\n\n", "4:11",
         "did not find expected ',' or ']' (while parsing a flow sequence at line 4, column 6)"),
        ("apiVersion: v1\nkind: ConfigMap\ndata:\n  a: [1, 2", "4:11",
         "did not find expected ',' or ']' (while parsing a flow sequence at line 4, column 6)"),
        ("apiVersion: v1\r\nkind: ConfigMap\r\ndata:\r\n  a: \"é\r\n", "4:8",
         "found unexpected end of stream (while scanning a quoted scalar at line 4, column 6)"),
        // An error inside the text stays where libyaml puts it.
        ("apiVersion: v1\nkind: ConfigMap\ndata: {a: [1, 2}\nmetadata: {name: x}\n", "3:16",
         "did not find expected ',' or ']' (while parsing a flow sequence at line 3, column 11)"),
    ])
    func endOfFile(_ text: String, _ position: String, _ message: String) {
        let tree = Loader.load([.bytes(name: "m.yaml", Array(text.utf8))])
        let found = Linter(configuration: LintConfiguration()).lint(tree).findings.filter { $0.ruleID == "yaml-syntax" }
        #expect(found.map { "\($0.location.line):\($0.location.column) \($0.message)" } == ["\(position) \(message)"])
    }

    @Test func keysEqualAsWritten() {
        #expect(messages("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata:\n  A: x\n  A: y\n", rule: "duplicate-key") == [
            "duplicate key 'A' (first at line 5, column 3); the later value wins",
        ])
    }

    @Test func keysEqualOnceResolved() {
        let text = """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: a}
            data:
              "true": x
              True: y
              "1": one
              0x1: two
              ~: none
              null: nothing
            """
        #expect(messages(text, rule: "duplicate-key") == [
            "key 'True' is the same key as 'true' (first at line 5, column 3): YAML reads both as the key \"true\"; the later value wins",
            "key '0x1' is the same key as '1' (first at line 7, column 3): YAML reads both as the key \"1\"; the later value wins",
            "key 'null' is the same key as '~' (first at line 9, column 3): YAML reads both as the key \"null\"; the later value wins",
        ])
        // go-yaml v2 reads `yes` and `on` as true, and a quoted "yes" as the text yes: the same
        // text, but different keys.
        #expect(messages("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata:\n  yes: 1\n  \"yes\": 2\n  on: 3\n  1.0: 4\n  1: 5\n", rule: "duplicate-key") == [
            "key 'on' is the same key as 'yes' (first at line 5, column 3): YAML reads both as the key \"true\"; the later value wins",
            "key '1' is the same key as '1.0' (first at line 8, column 3): YAML reads both as the key \"1\"; the later value wins",
        ])
    }
}

/// The full text of the duplicate rules' messages.
@Suite("Messages of the duplicate rules")
struct DuplicateMessageTests {
    private func messages(_ files: [(String, String)], rule: String) -> [String] {
        let tree = Loader.load(files.map { .bytes(name: $0.0, Array($0.1.utf8)) })
        return Linter(configuration: LintConfiguration()).lint(tree).findings.filter { $0.ruleID == rule }.map(\.message)
    }

    private let pod = """
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
          - name: web
            image: nginx
            ports:
            - {name: http, containerPort: 8080}
            - {name: http, containerPort: 8443}
            env:
            - {name: MODE, value: a}
            - {name: MODE, value: b}
          - image: sidecar
            ports:
            - {containerPort: 8080}
        """

    @Test func duplicateObject() {
        let settings = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\n"
        let changed = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata: {mode: safe}\n"
        #expect(messages([("a.yaml", settings), ("b.yaml", changed)], rule: "duplicate-object") == [
            "ConfigMap settings in namespace 'default' is defined twice (first at a.yaml:3:18); applied together, the later definition overwrites the earlier",
        ])
        #expect(messages([("a.yaml", settings), ("b.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n")], rule: "duplicate-object") == [
            "ConfigMap settings in namespace 'default' is defined twice (first at a.yaml:3:18); with the same content: one copy is redundant (and `kubectl create` refuses the second)",
        ])
        let namespace = "apiVersion: v1\nkind: Namespace\nmetadata: {name: team}\n"
        #expect(messages([("a.yaml", namespace + "---\n" + namespace)], rule: "duplicate-object") == [
            "Namespace team is defined twice (first at a.yaml:3:18); with the same content: one copy is redundant (and `kubectl create` refuses the second)",
        ])
        // A kustomize base and overlay are separate builds.
        #expect(messages([
            ("base/kustomization.yaml", "resources: [settings.yaml]\n"), ("base/settings.yaml", settings),
            ("prod/kustomization.yaml", "resources: [../base, settings.yaml]\n"), ("prod/settings.yaml", settings),
        ], rule: "duplicate-object").isEmpty)
    }

    @Test func identicalCopiesAreAWarningWhateverTheirKeyOrder() {
        // A dump kept as YAML and as JSON: kubectl orders the keys differently in each.
        let yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  a: \"1\"\n  b: \"2\"\n"
        let json = #"{"kind": "ConfigMap", "apiVersion": "v1", "data": {"b": "2", "a": "1"}, "metadata": {"name": "settings"}}"#
        let tree = Loader.load([.bytes(name: "dump.yaml", Array(yaml.utf8)), .bytes(name: "dump.json", Array(json.utf8))])
        let findings = Linter(configuration: LintConfiguration()).lint(tree).findings.filter { $0.ruleID == "duplicate-object" }
        #expect(findings.map(\.message) == [
            "ConfigMap settings in namespace 'default' is defined twice (first at dump.yaml:4:9); with the same content: one copy is redundant (and `kubectl create` refuses the second)",
        ])
        #expect(findings.map(\.severity) == [.warning])
        // A different value is a different object: the later overwrites, an error.
        let changed = json.replacingOccurrences(of: #""a": "1""#, with: #""a": "3""#)
        let other = Loader.load([.bytes(name: "dump.yaml", Array(yaml.utf8)), .bytes(name: "dump.json", Array(changed.utf8))])
        #expect(Linter(configuration: LintConfiguration()).lint(other).findings.filter { $0.ruleID == "duplicate-object" }.map(\.severity) == [.error])
    }

    @Test func duplicatePortsAndEnv() {
        #expect(messages([("p.yaml", pod)], rule: "duplicate-port-name") == [
            "container 'web' has two ports named 'http' (first at line 9); the API server rejects the pod",
        ])
        #expect(messages([("p.yaml", pod)], rule: "duplicate-container-port") == [
            "port 8080/TCP is declared twice in the pod (in container 'web'), first at line 9; the API server warns of a duplicate port definition",
        ])
        #expect(messages([("p.yaml", pod)], rule: "duplicate-env") == [
            "container 'web' sets MODE twice (before at line 12); this later entry wins",
        ])
    }
}
