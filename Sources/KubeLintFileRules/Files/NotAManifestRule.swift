import KubeLintEngine
import KubeLintModel
import KubeLintSchema
import KubeLintYAML

package struct NotAManifestRule: Rule {
    package init() {}

    package static let description = RuleDescription(
        id: "not-a-manifest",
        severity: .info,
        category: .files,
        summary: "A file in the tree is not a Kubernetes manifest, so nothing in it is checked",
        rationale: """
            Manifest trees hold other YAML and JSON too: Helm's Chart.yaml and values.yaml, \
            docker-compose.yml, CI and build configuration, package.json, the configuration of \
            tools such as skaffold or kind. They are not objects of the Kubernetes API, and \
            checking them as objects would only report their missing apiVersion, kind and \
            metadata. A file is not a manifest when none of its documents is an object: none \
            has an apiVersion or a kind, or each is a tool's configuration, Helm's Chart.yaml \
            or values.yaml (whatever options they hold), or a file whose apiVersion is a \
            number and that has no kind (Grafana provisioning); so is a file YAML cannot parse \
            whose text never says apiVersion or kind (JSON with comments). It is noted once, \
            counted apart from resources, and not checked. A document with a kind but no apiVersion (or the \
            reverse), or one without either beside objects in the same file, is a broken \
            object and is reported as one. What a kustomization reads as patches or data \
            (generator files, Helm values) is not noted. `kubectl apply -f` refuses such \
            files, so keep them out of the linted paths.
            """,
        remediation: "List the file (or its directory) under `exclude` in .kubelint.yaml.",
        triggeringExamples: [
            Example("""
                ↓services:
                  web:
                    image: nginx
                    ports: ["8080:80"]
                """),
            Example("""
                apiVersion: ↓skaffold/v4beta11
                kind: Config
                manifests:
                  rawYaml: [k8s/*.yaml]
                """),
        ],
        nonTriggeringExamples: [
            Example("""
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: web
                """),
            // kustomize supplies apiVersion and kind; kubelint reads what the file says.
            Example("""
                kind: Kustomization
                resources: [deployment.yaml]
                """),
            // The kustomization reads these as a patch and as data.
            Example("""
                - op: replace
                  path: /spec/replicas
                  value: 3
                """, otherFiles: [
                    "kustomization.yaml": """
                        resources: [deployment.yaml]
                        patches:
                        - path: example.yaml
                          target: {kind: Deployment, name: web}
                        configMapGenerator:
                        - name: web-settings
                          files: [settings.json=settings.prod.json]
                        """,
                    "settings.prod.json": "{\"theme\": \"dark\"}\n",
                ]),
            // Beside an object, a document without apiVersion and kind is a broken object.
            Example("""
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: web
                ---
                image: nginx
                """),
        ]
    )

    package func check(_ context: LintContext) -> [Finding] {
        let candidates = context.tree.files.compactMap { file -> (path: String, notManifest: FileContent.NotManifest)? in
            guard case .notManifest(let notManifest) = file.content else { return nil }
            return (file.path, notManifest)
        }
        // Most trees have none: spare them the look at every resource below.
        guard !candidates.isEmpty else { return [] }
        // A file that did not parse is reported by its parse error alone.
        let failed = Set(context.tree.diagnostics.map(\.file))
        // What a kustomization reads (JSON 6902 patches, generator inputs, Helm values) is no
        // manifest, and belongs where it is.
        let readByKustomize = KustomizePatches.files(in: context.tree.resources).union(KustomizePatches.dataFiles(in: context.tree.resources))
        return candidates.compactMap { path, notManifest in
            guard !failed.contains(path), !KustomizePatches.contains(path, in: readByKustomize) else { return nil }
            return finding(Self.message(notManifest.reason, file: path), file: path, at: notManifest.mark)
        }
    }

    static func message(_ reason: FileContent.NotManifest.Reason, file: String) -> String {
        let skipped = "nothing in it is checked"
        let exclude = "list it under exclude in .kubelint.yaml"
        switch reason {
        case .noAPIVersionOrKind:
            return "not a Kubernetes manifest (no document has an apiVersion or a kind): \(skipped); \(exclude)"
        case .foreignAPIVersion(let text):
            let type = ResolvedScalar.resolvePlain(text).typeDescription
            return "not a Kubernetes manifest (apiVersion \(text) is \(type), no Kubernetes apiVersion, and there is no kind): \(skipped); \(exclude)"
        case .chartValues:
            return "Helm chart values, not a Kubernetes manifest: \(skipped); \(exclude)"
        case .chartMetadata:
            return "Helm chart metadata, not a Kubernetes manifest: \(skipped); list the chart under exclude in .kubelint.yaml and lint what it renders: \(HelmChartCommand.render(file: file))"
        case .toolConfiguration(let apiVersion, let kind):
            return "a tool's configuration (\(apiVersion) \(kind)), not a Kubernetes manifest: \(skipped); \(exclude)"
        }
    }
}
