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

/// Problems of the schema check for one YAML document at a target version.
private func schemaProblems(_ yaml: String, target: KubernetesVersion = .defaultTarget) -> [SchemaProblem] {
    let tree = Loader.load([.bytes(name: "test.yaml", Array(yaml.utf8))])
    let schema = Linter(configuration: LintConfiguration(kubernetesVersion: target)).context(tree, deriving: [SchemaReport.self])[SchemaReport.self]
    return tree.resources.flatMap { schema.problems(for: $0) }
}

@Suite("Kubernetes versions")
struct KubernetesVersionTests {
    @Test(arguments: ["1.13", "v1.13", "1.13.11", "1.13.11-gke.14", "V1.13.0"])
    func parsesReleaseSpellings(_ text: String) {
        #expect(KubernetesVersion(parsing: text) == KubernetesVersion(major: 1, minor: 13))
    }

    @Test(arguments: ["", "1", "13", "1.x", "one.two", "1.13.", "1.13.x", "0.9", "-1.2"])
    func rejectsOtherText(_ text: String) {
        #expect(KubernetesVersion(parsing: text) == nil)
    }

    @Test func ordersByMinor() {
        #expect(KubernetesVersion.v1(9) < KubernetesVersion.v1(13))
        #expect(KubernetesVersion.v1(13) < KubernetesVersion.defaultTarget)
        #expect(KubernetesVersion.defaultTarget.description == "1.37")
    }
}

@Suite("Value syntax")
struct ValueSyntaxTests {
    @Test(arguments: ["1", "0.5", ".5", "5.", "500m", "2Gi", "1.5Gi", "1e3", "1E-3", "+1k", "-2", "100n", "10u", "3Ei"])
    func validQuantities(_ text: String) {
        #expect(ValueSyntax.quantity(text) == nil)
    }

    @Test(arguments: ["", "2GB", "500 m", "1,5Gi", "Gi", ".", "1e", "1ki", "10mb", "1.2.3"])
    func invalidQuantities(_ text: String) {
        #expect(ValueSyntax.quantity(text) != nil)
    }

    @Test func ianaServiceNames() {
        for valid in ["http", "grpc-api", "h2c", "metrics9090", "a"] {
            #expect(ValueSyntax.ianaServiceName(valid) == nil, "\(valid)")
        }
        for invalid in ["8080", "http_port", "HTTP", "-http", "http-", "my--port", "a-very-long-port-name", ""] {
            #expect(ValueSyntax.ianaServiceName(invalid) != nil, "\(invalid)")
        }
    }

    @Test func dnsNames() {
        #expect(ValueSyntax.dnsSubdomain("web.frontend-v2") == nil)
        #expect(ValueSyntax.dnsSubdomain("Web") != nil)
        #expect(ValueSyntax.dnsSubdomain("web..api") != nil)
        #expect(ValueSyntax.dnsSubdomain(String(repeating: "a", count: 254)) != nil)
        #expect(ValueSyntax.dnsLabel("web.api") != nil)
        #expect(ValueSyntax.dnsLabel(String(repeating: "a", count: 63)) == nil)
        #expect(ValueSyntax.dnsLabel(String(repeating: "a", count: 64)) != nil)
        #expect(ValueSyntax.dns1035Label("2nd") != nil)
        #expect(ValueSyntax.dns1035Label("second") == nil)
        #expect(ValueSyntax.pathSegmentName("system:controller:x") == nil)
        #expect(ValueSyntax.pathSegmentName("a/b") != nil)
    }

    @Test func labelsAndAnnotations() {
        #expect(ValueSyntax.qualifiedName("app.kubernetes.io/name") == nil)
        #expect(ValueSyntax.qualifiedName("io.kompose.service") == nil)
        #expect(ValueSyntax.qualifiedName("Example.com/x") != nil)
        #expect(ValueSyntax.qualifiedName("a/b/c") != nil)
        #expect(ValueSyntax.qualifiedName("/x") != nil)
        #expect(ValueSyntax.qualifiedName("app name") != nil)
        #expect(ValueSyntax.labelValue("") == nil)
        #expect(ValueSyntax.labelValue("1.19.0_rc-1") == nil)
        #expect(ValueSyntax.labelValue("1.19.0 (f63a961c)") != nil)
        #expect(ValueSyntax.labelValue(String(repeating: "v", count: 64)) != nil)
        #expect(ValueSyntax.configKey(".env") == nil)
        #expect(ValueSyntax.configKey("..data") != nil)
        #expect(ValueSyntax.configKey("a b") != nil)
    }
}

@Suite("Schema tables")
struct SchemaTableTests {
    let table = SchemaTable.shared

    @Test func knowsTheKindsOfEveryServedGroup() throws {
        for (apiVersion, kind) in [
            ("v1", "Pod"), ("v1", "Service"), ("v1", "ConfigMap"), ("apps/v1", "Deployment"),
            ("batch/v1", "CronJob"), ("networking.k8s.io/v1", "Ingress"), ("extensions/v1beta1", "Ingress"),
            ("apps/v1beta1", "Deployment"), ("rbac.authorization.k8s.io/v1", "ClusterRole"),
            ("apiextensions.k8s.io/v1", "CustomResourceDefinition"), ("autoscaling/v2", "HorizontalPodAutoscaler"),
        ] {
            #expect(table.root(apiVersion: apiVersion, kind: kind) != nil, "\(apiVersion) \(kind)")
        }
        #expect(table.roots.count > 150)
        #expect(table.builtInGroups.contains(""))
        #expect(!table.builtInGroups.contains("monitoring.coreos.com"))
    }

    @Test func fieldsCarryTypesRequirednessAndHistory() throws {
        let pod = try #require(table.root(apiVersion: "v1", kind: "Pod"))
        let spec = try #require(table.types[pod].fields["spec"])
        guard case .object(let specIndex) = spec.type else {
            Issue.record("spec is not an object")
            return
        }
        let podSpec = table.types[specIndex]
        #expect(podSpec.requiredFields == ["containers"])
        #expect(podSpec.fields["ephemeralContainers"]?.absentThroughMinor == 13)
        #expect(podSpec.fields["containers"]?.absentThroughMinor == nil)
        guard case .map(.string) = podSpec.fields["nodeSelector"]?.type else {
            Issue.record("nodeSelector is not a map of strings")
            return
        }
        guard case .any = table.types[pod].fields["status"]?.type else {
            Issue.record("status is checked")
            return
        }
    }

    @Test func versionPrefixesAreStripped() {
        #expect(SchemaTable.baseName(of: "V1Pod") == "Pod")
        #expect(SchemaTable.baseName(of: "V1beta1HTTPIngressPath") == "HTTPIngressPath")
        #expect(SchemaTable.baseName(of: "ExtensionsV1beta1IngressBackend") == "IngressBackend")
        #expect(SchemaTable.baseName(of: "V2beta2MetricTarget") == "MetricTarget")
        #expect(SchemaTable.baseName(of: "V1alpha1VolumeAttachment") == "VolumeAttachment")
        #expect(SchemaTable.baseName(of: "RbacV1Subject") == "Subject")
    }

    @Test func generatedTableIsASCII() {
        // The table is parsed byte by byte, and `baseName(of:)` classifies bytes as characters.
        #expect(SchemaTable.generatedText.utf8.allSatisfy { $0 < 0x80 })
    }

    @Test func fieldIndexAgreesWithTheDictionaries() {
        #expect(table.fieldIndex.isExact)
        func find(_ type: Int, _ name: String) -> SchemaTable.Field? {
            var name = name
            return name.withUTF8 { table.fieldIndex.field(ofType: type, named: $0) }
        }
        for (type, schema) in table.types.enumerated() {
            for (name, field) in schema.fields {
                #expect(find(type, name)?.name == field.name, "\(schema.name).\(name)")
            }
            #expect(find(type, "noSuchField") == nil)
            #expect(find(type, "") == nil)
        }
        let pod = table.root(apiVersion: "v1", kind: "Pod") ?? 0
        // A field of another type is not a field of this one.
        #expect(find(pod, "containers") == nil)
        #expect(find(pod, "spec") != nil)
    }

    @Test func walkNumbersStandForTheFieldsTypesAndChecks() {
        func matches(_ number: Int32, _ type: SchemaTable.FieldType) -> Bool {
            switch (table.walkTypes[Int(number)], type) {
            case (.list(let item), .list(let expected)), (.map(let item), .map(let expected)): matches(item, expected)
            case (.object(let index), .object(let expected)): index == expected
            case let (walkType, fieldType): "\(walkType)" == "\(fieldType)"
            }
        }
        for (index, schema) in table.types.enumerated() {
            #expect(matches(Int32(index), .object(index)))
            for field in schema.fields.values {
                #expect(matches(field.walkType, field.type), "\(schema.name).\(field.name)")
                #expect(field.walkCheck < 0 ? field.check == nil : "\(table.walkChecks[Int(field.walkCheck)])" == "\(field.check.map { "\($0)" } ?? "")")
            }
        }
    }

    @Test func everyFieldRuleNamesARealField() {
        let known = Set(table.types.flatMap { type in type.fields.keys.map { type.baseName + "." + $0 } })
        for key in FieldRules.fieldChecks.keys {
            #expect(known.contains(key), "\(key) is in no table type")
        }
        for key in FieldRules.objectChecks.keys {
            #expect(table.types.contains { $0.baseName == key }, "\(key) is in no table")
        }
    }
}

@Suite("Schema walk")
struct SchemaWalkTests {
    @Test func fieldsAddedLaterAreUnknownAtAnOlderTarget() {
        let ingress = """
            apiVersion: extensions/v1beta1
            kind: Ingress
            metadata: {name: web}
            spec:
              rules:
              - http:
                  paths:
                  - path: /
                    pathType: Prefix
                    backend: {serviceName: web, servicePort: 80}
            """
        let old = schemaProblems(ingress, target: .v1(16))
        #expect(old.count == 1)
        if case .unknownField("pathType", _, let missingIn, _)? = old.first?.kind {
            #expect(missingIn == .v1(16))
        } else {
            Issue.record("expected pathType to be unknown in 1.16: \(old)")
        }
        #expect(schemaProblems(ingress, target: .v1(18)).isEmpty)
    }

    @Test func handBuiltObjectsAreWalkedAsParsedOnes() throws {
        let text = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, labels: {"bad key!": x, app: "not a valid label value!"}}
            spec:
              replica: 2
              selector: {matchLabels: {app: web}, matchExpressions: [{key: app, operator: in, values: [web]}]}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers:
                  - name: Web
                    image: nginx
                    ports: [{containerPort: 70000, protocol: tcp}]
                    resources: {limits: {cpu: -1}}
                    env: [{name: A, value: 1}]
                  - image: sidecar
            """
        let resource = try #require(Loader.load([.bytes(name: "d.yaml", Array(text.utf8))]).resources.first)
        func copy(_ node: Node) -> Node {
            switch node.content {
            case .scalar(let scalar): Node(.scalar(scalar), start: node.start, tag: node.tag)
            case .sequence(let items): Node(.sequence(items.map(copy)), start: node.start, tag: node.tag)
            case .mapping(let pairs): Node(.mapping(pairs.map { Pair(key: copy($0.key), value: copy($0.value)) }), start: node.start, tag: node.tag)
            }
        }
        let table = SchemaTable.shared
        let type = try #require(table.root(apiVersion: "apps/v1", kind: "Deployment"))
        var parsed = SchemaWalker(table: table, target: .defaultTarget, pathPrefix: "")
        parsed.walkObject(resource.root, typeIndex: type)
        var handBuilt = SchemaWalker(table: table, target: .defaultTarget, pathPrefix: "")
        handBuilt.walkObject(copy(resource.root), typeIndex: type)
        #expect(parsed.problems.count >= 8)
        #expect(handBuilt.problems.map(\.message) == parsed.problems.map(\.message))
        #expect(handBuilt.problems.map(\.mark) == parsed.problems.map(\.mark))
        // A walker checks object after object without carrying anything over.
        parsed.reset(pathPrefix: "items[1]")
        parsed.walkObject(resource.root, typeIndex: type)
        #expect(parsed.problems.map(\.path) == handBuilt.problems.map { "items[1]" + ($0.path.isEmpty ? "" : "." + $0.path) })
    }

    @Test func pathsNameListItemsAndListDocuments() {
        let problems = schemaProblems("""
            apiVersion: v1
            kind: List
            items:
            - apiVersion: v1
              kind: Pod
              metadata: {name: a}
              spec:
                containers:
                - {name: a, image: a, ports: [{containerPort: 80, hostport: 8080}]}
            """)
        #expect(problems.map(\.path) == ["items[0].spec.containers[0].ports[0]"])
        #expect(problems.first.map { ($0.mark.line, $0.mark.column) } ?? (0, 0) == (9, 55))
    }

    @Test func unknownKindsAreClassifiedNotWalked() {
        let tree = Loader.load([.bytes(name: "t.yaml", Array("""
            apiVersion: example.com/v1
            kind: Widget
            metadata: {name: w, labels: {ok: "yes"}}
            spec: {anything: [1, 2]}
            ---
            apiVersion: batch/v1
            kind: Cronjob
            metadata: {name: c}
            """.utf8))])
        let schema = Linter().context(tree, deriving: [SchemaReport.self])[SchemaReport.self]
        #expect(schema.classification(of: tree.resources[0]) == .customWithoutDefinition)
        #expect(schema.problems(for: tree.resources[0]).isEmpty)
        #expect(schema.classification(of: tree.resources[1]) == .unknownKind(suggestion: "CronJob", servedVersions: []))
    }

    @Test func aliasesAndDeepNestingStayBounded() {
        // Thousands of aliased containers: every node is visited, nothing recurses.
        var yaml = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nx: &c {name: c, image: i, bogus: 1}\nspec:\n  containers: ["
        yaml += Array(repeating: "*c", count: 5000).joined(separator: ", ") + "]\n"
        let problems = schemaProblems(yaml)
        #expect(problems.filter { if case .unknownField("bogus", _, _, _) = $0.kind { true } else { false } }.count == 5000)
    }
}
