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

/// Lints files given by name and text with the default configuration (or `configuration`).
private func lint(_ files: [(String, String)], configuration: LintConfiguration = LintConfiguration()) -> [Finding] {
    let tree = Loader.load(files.map { .bytes(name: $0.0, Array($0.1.utf8)) })
    return Linter(configuration: configuration).lint(tree).findings
}

private func messages(_ findings: [Finding], of ruleIDs: Set<String>) -> [String] {
    findings.filter { ruleIDs.contains($0.ruleID) }.map { "\($0.location) \($0.severity.rawValue): \($0.message) [\($0.ruleID)]" }
}

/// The API server's defaulting, as the schema table records it: the zero value of a defaulted
/// field is the field left out.
@Suite("Defaulted fields")
struct DefaultedFieldTests {
    let table = SchemaTable.shared

    private func field(_ type: String, _ name: String) throws -> SchemaTable.Field {
        let schema = try #require(table.types.first { $0.name == type }, "\(type)")
        return try #require(schema.fields[name], "\(type).\(name)")
    }

    @Test func plainFieldsWithADefaultAreDefaulted() throws {
        for (type, name) in [
            ("V1Container", "imagePullPolicy"), ("V1Container", "terminationMessagePolicy"),
            ("V1EphemeralContainer", "imagePullPolicy"), ("V1PodSpec", "restartPolicy"), ("V1PodSpec", "dnsPolicy"),
            ("V1ContainerPort", "protocol"), ("V1ServicePort", "protocol"), ("V1ServicePort", "targetPort"),
            ("V1ServiceSpec", "type"), ("V1ServiceSpec", "sessionAffinity"), ("V1DeploymentStrategy", "type"),
            ("ExtensionsV1beta1DeploymentStrategy", "type"), ("V1StatefulSetSpec", "podManagementPolicy"),
            ("V1CronJobSpec", "concurrencyPolicy"), ("V1Toleration", "operator"), ("V1HTTPGetAction", "scheme"),
        ] {
            #expect(try field(type, name).isDefaulted, "\(type).\(name)")
        }
    }

    @Test func pointersRequiredFieldsAndFieldsWithoutADefaultAreNot() throws {
        for (type, name) in [
            // Pointers: "" is a value the API server validates (and refuses).
            ("V1PodSpec", "preemptionPolicy"), ("V1PersistentVolumeClaimSpec", "volumeMode"),
            ("V1StorageClass", "reclaimPolicy"), ("V1NetworkPolicyPort", "protocol"), ("V1ServiceSpec", "internalTrafficPolicy"),
            // Required, or without a default: 0 is refused (`port name or number is required`).
            ("V1ServicePort", "port"), ("V1ContainerPort", "containerPort"), ("V1ServiceBackendPort", "number"),
            ("V1Container", "name"), ("V1ContainerResizePolicy", "restartPolicy"),
        ] {
            #expect(try !field(type, name).isDefaulted, "\(type).\(name)")
        }
        #expect(table.types.allSatisfy { type in type.fields.values.allSatisfy { !($0.isDefaulted && $0.isRequired) } })
    }

    @Test func emptyStringsOnDefaultedFieldsAreTheFieldsLeftOut() {
        let findings = lint([("app.yaml", """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              strategy: {type: ""}
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  restartPolicy: ""
                  dnsPolicy: ""
                  tolerations: [{key: dedicated, operator: "", value: web}]
                  containers:
                  - name: web
                    image: nginx
                    imagePullPolicy: ""
                    terminationMessagePolicy: ""
                    ports: [{containerPort: 6379, protocol: ""}]
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec:
              type: ""
              sessionAffinity: ""
              externalTrafficPolicy: ""
              selector: {app: web}
              ports:
              - {name: redis, port: 6379, targetPort: 0, protocol: ""}
              - {name: same, port: 6379, targetPort: "", protocol: UDP}
            """)])
        #expect(findings.map { "\($0.location) \($0.message) [\($0.ruleID)]" } == [])
    }

    @Test func emptyStringsElsewhereAreStillReported() {
        let findings = lint([("app.yaml", """
            apiVersion: v1
            kind: Pod
            metadata: {name: batch}
            spec:
              preemptionPolicy: ""
              containers:
              - name: batch
                image: batch
                imagePullPolicy: 0
                ports: [{containerPort: 0}]
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec:
              ports:
              - {port: 80, targetPort: -8080}
            ---
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: web}
            spec:
              defaultBackend:
                service: {name: web, port: {number: 0}}
            """)])
        #expect(messages(findings, of: ["invalid-enum-value", "invalid-port", "string-expected"]) == [
            "app.yaml:5:21 error: spec.preemptionPolicy: '' is not one of PreemptLowerPriority, Never [invalid-enum-value]",
            "app.yaml:9:22 error: spec.containers[0].imagePullPolicy: YAML reads `0` as the integer 0, but a string is required; write \"0\" [string-expected]",
            "app.yaml:10:29 error: spec.containers[0].ports[0].containerPort: 0 is not a valid port number (1-65535) [invalid-port]",
            "app.yaml:17:28 error: spec.ports[0].targetPort: -8080 is not a valid port number (1-65535) [invalid-port]",
            "app.yaml:24:41 error: spec.defaultBackend.service.port.number: 0 is not a valid port number (1-65535) [invalid-port]",
        ])
    }

    @Test func defaultedValuesAreWhatRulesJudge() {
        // `strategy.type: ""` is RollingUpdate; `type: ""` is ClusterIP.
        let deployment = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: db}
            spec:
              strategy: {type: ""}
              selector: {matchLabels: {app: db}}
              template:
                metadata: {labels: {app: db}}
                spec:
                  containers: [{name: db, image: postgres, volumeMounts: [{name: data, mountPath: /data}]}]
                  volumes: [{name: data, persistentVolumeClaim: {claimName: db-data}}]
            ---
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata: {name: db-data}
            spec:
              accessModes: [ReadWriteOnce]
              resources: {requests: {storage: 1Gi}}
            """
        #expect(messages(lint([("db.yaml", deployment)]), of: ["rwo-volume-rolling-update"]) == [
            "db.yaml:5:20 warning: Deployment db updates with RollingUpdate (the default) but mounts the ReadWriteOnce claim db-data; the new pod cannot attach it while the old one runs [rwo-volume-rolling-update]",
        ])
    }
}

/// Kinds whose objects live outside namespaces, from the API's definitions and the tree's
/// CustomResourceDefinitions.
@Suite("Cluster-scoped kinds")
struct ClusterScopedKindTests {
    @Test func theSchemaTableKnowsWhichBuiltInKindsAreClusterScoped() {
        let kinds = SchemaTable.shared.clusterScopedKinds
        for (group, kind) in [
            ("", "Namespace"), ("", "Node"), ("", "PersistentVolume"), ("rbac.authorization.k8s.io", "ClusterRole"),
            ("storage.k8s.io", "StorageClass"), ("networking.k8s.io", "IngressClass"), ("scheduling.k8s.io", "PriorityClass"),
            ("apiextensions.k8s.io", "CustomResourceDefinition"), ("admissionregistration.k8s.io", "MutatingAdmissionPolicy"),
            ("flowcontrol.apiserver.k8s.io", "FlowSchema"), ("resource.k8s.io", "DeviceClass"),
        ] {
            #expect(kinds.contains(group: group, kind: kind), "\(group) \(kind)")
        }
        for (group, kind) in [
            ("", "Pod"), ("", "Service"), ("", "Secret"), ("apps", "Deployment"), ("rbac.authorization.k8s.io", "Role"),
            ("rbac.authorization.k8s.io", "RoleBinding"), ("networking.k8s.io", "Ingress"), ("", "Event"),
            ("storage.k8s.io", "CSIStorageCapacity"), ("rbac.authorization.k8s.io", "Namespace"),
        ] {
            #expect(!kinds.contains(group: group, kind: kind), "\(group) \(kind)")
        }
    }

    private static let tree = """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: reader, namespace: Tools_NS}
        rules: []
        ---
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: {name: clusterissuers.cert-manager.io}
        spec:
          group: cert-manager.io
          scope: Cluster
          names: {kind: ClusterIssuer, plural: clusterissuers}
          versions: [{name: v1, served: true, storage: true, schema: {openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}}]
        ---
        apiVersion: cert-manager.io/v1
        kind: ClusterIssuer
        metadata: {name: letsencrypt, namespace: cert-manager}
        spec: {}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: settings, namespace: ""}
        """

    @Test func theirObjectsAreFiledUnderNoNamespaceAndFoundFromAnyNamespace() {
        let context = Linter().context(Loader.load([.bytes(name: "tree.yaml", Array(Self.tree.utf8))]), deriving: referenceFacts)
        let index = context.index
        let byName = Dictionary(uniqueKeysWithValues: index.resources.compactMap { resource in resource.name.map { ($0, resource) } })
        #expect(byName["reader"].map(index.namespace(of:)) == "")
        #expect(byName["letsencrypt"].map(index.namespace(of:)) == "")
        // `namespace: ""` is the namespace left out.
        #expect(byName["settings"].map(index.namespace(of:)) == "default")
        #expect(index.object(kind: "ClusterRole", namespace: "web", name: "reader")?.name == "reader")
        #expect(index.object(kind: "ClusterIssuer", namespace: "web", name: "letsencrypt")?.name == "letsencrypt")
        #expect(index.namespace(forKind: "StorageClass", from: "web") == "")
        #expect(index.namespace(forKind: "ConfigMap", from: "web") == "web")
        #expect(context.referenceResolves(kind: "ClusterRole", namespace: "web", name: "reader"))
        #expect(!context.referenceResolves(kind: "ClusterRole", namespace: "web", name: "writer"))
    }

    @Test func theNamespaceTheyAreWrittenWithIsNotJudged() {
        let findings = lint([("tree.yaml", Self.tree + """

            ---
            apiVersion: v1
            kind: ServiceAccount
            metadata: {name: bot, namespace: Tools_NS}
            """)])
        #expect(messages(findings, of: ["invalid-name"]) == [
            "tree.yaml:26:34 error: metadata.namespace: 'Tools_NS' is not a valid namespace name: must consist of lowercase letters, digits and '-' (DNS-1123 label) [invalid-name]",
        ])
    }

    @Test func externalObjectsOfAClusterScopedKindMatchFromAnyNamespace() {
        let configuration = LintConfiguration(externalObjects: [ExternalObject(kind: "StorageClass", name: "fast", namespace: "tools")])
        let context = Linter(configuration: configuration).context(Loader.load([.bytes(name: "tree.yaml", Array(Self.tree.utf8))]), deriving: referenceFacts)
        #expect(context.referenceResolves(kind: "StorageClass", namespace: "web", name: "fast"))
        #expect(!context.referenceResolves(kind: "Secret", namespace: "web", name: "fast"))
    }
}

/// Contracts see cluster-scoped objects whatever namespace the contract looks at, and a
/// Service's `type: ""` as ClusterIP.
@Suite("Contracts and API defaults")
struct ContractDefaultTests {
    private func lint(_ manifest: String, contract text: String) throws -> [Finding] {
        let parsed = ContractParser.parse(text, file: "contract.yaml")
        let contract = try #require(parsed.contract, "\(parsed.problems)")
        let tree = Loader.load([.bytes(name: "tree.yaml", Array(manifest.utf8))])
        var configuration = LintConfiguration()
        configuration[ConfiguredContracts.self].contracts = [ScopedContract(contract)]
        return Linter(configuration: configuration).lint(tree).findings
    }

    @Test func clusterScopedObjectsAreGovernedFromTheContractsNamespace() throws {
        let findings = try lint("""
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: reader, namespace: other}
            rules: []
            """, contract: """
            contract: staging
            namespace: staging
            expect:
            - kind: ClusterRole
              objects:
              - name: reader
              - name: writer
            """)
        #expect(messages(findings, of: ["contract-object-missing", "contract-unlisted-object"]) == [
            "contract.yaml:7:11 error: ClusterRole writer, expected by contract 'staging', is not in the tree [contract-object-missing]",
        ])
    }

    @Test func anEmptyServiceTypeIsClusterIP() throws {
        let service = """
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec:
              type: ""
              selector: {app: web}
              ports: [{port: 80}]
            """
        let contract = { (type: String) in """
            contract: staging
            expect:
            - kind: Service
              objects:
              - name: web
                type: \(type)
            """ }
        #expect(messages(try lint(service, contract: contract("ClusterIP")), of: ["contract-service-type"]).isEmpty)
        #expect(messages(try lint(service, contract: contract("LoadBalancer")), of: ["contract-service-type"]) == [
            "tree.yaml:5:9 error: Service web is of type ClusterIP (spec.type is absent); contract 'staging' expects LoadBalancer [contract-service-type]",
        ])
    }
}
