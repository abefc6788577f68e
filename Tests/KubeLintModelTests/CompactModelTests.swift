import Testing
import KubeLintYAML
@testable import KubeLintModel

/// The model stores some fields compactly (an env var's sources, a key's mark); what it
/// returns must be exactly what was written.
@Suite("Compact model storage")
struct CompactModelTests {
    private func container(_ env: String) throws -> Container {
        let text = """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              containers:
              - name: app
                image: app
                env:
            \(env)
            """
        let resource = try #require(Loader.load([.bytes(name: "pod.yaml", Array(text.utf8))]).resources.first)
        return try #require(resource.podTemplate?.spec?.containers.first)
    }

    @Test func envVarSourcesReadBackAsWritten() throws {
        let env = try container("""
                - name: PLAIN
                  value: v
                - name: FROM_MAP
                  valueFrom: {configMapKeyRef: {name: settings, key: a}}
                - name: FROM_SECRET
                  valueFrom: {secretKeyRef: {name: keys, key: b, optional: true}}
                - name: FROM_FIELD
                  valueFrom: {fieldRef: {fieldPath: metadata.name}}
                - name: EVERYTHING
                  valueFrom:
                    configMapKeyRef: {name: m, key: c}
                    secretKeyRef: {name: s, key: d}
                    fieldRef: {fieldPath: spec.nodeName}
            """).env
        #expect(env.map { $0.name?.value } == ["PLAIN", "FROM_MAP", "FROM_SECRET", "FROM_FIELD", "EVERYTHING"])
        #expect(env[0].value?.value == "v" && env[0].configMapKeyRef == nil && env[0].secretKeyRef == nil && env[0].fieldPath == nil)
        #expect(env[1].configMapKeyRef?.name?.value == "settings" && env[1].configMapKeyRef?.key?.value == "a")
        #expect(env[1].secretKeyRef == nil && env[1].fieldPath == nil)
        #expect(env[2].secretKeyRef?.name?.value == "keys" && env[2].secretKeyRef?.isOptional == true)
        #expect(env[2].configMapKeyRef == nil && env[2].fieldPath == nil)
        #expect(env[3].fieldPath?.value == "metadata.name" && env[3].configMapKeyRef == nil && env[3].secretKeyRef == nil)
        #expect(env[4].configMapKeyRef?.key?.value == "c" && env[4].secretKeyRef?.key?.value == "d")
        #expect(env[4].fieldPath?.value == "spec.nodeName")
    }

    @Test func envVarSourcesCanBeChanged() throws {
        var variable = try #require(try container("""
                - name: FROM_MAP
                  valueFrom: {configMapKeyRef: {name: settings, key: a}}
            """).env.first)
        let selector = try #require(variable.configMapKeyRef)
        variable.secretKeyRef = selector
        #expect(variable.configMapKeyRef?.name?.value == "settings" && variable.secretKeyRef?.name?.value == "settings")
        variable.configMapKeyRef = nil
        #expect(variable.configMapKeyRef == nil && variable.secretKeyRef?.key?.value == "a")
        variable.fieldPath = Located("metadata.uid", at: .start)
        variable.secretKeyRef = nil
        #expect(variable.fieldPath?.value == "metadata.uid" && variable.secretKeyRef == nil && variable.configMapKeyRef == nil)
        variable.fieldPath = nil
        #expect(variable.fieldPath == nil && variable.configMapKeyRef == nil && variable.secretKeyRef == nil)
    }

    @Test func keyMarksReadBackAsGiven() {
        let value = Mark(offset: 10, line: 2, column: 8)
        let key = Mark(offset: 4, line: 2, column: 2)
        #expect(Located("x", at: value).keyMark == nil)
        #expect(Located("x", at: value, key: key).keyMark == key)
        // Lines and columns from 0 are not the parser's, but a caller may still use them.
        #expect(Located("x", at: value, key: Mark(offset: 0, line: 0, column: 0)).keyMark == Mark(offset: 0, line: 0, column: 0))
        var located = Located(1, at: value, key: key)
        located.keyMark = nil
        #expect(located.keyMark == nil && located != Located(1, at: value, key: key))
        #expect(located == Located(1, at: value))
        located.keyMark = key
        #expect(located == Located(1, at: value, key: key))
        #expect(MemoryLayout<Located<String>>.size <= 40)
    }
}

@Suite("Shared texts")
struct SharedTextTests {
    @Test func longTextsReadAsWrittenWhetherRepeatedOrNot() throws {
        let text = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: a-rather-long-configuration-name
              labels:
                app.kubernetes.io/name: a-rather-long-configuration-name
                app.kubernetes.io/part-of: a-rather-long-configuration-nam
                short: a-rather-long-configuration-name
            data:
              app.kubernetes.io/name: "a-rather-long-configuration-name"
              other: a rather long configuration name
            """
        let resource = try #require(Loader.load([.bytes(name: "cm.yaml", Array(text.utf8))]).resources.first)
        #expect(resource.name == "a-rather-long-configuration-name")
        #expect(resource.metadata.labels.entries.map(\.key) == ["app.kubernetes.io/name", "app.kubernetes.io/part-of", "short"])
        #expect(resource.metadata.labels.entries.map(\.value) == [
            "a-rather-long-configuration-name", "a-rather-long-configuration-nam", "a-rather-long-configuration-name",
        ])
        guard case .configMap(let configMap) = resource.body else {
            Issue.record("not a ConfigMap")
            return
        }
        #expect(configMap.data["app.kubernetes.io/name"] == "a-rather-long-configuration-name")
        #expect(configMap.data["other"] == "a rather long configuration name")
    }
}

@Suite("Resources behave as values")
struct ResourceValueTests {
    @Test func changingACopyLeavesTheOriginalAlone() throws {
        let text = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: {k: v}\n"
        let original = try #require(Loader.load([.bytes(name: "cm.yaml", Array(text.utf8))]).resources.first)
        var copy = original
        copy.kind = Located("Secret", at: .start)
        copy.metadata.name = Located("b", at: .start)
        copy.path = "items[3]"
        copy.source.documentIndex = 7
        copy.issues.append(DecodeIssue(kind: .invalidValue("x"), path: "p", mark: .start))
        copy.body = .generic
        copy.apiVersion = nil
        #expect(copy.kind?.value == "Secret" && copy.name == "b" && copy.path == "items[3]" && copy.source.documentIndex == 7)
        #expect(copy.issues.count == 1 && copy.apiVersion == nil)
        if case .generic = copy.body {} else { Issue.record("body not changed") }
        #expect(original.kind?.value == "ConfigMap" && original.name == "a" && original.path == "" && original.source.documentIndex == 0)
        #expect(original.issues.isEmpty && original.apiVersion?.value == "v1")
        if case .configMap = original.body {} else { Issue.record("original body changed") }
        #expect(copy.root.start == original.root.start)
    }
}
