import Testing
import KubeLintYAML
@testable import KubeLintModel

private func load(_ name: String, _ text: String) -> (file: SourceFile?, resources: [Resource]) {
    let tree = Loader.load([.bytes(name: name, Array(text.utf8))])
    return (tree.files.first, tree.resources)
}

private func content(_ name: String, _ text: String) -> FileContent? {
    load(name, text).file?.content
}

@Suite("What a file holds: manifests, nothing, other YAML, a Helm template")
struct FileContentTests {
    @Test(arguments: [
        ("values-prod.yaml", "replicaCount: 1\nimage:\n  repository: nginx\n"),
        ("docker-compose.yml", "# the app\nservices:\n  web:\n    image: nginx\n"),
        ("package.json", "{\"name\": \"web\", \"version\": \"1.0.0\"}\n"),
        ("playbook.yaml", "- hosts: all\n  tasks: []\n"),
        ("two.yaml", "a: 1\n---\nb: 2\n"),
    ])
    func yamlWithoutApiVersionOrKindIsNotAManifest(_ name: String, _ text: String) throws {
        let loaded = load(name, text)
        #expect(loaded.resources.isEmpty)
        guard case .notManifest(let notManifest) = loaded.file?.content else {
            Issue.record("\(name): \(String(describing: loaded.file?.content))")
            return
        }
        #expect(notManifest.reason == .noAPIVersionOrKind)
        // The first content of the file, after comments.
        let firstLine = text.hasPrefix("#") ? 2 : 1
        #expect((notManifest.mark.line, notManifest.mark.column) == (firstLine, 1))
    }

    @Test func chartMetadataHasAnApiVersionOfHelmsOwn() throws {
        let chart = content("charts/web/Chart.yaml", "apiVersion: v2\nname: web\nversion: 0.1.0\n")
        #expect(chart == .notManifest(.init(reason: .chartMetadata, mark: Mark(offset: 0, line: 1, column: 1))))
        // The same text under another name is an object without kind: an error, as before.
        #expect(content("web.yaml", "apiVersion: v2\nname: web\nversion: 0.1.0\n") == .manifests)
    }

    /// A chart's values may hold an `apiVersion` option (the workload's), and template text
    /// for `tpl`: still values, not a broken object nor a template.
    @Test func chartValuesMayNameAnApiVersion() throws {
        let values = "# defaults\nmode: deployment\napiVersion: \"apps/v1\"\nfullname: \"{{ .Release.Name }}-collector\"\n"
        #expect(content("charts/collector/values.yaml", values) == .notManifest(.init(reason: .chartValues, mark: Mark(offset: 11, line: 2, column: 1))))
        #expect(content("values.yml", "replicaCount: 1\n") == .notManifest(.init(reason: .chartValues, mark: Mark(offset: 0, line: 1, column: 1))))
        // Under another name, an apiVersion without a kind is a broken object.
        #expect(content("collector.yaml", "mode: deployment\napiVersion: apps/v1\n") == .manifests)
    }

    /// Grafana's provisioning files (kept beside manifests for a ConfigMap generator) say
    /// `apiVersion: 1`; a number is no Kubernetes apiVersion, so without a kind this is no object.
    @Test func aNumberForApiVersionWithoutKindIsNotAManifest() throws {
        #expect(content("datasources.yaml", "apiVersion: 1\ndatasources:\n- name: Prometheus\n") == .notManifest(.init(
            reason: .foreignAPIVersion(text: "1"), mark: Mark(offset: 12, line: 1, column: 13)
        )))
        // With a kind it is a broken object; a null apiVersion is a missing one.
        #expect(content("a.yaml", "apiVersion: 1\nkind: ConfigMap\n") == .manifests)
        #expect(content("a.yaml", "apiVersion:\nmetadata: {name: a}\n") == .manifests)
        #expect(content("a.yaml", "apiVersion: \"1\"\nmetadata: {name: a}\n") == .manifests)
    }

    @Test(arguments: [
        ("skaffold/v4beta11", "Config"), ("kind.x-k8s.io/v1alpha4", "Cluster"), ("k3d.io/v1alpha5", "Simple"),
        ("audit.k8s.io/v1", "Policy"), ("kubelet.config.k8s.io/v1beta1", "KubeletConfiguration"),
        ("kuttl.dev/v1beta1", "TestSuite"), ("v1", "Config"),
    ])
    func toolConfigurationIsNotAManifest(_ apiVersion: String, _ kind: String) throws {
        let loaded = load("tool.yaml", "# tool\napiVersion: \(apiVersion)\nkind: \(kind)\n")
        #expect(loaded.resources.isEmpty)
        #expect(loaded.file?.content == .notManifest(.init(
            reason: .toolConfiguration(apiVersion: apiVersion, kind: kind), mark: Mark(offset: 19, line: 2, column: 13)
        )))
    }

    /// kubelint reads kustomizations for what they say about the other files.
    @Test(arguments: [
        ("kustomization.yaml", "resources: [a.yaml]\n"),
        ("base.yaml", "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n"),
        ("component.yaml", "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\n"),
        ("overlay.yaml", "kind: Kustomization\nresources: [../base]\n"),
    ])
    func kustomizationsStayResources(_ name: String, _ text: String) throws {
        let loaded = load(name, text)
        #expect(loaded.file?.content == .manifests)
        #expect(loaded.resources.map(\.isKustomization) == [true])
    }

    /// A document with only one of apiVersion and kind is a broken object, and so is one
    /// without either beside objects in the same file: the file is checked.
    @Test(arguments: [
        "kind: ConfigMap\nmetadata: {name: a}\n",
        "apiVersion: v1\nmetadata: {name: a}\n",
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\nimage: nginx\n",
        "image: nginx\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n",
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\napiVersion: skaffold/v4beta11\nkind: Config\n",
    ])
    func halfAnObjectIsAManifest(_ text: String) throws {
        let loaded = load("app.yaml", text)
        #expect(loaded.file?.content == .manifests)
        #expect(loaded.resources.count == text.components(separatedBy: "---").count)
    }

    @Test(arguments: ["", "# nothing\n", "---\n---\n...\n", "\n  \n", "---\n~\n---\nnull\n", "# only\n---\n# comments\n"])
    func documentsWithoutContentAreEmpty(_ text: String) {
        let loaded = load("empty.yaml", text)
        #expect(loaded.file?.content == .empty)
        #expect(loaded.resources.isEmpty)
    }

    /// kubectl skips `null` documents; beside an object such a document is not a resource.
    @Test func nullDocumentsBesideObjectsAreSkipped() {
        let loaded = load("app.yaml", "~\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n---\nnull\n")
        #expect(loaded.file?.content == .manifests)
        #expect(loaded.resources.map(\.name) == ["a"])
    }

    @Test func listsWithoutItemsAreEmptyLists() {
        #expect(content("list.yaml", "apiVersion: v1\nkind: List\nitems: []\n") == .emptyLists)
        #expect(content("list.json", "{\"apiVersion\": \"v1\", \"kind\": \"List\", \"items\": []}\n---\n# more later\n") == .emptyLists)
        #expect(content("list.yaml", "apiVersion: v1\nkind: List\nitems: [{apiVersion: v1, kind: Namespace, metadata: {name: a}}]\n") == .manifests)
    }

    /// What parses to objects with Helm's actions where YAML structure is written (or in a
    /// chart's templates/), or does not parse at all, is a template; Helm text quoted in a
    /// value elsewhere is data; what parses to no object (values for `tpl`) is values.
    @Test func aHelmTemplateIsDecidedAfterParsing() {
        let quoted = "apiVersion: v1\nkind: Service\nmetadata:\n  name: \"{{ .Release.Name }}\"\n"
        let objects = Loader.load([.bytes(name: "chart/templates/svc.yaml", Array(quoted.utf8))])
        #expect(objects.files.first?.content == .helmTemplate(action: Mark(offset: 48, line: 4, column: 10)))
        #expect(objects.resources.isEmpty)
        let unquoted = Loader.load([.bytes(name: "svc.yaml", Array(quoted.replacingOccurrences(of: "\"", with: "").utf8))])
        #expect(unquoted.files.first?.content == .helmTemplate(action: Mark(offset: 47, line: 4, column: 9)))
        // A Flux HelmRelease passes values the chart renders with tpl.
        let release = """
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata: {name: collector}
            spec:
              values:
                fullnameOverride: "{{ .Release.Name }}-collector"
                extraEnv: |
                  - name: NAMESPACE
                    value: {{ .Release.Namespace }}
            """
        let data = Loader.load([.bytes(name: "release.yaml", Array(release.utf8))])
        #expect(data.files.first?.content == .manifests)
        #expect(data.resources.map(\.name) == ["collector"])
        let broken = Loader.load([.bytes(name: "svc.yaml", Array("{{- if .Values.enabled }}\napiVersion: v1\n{{- end }}\n".utf8))])
        #expect(broken.files.first?.content == .helmTemplate(action: Mark(offset: 0, line: 1, column: 1)))
        #expect(broken.diagnostics.isEmpty)
        let values = Loader.load([.bytes(name: "defaults.yaml", Array("name: \"{{ .Release.Name }}\"\n".utf8))])
        #expect(values.files.first?.content == .notManifest(.init(reason: .noAPIVersionOrKind, mark: Mark(offset: 0, line: 1, column: 1))))
    }

    /// A file that does not parse keeps its error, and is classified by what parsed; but text
    /// that never says apiVersion or kind (JSON with comments, a broken compose file) holds no
    /// object, parsed or not. The parser's limits and unreadable text stay input errors.
    @Test func aFileThatDoesNotParseKeepsItsErrorUnlessItCannotHoldObjects() {
        let mentionsKind = Loader.load([.bytes(name: "settings.yaml", Array("# any kind\na: 1\n---\nb: [\n".utf8))])
        #expect(mentionsKind.diagnostics.map(\.kind) == [.syntax])
        #expect(mentionsKind.resources.isEmpty)
        if case .notManifest = mentionsKind.files.first?.content {} else { Issue.record("\(String(describing: mentionsKind.files.first?.content))") }
        let jsonc = Loader.load([.bytes(name: "tsconfig.json", Array("{\n  // strict\n  \"strict\": true,\n}\n".utf8))])
        #expect(jsonc.diagnostics.isEmpty)
        #expect(jsonc.files.first?.content == .notManifest(.init(reason: .noAPIVersionOrKind, mark: .start)))
        let broken = Loader.load([.bytes(name: "broken.yaml", Array("a: 1\n---\nb: [\n".utf8))])
        #expect(broken.diagnostics.isEmpty)
        #expect(broken.files.first?.content == .notManifest(.init(reason: .noAPIVersionOrKind, mark: .start)))
        let deep = Loader.load([.bytes(name: "deep.yaml", Array((String(repeating: "[", count: 600) + "\n").utf8))])
        #expect(deep.diagnostics.map(\.kind) == [.limit])
        let latin1 = Loader.load([.bytes(name: "latin1.yaml", Array("a: caf".utf8) + [0xE9, 0x0A])])
        #expect(latin1.diagnostics.map(\.kind) == [.syntax])
    }

    @Test func notManifestFilesKeepNoYAMLProblems() {
        let loaded = load("values.yaml", "a: 1\na: 2\n")
        #expect(loaded.file?.problems.isEmpty == true)
    }
}

@Suite("Helm templates are recognised by Helm's objects and functions")
struct HelmTemplateTests {
    @Test(arguments: [
        ("name: {{ .Release.Name }}-web\n", 1, 7),
        ("a: 1\n{{- if .Values.enabled }}\nb: 2\n{{- end }}\n", 2, 1),
        ("name: \"{{.Chart.Name}}\"\nimage: {{ .Values.image }}\n", 1, 8),
        ("x: {{ $.Values.x }}\n", 1, 4),
        ("labels:\n  {{- include \"web.labels\" . | nindent 4 }}\n", 2, 3),
        ("data: {{ toYaml .x | nindent 2 }}\n", 1, 7),
        ("x: {{ (.Files.Get \"a\") }}\n", 1, 4),
        ("a: \"{{ $labels.instance }}\"\nb: {{ tpl .Values.x . }}\n", 2, 4),
        ("{{/* a comment */}}\nname: {{ required \"name!\" .Values.name }}\n", 2, 7),
        ("args:\n- {{ .Values.arg }}\n- [{{ .Values.a }}, {{ .Values.b }}]\n", 2, 3),
    ])
    func templateActionsUsingHelmAreFound(_ text: String, _ line: Int, _ column: Int) throws {
        let bytes = Array(text.utf8)
        let offset = try #require(HelmTemplate.firstAction(in: bytes))
        let action = YAMLParser.position(ofByte: offset, in: bytes)
        #expect((action.line, action.column) == (line, column))
        // In a manifest, such a file is a template and nothing else is said about it.
        let loaded = load("templates/x.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n" + text)
        #expect(loaded.resources.isEmpty)
        guard case .helmTemplate(let mark) = loaded.file?.content else {
            Issue.record("not a template: \(text)")
            return
        }
        #expect((mark.line, mark.column) == (line + 3, column))
    }

    /// Go template actions kept as data in manifests: Prometheus and Alertmanager templates,
    /// Grafana legends, Argo Workflows and Kyverno variables.
    @Test(arguments: [
        "description: \"{{ $labels.instance }} is down ({{ $value | humanize }})\"\n",
        "text: |\n  {{ define \"slack.text\" }}{{ range .Alerts }}{{ .Labels.severity }}{{ end }}{{ end }}\n  {{ template \"slack.text\" . }}\n",
        "legendFormat: \"{{instance}}\"\n",
        "args: [\"{{inputs.parameters.message}}\", \"{{workflow.name}}\"]\n",
        "value: \"{{ request.object.metadata.name }}\"\n",
        "a: \"{{ $labels.Values }} {{ .Alerts.Release }} {{ includes }}\"\n",
        "a: \"{{ .Values\"\n",
    ])
    func templateActionsWithoutHelmAreData(_ text: String) throws {
        #expect(HelmTemplate.firstAction(in: Array(text.utf8)) == nil)
        let loaded = load("rules.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata:\n  x: |\n    " + text.replacingOccurrences(of: "\n", with: "\n    ") + "\n")
        #expect(loaded.file?.content == .manifests)
        #expect(loaded.resources.count == 1)
    }
}
