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

/// What the reference rules say about a missing object that the tree's custom resources may
/// account for: info naming the probable maker of an unknown kind, a note at the fields of
/// known kinds that only read it.
@Suite("Findings about what operators make or read")
struct ProducerAdviceTests {
    private func findings(_ yaml: String, rules: Set<String>) -> [Finding] {
        let tree = Loader.load([.bytes(name: "tree.yaml", Array(yaml.utf8))])
        return Linter(configuration: LintConfiguration()).lint(tree).findings.filter { rules.contains($0.ruleID) }
    }

    private static let failover = """
        apiVersion: databases.spotahome.com/v1
        kind: RedisFailover
        metadata: {name: sessions, namespace: web}
        spec: {redis: {replicas: 3}}
        """

    @Test func objectsNamedAfterAnUnknownOperatorsResourceAreInfo() {
        let found = findings(Self.failover + """

            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: app, namespace: web}
            spec:
              imagePullSecrets: [{name: sessions-registry}]
              containers:
              - name: app
                image: app
                envFrom:
                - secretRef: {name: rfr-sessions-auth}
                - configMapRef: {name: sessions-config}
                - secretRef: {name: session-keys}
            ---
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: sessions, namespace: web}
            spec:
              tls: [{secretName: sessions-tls}]
              defaultBackend: {service: {name: sessions-admin, port: {number: 80}}}
            """, rules: ["secret-missing", "configmap-missing", "image-pull-secret-missing", "ingress-tls-secret-missing", "ingress-service-missing"])
        let advice = "; probably made by RedisFailover/sessions: declare it under producers or externalObjects in .kubelint.yaml"
        #expect(found.map(\.message) == [
            "image pull secret sessions-registry is not in the tree in namespace 'web'" + advice,
            "Secret rfr-sessions-auth (envFrom of container app) is not in the tree in namespace 'web'" + advice,
            "ConfigMap sessions-config (envFrom of container app) is not in the tree in namespace 'web'" + advice,
            // `session` is not the word `sessions`: nothing says who makes it.
            "Secret session-keys (envFrom of container app) is not in the tree in namespace 'web'",
            "TLS Secret sessions-tls is not in the tree in namespace 'web'" + advice,
            "Service sessions-admin is not in the tree in namespace 'web'" + advice,
        ])
        #expect(found.map(\.severity) == [.info, .info, .info, .warning, .info, .info])
        #expect(found.first?.related.map(\.message) == ["RedisFailover/sessions is defined here"])
        #expect(found.first?.related.first?.location.line == 3)
    }

    @Test func aConfiguredSeverityDoesNotRaiseWhatTheRuleCannotTell() {
        let configuration = ConfigurationParser.parse("rules: {secret-missing: {severity: error}}", file: ".kubelint.yaml").configuration
        let tree = Loader.load([.bytes(name: "tree.yaml", Array((Self.failover + """

            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: app, namespace: web}
            spec:
              containers:
              - name: app
                image: app
                envFrom:
                - secretRef: {name: sessions-auth}
                - secretRef: {name: payment-keys}
            """).utf8))])
        let found = Linter(configuration: configuration).lint(tree).findings.filter { $0.ruleID == "secret-missing" }
        #expect(found.map(\.severity) == [.info, .error])
    }

    @Test func selectorsNamingAnUnknownOperatorsResourceAreInfo() {
        let found = findings(Self.failover + """

            ---
            apiVersion: v1
            kind: Service
            metadata: {name: sessions-read, namespace: web}
            spec:
              selector: {app.kubernetes.io/name: sessions}
              ports: [{port: 6379}]
            ---
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata: {name: sessions, namespace: web}
            spec:
              minAvailable: 2
              selector: {matchLabels: {app.kubernetes.io/name: sessions}}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: other, namespace: web}
            spec:
              selector: {app: other}
              ports: [{port: 80}]
            """, rules: ["service-selector-no-match", "pdb-selects-nothing"])
        let advice = "; the pods are probably made by RedisFailover/sessions: declare them under producers or externalObjects in .kubelint.yaml"
        #expect(found.map(\.message) == [
            "no Pod or workload template in namespace 'web' has the label app.kubernetes.io/name: sessions, so Service sessions-read has no endpoints" + advice,
            "the selector matches no Pod or workload template in namespace 'web'; the budget protects nothing" + advice,
            "no Pod or workload template in namespace 'web' has the label app: other, so Service other has no endpoints",
        ])
        #expect(found.map(\.severity) == [.info, .info, .error])
    }

    @Test func fieldsThatOnlyReadAMissingSecretAreNoted() {
        let found = findings("""
            apiVersion: cert-manager.io/v1
            kind: Issuer
            metadata: {name: internal-ca}
            spec:
              ca: {secretName: ca-key-pair}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: signer}
            spec:
              containers: [{name: signer, image: signer}]
              volumes: [{name: ca, secret: {secretName: ca-key-pair}}]
            """, rules: ["secret-missing"])
        #expect(found.map(\.message) == ["Secret ca-key-pair (volume ca) is not in the tree in namespace 'default'"])
        #expect(found.map(\.severity) == [.warning])
        #expect(found.first?.related.map(\.message) == [
            "Issuer/internal-ca reads Secret ca-key-pair here (spec.ca.secretName); it does not make it",
        ])
        #expect(found.first?.related.map { "\($0.location.line):\($0.location.column)" } == ["5:20"])
    }

    @Test func aCustomWorkloadIsNotTheMakerOfWhatItReads() {
        // A custom resource with a pod template is a workload, like a Deployment: it reads the
        // Secret named after it, its controller does not make it.
        let found = findings("""
            apiVersion: example.com/v1
            kind: Widget
            metadata: {name: gadget}
            spec:
              template:
                spec:
                  containers:
                  - name: gadget
                    image: gadget
                    envFrom: [{secretRef: {name: gadget-credentials}}]
            """, rules: ["secret-missing"])
        #expect(found.map(\.severity) == [.warning])
    }

    @Test func rightsGrantedThroughARoleBindingApplyInItsNamespace() {
        let tree = Loader.load([.bytes(name: "rbac.yaml", Array("""
            apiVersion: v1
            kind: ServiceAccount
            metadata: {name: writer, namespace: tools}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: writer, namespace: tools}
            spec:
              selector: {matchLabels: {app: writer}}
              template:
                metadata: {labels: {app: writer}}
                spec:
                  serviceAccountName: writer
                  containers: [{name: writer, image: writer}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: secret-writer}
            rules:
            - apiGroups: ["*"]
              resources: ["*"]
              resourceNames: [shared-token]
              verbs: [patch]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: writer, namespace: apps}
            roleRef: {kind: ClusterRole, name: secret-writer}
            subjects: [{kind: ServiceAccount, name: writer, namespace: tools}]
            """.utf8))])
        let context = Linter().context(tree, deriving: [ProducedObjects.self])
        #expect(context[ProducedObjects.self].contains(kind: "Secret", namespace: "apps", name: "shared-token"))
        #expect(context[ProducedObjects.self].contains(kind: "ConfigMap", namespace: "apps", name: "shared-token"))
        #expect(!context[ProducedObjects.self].contains(kind: "Secret", namespace: "tools", name: "shared-token"))
    }
}
