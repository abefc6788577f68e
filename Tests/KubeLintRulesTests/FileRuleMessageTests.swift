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

/// Lints named files (`inputs` defaults to the files) and returns `rule-id file:line:column message`.
private func findings(_ files: [(String, String)], inputs: [String]? = nil, rule: String? = nil) -> [String] {
    let tree = Loader.load(files.map { .bytes(name: $0.0, Array($0.1.utf8)) })
    return Linter(configuration: LintConfiguration()).lint(tree, inputs: inputs).findings
        .filter { rule == nil || $0.ruleID == rule }
        .map { "\($0.ruleID) \($0.location.file):\($0.location.line):\($0.location.column) \($0.message)" }
}

private let namespace = "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: web\n"
private let template = "apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Release.Name }}\n"

@Suite("Messages about files that are not manifests, templates and runs without objects")
struct FileRuleMessageTests {
    @Test func notAManifest() {
        let files = [
            ("k8s/ns.yaml", namespace),
            ("k8s/ci/cloudbuild.yaml", "# build\nsteps:\n- name: gcr.io/cloud-builders/docker\n"),
            ("k8s/skaffold.yaml", "apiVersion: skaffold/v4beta11\nkind: Config\n"),
            ("k8s/charts/web/Chart.yaml", "apiVersion: v2\nname: web\nversion: 0.1.0\n"),
            ("Chart.yaml", "apiVersion: v2\nname: top\nversion: 0.1.0\n"),
            ("k8s/charts/web/values.yaml", "apiVersion: apps/v1\nreplicas: 2\n"),
            ("k8s/grafana/datasources.yaml", "apiVersion: 1\ndatasources: []\n"),
        ]
        #expect(findings(files) == [
            "not-a-manifest Chart.yaml:1:1 Helm chart metadata, not a Kubernetes manifest: nothing in it is checked; list the chart under exclude in .kubelint.yaml and lint what it renders: helm template . | kubelint -",
            "not-a-manifest k8s/charts/web/Chart.yaml:1:1 Helm chart metadata, not a Kubernetes manifest: nothing in it is checked; list the chart under exclude in .kubelint.yaml and lint what it renders: helm template k8s/charts/web | kubelint -",
            "not-a-manifest k8s/charts/web/values.yaml:1:1 Helm chart values, not a Kubernetes manifest: nothing in it is checked; list it under exclude in .kubelint.yaml",
            "not-a-manifest k8s/ci/cloudbuild.yaml:2:1 not a Kubernetes manifest (no document has an apiVersion or a kind): nothing in it is checked; list it under exclude in .kubelint.yaml",
            "not-a-manifest k8s/grafana/datasources.yaml:1:13 not a Kubernetes manifest (apiVersion 1 is an integer, no Kubernetes apiVersion, and there is no kind): nothing in it is checked; list it under exclude in .kubelint.yaml",
            "not-a-manifest k8s/skaffold.yaml:1:13 a tool's configuration (skaffold/v4beta11 Config), not a Kubernetes manifest: nothing in it is checked; list it under exclude in .kubelint.yaml",
        ])
    }

    /// A file that does not parse is reported by its syntax error alone, unless its text never
    /// says apiVersion or kind: then it holds no object, and is not a manifest.
    @Test func aBrokenFileIsAnInputErrorUnlessItCannotHoldObjects() {
        #expect(findings([("k8s/ns.yaml", namespace), ("k8s/settings.yaml", "# the kind of settings\na: 1\n---\nb: [\n")]).map { $0.prefix(while: { $0 != " " }) } == ["yaml-syntax"])
        #expect(findings([("k8s/ns.yaml", namespace), ("k8s/tsconfig.json", "{\n  // strict\n  \"strict\": true\n}\n")]) == [
            "not-a-manifest k8s/tsconfig.json:1:1 not a Kubernetes manifest (no document has an apiVersion or a kind): nothing in it is checked; list it under exclude in .kubelint.yaml",
        ])
    }

    @Test func helmTemplate() {
        let files = [
            ("k8s/ns.yaml", namespace),
            ("charts/web/templates/service.yaml", template),
            ("templates/nested/service.yaml", template),
            ("service.yaml", template),
        ]
        #expect(findings(files, rule: "helm-template") == [
            "helm-template charts/web/templates/service.yaml:4:9 a Helm template, not a manifest until it is rendered: nothing in it is checked; lint what the chart renders (helm template charts/web | kubelint -) and list the chart under exclude in .kubelint.yaml",
            "helm-template service.yaml:4:9 a Helm template, not a manifest until it is rendered: nothing in it is checked; lint what the chart renders (helm template CHART | kubelint -) and list the chart under exclude in .kubelint.yaml",
            "helm-template templates/nested/service.yaml:4:9 a Helm template, not a manifest until it is rendered: nothing in it is checked; lint what the chart renders (helm template . | kubelint -) and list the chart under exclude in .kubelint.yaml",
        ])
    }

    @Test func noObjectsSaysWhatTheFileHolds() {
        let cases: [(String, String, String)] = [
            ("empty.yaml", "", "empty or only comments"),
            ("comments.yaml", "# soon\n---\n", "empty or only comments"),
            ("list.yaml", "apiVersion: v1\nkind: List\nitems: []\n", "an empty List"),
            ("values.yaml", "replicaCount: 1\n", "not a manifest"),
            ("skaffold.yaml", "apiVersion: skaffold/v4beta11\nkind: Config\n", "not a manifest"),
            ("audit.yaml", "apiVersion: audit.k8s.io/v1\nkind: Policy\nrules: []\n---\napiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\n", "not a manifest"),
            ("half.yaml", "kind: ConfigMap\nmetadata: {name: a}\n", "objects lacking apiVersion or kind"),
            ("tools.yaml", "kind: Kustomization\n---\napiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\n", "a tool's configuration"),
        ]
        for (name, text, what) in cases {
            #expect(findings([(name, text)], rule: "no-objects") == ["no-objects \(name):1:1 no Kubernetes objects in \(name) (\(what))"])
        }
        #expect(findings([("kustomize.yaml", "kind: Kustomization\n")], rule: "no-objects") == [
            "no-objects kustomize.yaml:1:1 no Kubernetes objects in kustomize.yaml (a kustomization); lint what kustomize builds: kustomize build . | kubelint -",
        ])
        #expect(findings([("<stdin>", "")], inputs: ["-"], rule: "no-objects") == ["no-objects <stdin>:1:1 no Kubernetes objects in <stdin> (empty or only comments)"])
    }

    @Test func noObjectsCountsWhatTheFilesUnderEachPathHold() {
        let chart = [
            ("web/Chart.yaml", "apiVersion: v2\nname: web\nversion: 0.1.0\n"),
            ("web/values.yaml", "replicaCount: 1\n"),
            ("web/templates/a.yaml", template),
            ("web/templates/b.yaml", template),
            ("web/templates/empty.yaml", ""),
        ]
        #expect(findings(chart, inputs: ["web"], rule: "no-objects") == [
            "no-objects web:1:1 no Kubernetes objects in web (5 files read: 2 Helm templates, 1 Helm Chart.yaml, 1 not a manifest, 1 empty or only comments); lint what the chart renders: helm template web | kubelint -",
        ])
        let overlays = [
            ("k8s/overlays/prod/kustomization.yaml", "resources: [../../base]\n"),
            ("k8s/overlays/dev/kustomization.yaml", "resources: [../../base]\n"),
            ("k8s/tool.yaml", "apiVersion: kubeadm.k8s.io/v1beta3\nkind: ClusterConfiguration\n---\napiVersion: v1\nkind: List\nitems: []\n"),
        ]
        #expect(findings(overlays, inputs: ["k8s/", "k8s/tool.yaml"], rule: "no-objects") == [
            "no-objects k8s/:1:1 no Kubernetes objects in k8s/ (3 files read: 1 not a manifest, 2 kustomizations); lint what kustomize builds: kustomize build k8s/overlays/prod | kubelint -",
            "no-objects k8s/tool.yaml:1:1 no Kubernetes objects in k8s/tool.yaml (not a manifest)",
        ])
    }

    /// kubectl apply -f fails only when nothing at all is an object; neither does kubelint.
    @Test func emptyFilesBesideObjectsAreNotFindings() {
        #expect(findings([("a.yaml", ""), ("b.yaml", "# later\n"), ("c.json", "{\"apiVersion\": \"v1\", \"kind\": \"List\", \"items\": []}"), ("ns.yaml", namespace)]) == [])
    }
}
