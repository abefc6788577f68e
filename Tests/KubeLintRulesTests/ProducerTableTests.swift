import Foundation
import Testing
import KubeLintModel
import KubeLintYAML
@testable import KubeLintEngine
@testable import KubeLintSchema
@testable import KubeLintTreeFacts
@testable import KubeLintContracts
@testable import KubeLintFileRules
@testable import KubeLintSchemaRules
@testable import KubeLintReferenceRules
@testable import KubeLintDriver

/// The producer table: its built-in entries, name templates, field paths and conditions.
@Suite("The producer table")
struct ProducerTableTests {
    @Test func theBuiltInTableReadsWithoutProblems() {
        #expect(BuiltInProducers.all.problems.map { "\($0.file):\($0.mark.line):\($0.mark.column): \($0.message)" } == [])
        #expect(BuiltInProducers.all.entries.count > 40)
    }

    /// A run reads only the parts of the table that name its kinds, found from each entry's
    /// first lines: they must name exactly the kinds of the part's entries as read.
    @Test func eachPartsKindsAreFoundWithoutReadingIt() {
        for part in BuiltInProducers.Part.allCases {
            let read = Set(part.parsed.entries.map { "\($0.group)/\($0.kind)" })
            let found = Set(BuiltInProducers.partsByKind.flatMap { kind, named in named.filter { $0.part == part }.map { "\($0.group)/\(kind)" } })
            #expect(found == read, "\(part)")
        }
    }

    @Test func aRunReadsThePartsThatNameItsKinds() {
        func parts(_ yaml: String) -> Set<String> {
            let tree = Loader.load([.bytes(name: "tree.yaml", Array(yaml.utf8))])
            return Set(BuiltInProducers.entries(for: tree.resources).map { "\($0.group)/\($0.kind)" })
        }
        // Built-in kinds the table does not name read nothing.
        #expect(parts("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n").isEmpty)
        // An Ingress reads the part with cert-manager's ingress-shim.
        #expect(parts("apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: a}\n").contains("networking.k8s.io/Ingress"))
        // A custom resource of a kind no entry names still gets the conventions across kinds.
        let custom = parts("apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: a}\n")
        #expect(custom.contains("*/*"))
        #expect(!custom.contains("monitoring.coreos.com/Prometheus"))
        // A Prometheus reads the part that names it.
        #expect(parts("apiVersion: monitoring.coreos.com/v1\nkind: Prometheus\nmetadata: {name: a}\n").contains("monitoring.coreos.com/Prometheus"))
    }

    /// Every entry says where its naming comes from: a comment naming a page or a source file
    /// comes before each operator's first entry.
    @Test func everyOperatorsEntriesFollowTheirSource() {
        for text in [BuiltInProducers.databases, BuiltInProducers.messaging, BuiltInProducers.platform, BuiltInProducers.secrets] {
            var sawSource = false
            var lastGroup = ""
            for line in text.split(separator: "\n").map({ $0.trimmingCharacters(in: .whitespaces) }) {
                if line.hasPrefix("#") {
                    if line.contains("https://") || line.contains(".go") || line.contains(".adoc") || line.contains(".md") { sawSource = true }
                    continue
                }
                if line.hasPrefix("- group:") {
                    let group = String(line.dropFirst("- group:".count)).trimmingCharacters(in: .whitespaces)
                    #expect(sawSource || group == lastGroup, "entry of \(group) without a source before it")
                    lastGroup = group
                    sawSource = false
                }
            }
        }
    }

    /// docs/producers.md lists every built-in entry, so that readers can see what is known.
    @Test func theDocumentationListsEveryBuiltInEntry() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("docs/producers.md"), encoding: .utf8)
        for entry in BuiltInProducers.all.entries {
            #expect(text.contains("| `\(entry.group)` | `\(entry.kind)` |"), "docs/producers.md lacks \(entry.group) \(entry.kind)")
        }
    }

    @Test func theKindsTeamsRunAreKnown() {
        let table = ProducerTable(BuiltInProducers.all.entries)
        let kinds: [(String, String)] = [
            ("postgresql.cnpg.io", "Cluster"), ("acid.zalan.do", "postgresql"), ("postgres-operator.crunchydata.com", "PostgresCluster"),
            ("ceph.rook.io", "CephCluster"), ("ceph.rook.io", "CephObjectStore"), ("ceph.rook.io", "CephFilesystem"), ("ceph.rook.io", "CephNFS"),
            ("leaderworkerset.x-k8s.io", "LeaderWorkerSet"), ("kafka.strimzi.io", "Kafka"), ("kafka.strimzi.io", "KafkaUser"),
            ("monitoring.coreos.com", "Prometheus"), ("monitoring.coreos.com", "Alertmanager"), ("cert-manager.io", "Certificate"),
            ("cert-manager.io", "Issuer"), ("cert-manager.io", "ClusterIssuer"), ("elasticsearch.k8s.elastic.co", "Elasticsearch"),
            ("kibana.k8s.elastic.co", "Kibana"), ("ray.io", "RayCluster"), ("mongodbcommunity.mongodb.com", "MongoDBCommunity"),
            ("serving.knative.dev", "Service"), ("bitnami.com", "SealedSecret"), ("external-secrets.io", "ExternalSecret"),
        ]
        for (group, kind) in kinds {
            #expect(table.knows(group: group, kind: kind), "\(group)/\(kind)")
        }
    }

    // MARK: Name templates

    private func subject(_ yaml: String, namespace: String = "shop") throws -> ProducerSubject {
        let root = try #require(YAMLParser.parse(Array(yaml.utf8)).documents.first?.root)
        let name = root["metadata"]?["name"]?.scalar?.text
        return ProducerSubject(root: root, name: name, namespace: namespace, nameMark: root.start)
    }

    private func names(_ template: String, _ yaml: String) throws -> [String] {
        guard case .success(let parsed) = NameTemplate.parse(template) else {
            Issue.record("\(template) does not parse")
            return []
        }
        return parsed.names(for: try subject(yaml))
    }

    @Test func placeholdersTakeTheObjectsFields() throws {
        let object = """
            metadata: {name: pg}
            spec:
              target: {name: payments}
              users: {orders_app: [], reader: []}
              roles: [{db: admin, name: Big_User}, {db: reports, name: viewer}]
            """
        #expect(try names("{name}-app", object) == ["pg-app"])
        #expect(try names("{namespace}.{name}", object) == ["shop.pg"])
        #expect(try names("{spec.target.name|name}", object) == ["payments"])
        #expect(try names("{spec.missing|name}", object) == ["pg"])
        #expect(try names("{spec.missing}-x", object) == [])
        #expect(try names("{spec.users.*:dashes}.{name}.credentials", object) == ["orders-app.pg.credentials", "reader.pg.credentials"])
        // Fields of one list item stay together: two names, not four.
        #expect(try names("{name}-{spec.roles[].db}-{spec.roles[].name:dns}", object) == ["pg-admin-big-user", "pg-reports-viewer"])
    }

    @Test func brokenTemplatesAndPathsSayWhatIsWrong() {
        func problem(_ template: String) -> String? {
            if case .failure(let error) = NameTemplate.parse(template) { return error.message }
            return nil
        }
        #expect(problem("{name") == "name template '{name' has a '{' without '}'")
        #expect(problem("name}") == "name template 'name}' has a '}' without '{'")
        #expect(problem("{name:upper}") == "name template '{name:upper}' has an unknown filter 'upper' (known: dashes, dns)")
        #expect(problem("{spec..x}") == "name template '{spec..x}' has a placeholder whose field path 'spec..x' has an empty step")
        #expect(problem("{[].x}") == "name template '{[].x}' has a placeholder whose field path '[].x' cannot start with []")
        #expect(problem("{spec.a[.b}") == "name template '{spec.a[.b}' has a placeholder whose field path 'spec.a[.b' has a '[' that is neither [] nor ['key']")
        #expect(problem("{metadata.annotations['a.b/c'}") == "name template '{metadata.annotations['a.b/c'}' has a placeholder whose field path 'metadata.annotations['a.b/c'' has an unclosed ['")
        #expect(problem("{spec.}") == "name template '{spec.}' has a placeholder whose field path 'spec.' ends with '.'")
        #expect(problem("") == "name template '' is empty")
        #expect(problem("{metadata.annotations['cert-manager.io/issuer']}") == nil)
    }

    @Test func aHostileListIsBoundedInNames() throws {
        let items = (0..<40).map { "{a: a\($0), b: b\($0)}" }.joined(separator: ", ")
        let object = "metadata: {name: x}\nspec: {one: [\(items)], two: [\(items)]}"
        // The two lists are different lists: their values combine, up to the bound.
        #expect(try names("{spec.one[].a}-{spec.two[].b}", object).count == NameTemplate.maximumNames)
    }

    // MARK: Conditions

    @Test func conditionsReadFieldsAsYAMLDoes() throws {
        var reader = SchemaReader(file: "test", origin: .configuration)
        let entry = """
            - group: example.com
              kind: Thing
              secrets:
              - {name: "{name}-always"}
              - {name: "{name}-when-on", when: {spec.on: true}}
              - {name: "{name}-unless-merge", unless: {spec.policy: [Merge, None]}}
              - {name: "{name}-when-template", when: {spec.template: "*"}}
              - {name: "{name}-any-of", when: [{spec.a: "1"}, {spec.b: "2"}]}
            """
        let parsedRoot = reader.root(of: Array(entry.utf8))
        let root = try #require(parsedRoot)
        let producers = ProducerReader.entries(try #require(root.items), place: "producers", reader: &reader)
        #expect(reader.problems.isEmpty)
        let producer = try #require(producers.first)
        func made(_ yaml: String) throws -> [String] {
            let thing = try subject(yaml)
            return producer.objects.filter { $0.condition.holds(for: thing) }.flatMap { $0.name.names(for: thing) }
        }
        #expect(try made("metadata: {name: t}") == ["t-always", "t-unless-merge"])
        #expect(try made("metadata: {name: t}\nspec: {on: True, policy: Merge, template: {spec: {}}, b: '2'}")
            == ["t-always", "t-when-on", "t-when-template", "t-any-of"])
        #expect(try made("metadata: {name: t}\nspec: {on: false, policy: Owner, template: ~, a: 2}")
            == ["t-always", "t-unless-merge"])
    }

    // MARK: What the table says resources make

    private func lint(_ yaml: String, configuration: LintConfiguration = LintConfiguration()) -> LintContext {
        let tree = Loader.load([.bytes(name: "tree.yaml", Array(yaml.utf8))])
        return Linter(configuration: configuration).context(tree, deriving: [ProducedObjects.self])
    }

    @Test func operatorPodsAreIndexedWithTheirLabels() throws {
        let context = lint("""
            apiVersion: postgresql.cnpg.io/v1
            kind: Cluster
            metadata: {name: pg, namespace: db}
            spec: {instances: 3}
            ---
            apiVersion: monitoring.coreos.com/v1
            kind: Prometheus
            metadata: {name: main, namespace: db}
            spec:
              podMetadata:
                labels: {team: data, app.kubernetes.io/name: overridden}
            """)
        let cluster = try #require(context.index.object(kind: "Cluster", namespace: "db", name: "pg"))
        let roles = context.index.podLabelSets(of: cluster).map { $0["cnpg.io/instanceRole"] }
        #expect(roles == ["primary", "replica"])
        let primary = StringMap(entries: [StringMap.Entry(key: "cnpg.io/cluster", value: "pg", keyMark: .start, valueMark: .start),
                                          StringMap.Entry(key: "role", value: "primary", keyMark: .start, valueMark: .start)])
        #expect(context.index.podRunners(matching: primary, namespace: "db").map(\.name) == ["pg"])
        #expect(context.index.podRunners(matching: primary, namespace: "other").isEmpty)
        // The operator's labels are set over the ones the object asks for.
        let prometheus = try #require(context.index.object(kind: "Prometheus", namespace: "db", name: "main"))
        let labels = try #require(context.index.podLabelSets(of: prometheus).first)
        #expect(labels["team"] == "data")
        #expect(labels["app.kubernetes.io/name"] == "prometheus")
        #expect(labels.entry("team")?.valueMark.line == 11)
    }

    @Test func wildcardEntriesApplyToCustomResourcesOnly() {
        let context = lint("""
            apiVersion: database.example.org/v1alpha1
            kind: PostgreSQLInstance
            metadata: {name: reports, namespace: shop}
            spec:
              writeConnectionSecretToRef: {name: reports-conn}
            ---
            apiVersion: rds.aws.upbound.io/v1beta1
            kind: Instance
            metadata: {name: legacy}
            spec:
              writeConnectionSecretToRef: {name: legacy-conn, namespace: crossplane-system}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: not-a-producer, namespace: shop}
            data: {}
            spec:
              writeConnectionSecretToRef: {name: never}
            """)
        #expect(context[ProducedObjects.self].contains(kind: "Secret", namespace: "shop", name: "reports-conn"))
        #expect(context[ProducedObjects.self].contains(kind: "Secret", namespace: "crossplane-system", name: "legacy-conn"))
        #expect(!context[ProducedObjects.self].contains(kind: "Secret", namespace: "shop", name: "never"))
    }

    @Test func objectsMadeInEveryNamespaceResolveAnywhere() {
        let context = lint("""
            apiVersion: trust.cert-manager.io/v1alpha1
            kind: Bundle
            metadata: {name: trust}
            spec:
              target: {configMap: {key: ca.crt}}
            """)
        #expect(context[ProducedObjects.self].contains(kind: "ConfigMap", namespace: "anywhere", name: "trust"))
        #expect(!context[ProducedObjects.self].contains(kind: "Secret", namespace: "anywhere", name: "trust"))
    }

    @Test func theConfigurationAddsToTheBuiltInTable() {
        let parsed = ConfigurationParser.parse("""
            producers:
            - group: platform.example.com
              kind: Database
              secrets: ["{name}-credentials"]
            """, file: ".kubelint.yaml")
        #expect(parsed.configuration.problems.isEmpty)
        let context = lint("""
            apiVersion: platform.example.com/v1
            kind: Database
            metadata: {name: accounts}
            ---
            apiVersion: postgresql.cnpg.io/v1
            kind: Cluster
            metadata: {name: pg}
            """, configuration: parsed.configuration)
        #expect(context[ProducedObjects.self].contains(kind: "Secret", namespace: "default", name: "accounts-credentials"))
        #expect(context[ProducedObjects.self].contains(kind: "Secret", namespace: "default", name: "pg-app"))
    }

    @Test func producerEntriesInTheConfigurationAreCheckedWithPositions() {
        let parsed = ConfigurationParser.parse("""
            producers:
            - group: platform.example.com
              kind: Database
              secret: ["{name}-credentials"]
              services: ["{name", 42]
              pods:
              - lables: {app: "{name}"}
              - labels: [app]
              reads:
                configmaps: [spec.settings]
            - kind: Cache
              configMaps:
              - {name: "{name}-settings", when: [spec.enabled], namespace: ""}
            - group: ""
              kind: ""
            producer: []
            """, file: ".kubelint.yaml")
        let problems = parsed.configuration.problems.map { "\($0.mark.line):\($0.mark.column) \($0.message)" }
        #expect(problems == [
            "16:1 unknown key 'producer' in the configuration; did you mean 'producers'?",
            "4:3 unknown key 'secret' in producers[0]; did you mean 'secrets'?",
            "5:14 name template '{name' has a '{' without '}'",
            "5:23 producers[0].services[1] must be a string, found an integer",
            "7:5 unknown key 'lables' in producers[0].pods[0]; did you mean 'labels'?",
            "7:5 producers[0].pods[0] needs 'labels' or 'labelsFrom': pods are found by their labels",
            "8:13 producers[0].pods[1].labels must be a mapping of label keys to name templates, found a list",
            "10:5 unknown key 'configmaps' in producers[0].reads; did you mean 'configMaps'?",
            "11:3 producers[1] needs 'group'",
            "13:64 producers[1].configMaps[0].namespace must not be empty",
            "13:38 producers[1].configMaps[0].when must map field paths to the values that satisfy it, found a string",
            "15:9 producers[2].kind must not be empty",
        ])
    }
}
