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

/// What a file that could not be read or parsed may define: its references are not reported.
@Suite("Input that could not be parsed")
struct UnreadInputsTests {
    private func unread(_ files: [String: String], defaultNamespace: String = "default") -> UnreadInputs {
        let tree = Loader.load(files.sorted { $0.key < $1.key }.map { .bytes(name: $0.key, Array($0.value.utf8)) })
        return UnreadInputs(tree: tree, defaultNamespace: defaultNamespace, clusterScopedKinds: SchemaTable.shared.clusterScopedKinds)
    }

    private typealias Object = UnreadInputs.PossibleObject

    @Test func aTabHidesTheObjectItBreaksAndNoOther() {
        let inputs = unread(["cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web-env\n  namespace: shop\ndata:\n\tA: b\n"])
        #expect(inputs.objects == [Object(apiVersion: "v1", kind: "ConfigMap", namespace: "shop", name: "web-env", file: "cm.yaml")])
        #expect(inputs.file(mayDefine: "ConfigMap", namespace: "shop", name: "web-env") == "cm.yaml")
        #expect(inputs.file(mayDefine: "ConfigMap", namespace: "shop", name: "other") == nil)
        #expect(inputs.file(mayDefine: "ConfigMap", namespace: "default", name: "web-env") == nil)
        #expect(inputs.file(mayDefine: "Secret", namespace: "shop", name: "web-env") == nil)
        #expect(inputs.file(mayRunPodsIn: "shop") == nil)
    }

    @Test func documentsThatParsedAreNotUnknown() {
        let yaml = """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: parsed}
            ---
            # a comment-only document defines nothing
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: "web", labels: {app: web}}
            spec: [unclosed
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: 'web'   # the Service
            """
        let inputs = unread(["app.yaml": yaml], defaultNamespace: "shop")
        #expect(inputs.objects == [
            Object(apiVersion: "apps/v1", kind: "Deployment", namespace: "shop", name: "web", file: "app.yaml"),
            Object(apiVersion: "v1", kind: "Service", namespace: "shop", name: "web", file: "app.yaml"),
        ])
        #expect(inputs.file(mayRunPodsIn: "shop") == "app.yaml")
        #expect(inputs.file(mayRunPodsIn: "default") == nil)
    }

    @Test func whatTheScanCannotSeeMatchesAnything() {
        // No kind: any object. A List: any object. A templated name: any name of the kind.
        // No metadata: any namespace. Cluster-scoped kinds: no namespace.
        let inputs = unread([
            "a.yaml": "apiVersion: v1\nmetadata:\n  name: x\n\t- broken\n",
            "b.yaml": "apiVersion: v1\nkind: List\nitems:\n\t- {}\n",
            // (Not Helm's: a file with Helm's actions is a template, and may define anything.)
            "c.yaml": "apiVersion: v1\nkind: Secret\nmetadata:\n  name: {{ name }}-tls\n  namespace: shop\n",
            "d.yaml": "apiVersion: v1\nkind: ServiceAccount\n\tspec: {}\n",
            "e.yaml": "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: reader\n  namespace: shop\n\trules: []\n",
        ])
        #expect(inputs.objects == [
            Object(file: "a.yaml"),
            Object(file: "b.yaml"),
            Object(apiVersion: "v1", kind: "Secret", namespace: "shop", name: nil, file: "c.yaml"),
            Object(apiVersion: "v1", kind: "ServiceAccount", namespace: nil, name: nil, file: "d.yaml"),
            Object(apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRole", namespace: "", name: "reader", file: "e.yaml"),
        ])
    }

    @Test func theShallowestNameUnderMetadataIsTheObjects() {
        let yaml = """
            apiVersion: example.com/v1
            kind: Widget
            metadata:
              ownerReferences:
              - apiVersion: v1
                name: owner
              annotations:
                name: not-this
              name: widget
            spec:
            \tsize: 1
            """
        let inputs = unread(["w.yaml": yaml])
        #expect(inputs.objects == [Object(apiVersion: "example.com/v1", kind: "Widget", namespace: "default", name: "widget", file: "w.yaml")])
        // A custom kind may run pods (operators' kinds do).
        #expect(inputs.file(mayRunPodsIn: "default") == "w.yaml")
    }

    @Test func filesNotReadAtAllMayDefineAnything() {
        let tree = LoadedTree(diagnostics: [
            LoadDiagnostic(kind: .unreadable, file: "secret.yaml", message: "cannot read: permission denied"),
            LoadDiagnostic(kind: .empty, file: "k8s", message: "no .yaml, .yml or .json files found in this directory"),
        ])
        let inputs = UnreadInputs(tree: tree, defaultNamespace: "default", clusterScopedKinds: SchemaTable.shared.clusterScopedKinds)
        #expect(inputs.objects == [Object(file: "secret.yaml")])
        #expect(inputs.file(mayDefine: "Secret", namespace: "prod", name: "db") == "secret.yaml")
    }

    @Test func aHelmTemplateMayDefineAnything() {
        // The Deployment reads a ConfigMap the chart's template defines: the template's
        // helm-template warning is the one finding, not also a configmap-missing.
        let files = [
            "chart/templates/config.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-env\ndata:\n  A: b\n",
            "web.yaml": """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                spec:
                  containers:
                  - name: web
                    image: nginx
                    envFrom:
                    - configMapRef: {name: release-env}
                """,
        ]
        let tree = Loader.load(files.sorted { $0.key < $1.key }.map { .bytes(name: $0.key, Array($0.value.utf8)) })
        let inputs = UnreadInputs(tree: tree, defaultNamespace: "default", clusterScopedKinds: SchemaTable.shared.clusterScopedKinds)
        #expect(inputs.objects == [Object(file: "chart/templates/config.yaml")])
        let findings = Linter(configuration: LintConfiguration()).lint(tree).findings
        #expect(findings.map(\.ruleID) == ["helm-template"])
    }

    @Test func aContractDoesNotExpectWhatABrokenFileMayDefine() throws {
        let files = [
            "cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: flags\ndata:\n\tA: b\n",
        ]
        let tree = Loader.load(files.map { .bytes(name: $0.key, Array($0.value.utf8)) })
        var configuration = LintConfiguration()
        let parsed = ContractParser.parse("""
            contract: app
            expect:
            - kind: ConfigMap
              objects:
              - name: flags
              - name: settings
            """, file: "contract.yaml")
        configuration[ConfiguredContracts.self].contracts = [ScopedContract(try #require(parsed.contract))]
        let messages = Linter(configuration: configuration).lint(tree).findings
            .filter { $0.ruleID == "contract-object-missing" }.map(\.message)
        #expect(messages == ["ConfigMap settings, expected by contract 'app', is not in the tree in namespace 'default'"])
    }
}
