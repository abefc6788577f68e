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

/// The full text of every message the reference rules write: where the reference is made, in
/// words a reader can follow back to the manifest, and how to fix it.
@Suite("Messages of references")
struct ReferenceMessageTests {
    private func findings(_ files: [String: String], configuration: String? = nil) -> [Finding] {
        let tree = Loader.load(files.sorted { $0.key < $1.key }.map { .bytes(name: $0.key, Array($0.value.utf8)) })
        let parsed = configuration.map { ConfigurationParser.parse($0, file: ".kubelint.yaml").configuration } ?? LintConfiguration()
        return Linter(configuration: parsed).lint(tree).findings
    }

    private func messages(_ files: [String: String], rule: String, configuration: String? = nil) -> [String] {
        findings(files, configuration: configuration).filter { $0.ruleID == rule }.map(\.message)
    }

    /// A Deployment `web` whose only container (`web`) carries `containerFields`, and whose pod
    /// spec carries `specFields` (both indented for their place).
    private func deployment(namespace: String? = nil, container containerFields: String = "", spec specFields: String = "") -> String {
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        \(namespace.map { "  namespace: \($0)\n" } ?? "")spec:
          selector:
            matchLabels: {app: web}
          template:
            metadata:
              labels: {app: web}
            spec:
        \(specFields)      containers:
              - name: web
                image: nginx
        \(containerFields)
        """
    }

    @Test func aContainerWithoutANameIsDescribedAsSuch() {
        // Knative's Service runs a single container that usually has no name.
        let manifest = """
            apiVersion: serving.knative.dev/v1
            kind: Service
            metadata:
              name: hello
            spec:
              template:
                spec:
                  containers:
                  - image: hello
                    env:
                    - name: GREETING
                      valueFrom:
                        configMapKeyRef: {name: greetings, key: hello}
                    envFrom:
                    - secretRef: {name: hello-credentials}
            """
        let found = findings(["hello.yaml": manifest]).filter { $0.ruleID == "configmap-missing" || $0.ruleID == "secret-missing" }
        #expect(found.map(\.message) == [
            "ConfigMap greetings (env GREETING of the container without a name) is not in the tree in namespace 'default'; the pod needs its key 'hello'",
            "Secret hello-credentials (envFrom of the container without a name) is not in the tree in namespace 'default'",
        ])
        #expect(found.map(\.severity) == [.error, .warning])
    }

    @Test func oneFindingPerPodAndMissingObjectWithTheOtherReferencesAsNotes() throws {
        let web = deployment(container: """
                    env:
                    - {name: HOST, valueFrom: {configMapKeyRef: {name: web-env, key: HOST}}}
                    - {name: PORT, valueFrom: {configMapKeyRef: {name: web-env, key: PORT}}}
                    - {name: HOST_AGAIN, valueFrom: {configMapKeyRef: {name: web-env, key: HOST}}}
                    - {name: TOKEN, valueFrom: {secretKeyRef: {name: web-token, key: token}}}
                    volumeMounts: [{name: files, mountPath: /etc/web}, {name: tls, mountPath: /etc/tls}]
            """, spec: """
                  volumes:
                  - {name: files, configMap: {name: web-env}}
                  - {name: tls, secret: {secretName: web-token, items: [{key: tls.crt, path: tls.crt}]}}

            """)
        let found = findings(["web.yaml": web])
        let configMap = try #require(found.first { $0.ruleID == "configmap-missing" })
        #expect(found.filter { $0.ruleID == "configmap-missing" }.count == 1)
        // The finding is at the first reference in the file (here the volume, written first).
        #expect(configMap.message == "ConfigMap web-env (volume files and 3 more references) is not in the tree in namespace 'default'; the pod needs its keys 'HOST', 'PORT'")
        #expect(configMap.location.line == 13)
        #expect(configMap.related.map(\.message) == [
            "ConfigMap web-env is also used here (env HOST of container web)",
            "ConfigMap web-env is also used here (env PORT of container web)",
            "ConfigMap web-env is also used here (env HOST_AGAIN of container web)",
        ])
        #expect(configMap.related.map(\.location.line) == [19, 20, 21])
        let secret = try #require(found.first { $0.ruleID == "secret-missing" })
        #expect(secret.message == "Secret web-token (volume tls and 1 more reference) is not in the tree in namespace 'default'; the pod needs its keys 'tls.crt', 'token'")
        #expect(secret.related.map(\.message) == ["Secret web-token is also used here (env TOKEN of container web)"])
    }

    @Test func anObjectInAnotherNamespaceSaysWhichAndHowToJoinThem() {
        let objects = """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: web-env, namespace: shop}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: web-env, namespace: store}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: shared-env}
            """
        let reads = """
                    envFrom:
                    - configMapRef: {name: web-env}
                    - configMapRef: {name: shared-env}
            """
        // The Deployment names no namespace: where it lands follows defaultNamespace. The tree
        // names two namespaces, so it is no one namespace's tree: an error still.
        #expect(findings(["a.yaml": objects, "web.yaml": deployment(container: reads)]).filter { $0.ruleID == "configmap-missing" }.map(\.severity) == [.error])
        #expect(messages(["a.yaml": objects, "web.yaml": deployment(container: reads)], rule: "configmap-missing") == [
            "ConfigMap web-env (envFrom of container web) is not in the tree in namespace 'default'; the tree has ConfigMap web-env in namespaces 'shop', 'store': set `defaultNamespace` in .kubelint.yaml to the namespace the tree is applied to",
        ])
        // It names one: the ConfigMap that names none follows defaultNamespace; the one that
        // names another namespace is a real mismatch.
        #expect(messages(["a.yaml": objects, "web.yaml": deployment(namespace: "shop", container: reads)], rule: "configmap-missing") == [
            "ConfigMap shared-env (envFrom of container web) is not in the tree in namespace 'shop'; the tree has ConfigMap shared-env in namespace 'default': if the tree is applied to namespace 'shop', set `defaultNamespace: shop` in .kubelint.yaml",
        ])
        #expect(messages(["a.yaml": objects, "web.yaml": deployment(namespace: "prod", container: reads)], rule: "configmap-missing") == [
            "ConfigMap web-env (envFrom of container web) is not in the tree in namespace 'prod'; the tree has ConfigMap web-env in namespaces 'shop', 'store': references do not cross namespaces: fix `metadata.namespace` of one of them",
            "ConfigMap shared-env (envFrom of container web) is not in the tree in namespace 'prod'; the tree has ConfigMap shared-env in namespace 'default': if the tree is applied to namespace 'prod', set `defaultNamespace: prod` in .kubelint.yaml",
        ])
        // Following the advice resolves both.
        #expect(messages(["a.yaml": objects, "web.yaml": deployment(container: reads)], rule: "configmap-missing", configuration: "defaultNamespace: shop\n").isEmpty)
    }

    @Test func keysThatObjectsLack() throws {
        let objects = """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: web-env}
            data: {DATABASE_HOST: db, DEBUG: False}
            ---
            apiVersion: v1
            kind: Secret
            metadata: {name: web-secret}
            data: {password: [not, a, string]}
            """
        let web = deployment(container: """
                    env:
                    - {name: A, valueFrom: {configMapKeyRef: {name: web-env, key: DATABSE_HOST}}}
                    - {name: B, valueFrom: {configMapKeyRef: {name: web-env, key: DEBUG}}}
                    - {name: C, valueFrom: {secretKeyRef: {name: web-secret, key: pasword}}}
                    - {name: D, valueFrom: {secretKeyRef: {name: web-secret, key: password}}}
            """)
        let found = findings(["a.yaml": objects, "web.yaml": web])
        #expect(found.filter { $0.ruleID == "configmap-key-missing" }.map(\.message) == [
            "ConfigMap web-env has no key 'DATABSE_HOST' (env A of container web) but has 'DATABASE_HOST': either this reference or the ConfigMap's key is misspelt",
        ])
        #expect(found.filter { $0.ruleID == "secret-key-missing" }.map(\.message) == [
            "Secret web-secret has no key 'pasword' (env C of container web) but has 'password': either this reference or the Secret's key is misspelt",
        ])
        // The note points at the close key, where the typo may be, not at the object's name.
        let configMapNote = try #require(found.first { $0.ruleID == "configmap-key-missing" }?.related.first)
        #expect(configMapNote.message == "ConfigMap web-env has the key 'DATABASE_HOST' here")
        #expect("\(configMapNote.location)" == "a.yaml:4:8")
        let secretNote = try #require(found.first { $0.ruleID == "secret-key-missing" }?.related.first)
        #expect(secretNote.message == "Secret web-secret has the key 'password' here")
        #expect("\(secretNote.location)" == "a.yaml:9:8")
    }

    /// A key that the object lacks and that is not close to any of its keys: no side is
    /// suspect, and the note shows where the object is.
    @Test func keysWithoutACloseKey() throws {
        let objects = """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: web-env}
            data:
              DATABASE_HOST: db
            ---
            apiVersion: v1
            kind: Secret
            metadata: {name: web-secret}
            stringData:
              password: hunter2
            """
        let web = deployment(container: """
                    env:
                    - {name: A, valueFrom: {configMapKeyRef: {name: web-env, key: LOG_LEVEL}}}
                    - {name: C, valueFrom: {secretKeyRef: {name: web-secret, key: api-token}}}
            """)
        let found = findings(["a.yaml": objects, "web.yaml": web]).filter { $0.ruleID.hasSuffix("-key-missing") }
        #expect(found.map(\.message) == [
            "ConfigMap web-env has no key 'LOG_LEVEL' (env A of container web)",
            "Secret web-secret has no key 'api-token' (env C of container web)",
        ])
        #expect(found.flatMap(\.related).map { "\($0.location) \($0.message)" } == [
            "a.yaml:3:18 ConfigMap web-env is defined here",
            "a.yaml:9:18 Secret web-secret is defined here",
        ])
    }

    /// A key Kubernetes fills in is written nowhere: it is suggested, the note stays at the object.
    @Test func aCloseKeyKubernetesFillsInIsOnlySuggested() {
        let token = """
            apiVersion: v1
            kind: Secret
            metadata:
              name: deployer-token
              annotations: {kubernetes.io/service-account.name: deployer}
            type: kubernetes.io/service-account-token
            """
        let web = deployment(container: """
                    env:
                    - {name: TOKEN, valueFrom: {secretKeyRef: {name: deployer-token, key: tokne}}}
            """)
        let found = findings(["a.yaml": token, "web.yaml": web]).filter { $0.ruleID == "secret-key-missing" }
        #expect(found.map(\.message) == ["Secret deployer-token has no key 'tokne' (env TOKEN of container web); did you mean 'token'?"])
        #expect(found.flatMap(\.related).map { "\($0.location) \($0.message)" } == ["a.yaml:4:9 Secret deployer-token is defined here"])
    }

    /// kube-root-ca.crt is published in every namespace from Kubernetes 1.20; at an older target
    /// it is a ConfigMap like any other, and the message says from when it exists.
    @Test func theRootCertificateConfigMapExistsFrom120() {
        let web = deployment(container: """
                    volumeMounts: [{name: ca, mountPath: /etc/ca}]
            """, spec: """
                  volumes:
                  - {name: ca, configMap: {name: kube-root-ca.crt}}

            """)
        func messages(at target: KubernetesVersion) -> [String] {
            let tree = Loader.load([.bytes(name: "web.yaml", Array(web.utf8))])
            return Linter(configuration: LintConfiguration(kubernetesVersion: target)).lint(tree).findings
                .filter { $0.ruleID == "configmap-missing" }.map(\.message)
        }
        #expect(messages(at: .v1(13)) == [
            "ConfigMap kube-root-ca.crt (volume ca) is not in the tree in namespace 'default'; Kubernetes publishes it in every namespace only from 1.20 (target 1.13)",
        ])
        #expect(messages(at: .v1(19)).count == 1)
        #expect(messages(at: .v1(20)).isEmpty)
        #expect(messages(at: .v1(37)).isEmpty)
    }

    @Test func claimsAccountsAndVolumes() {
        let objects = """
            apiVersion: v1
            kind: ServiceAccount
            metadata: {name: web-deployer}
            ---
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata: {name: web-cache}
            spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
            """
        let web = deployment(container: """
                    volumeMounts: [{name: cahce, mountPath: /cache}]
            """, spec: """
                  serviceAccountName: web-deployr
                  volumes:
                  - {name: cache, persistentVolumeClaim: {claimName: web-cahce}}

            """)
        let files = ["a.yaml": objects, "web.yaml": web]
        #expect(messages(files, rule: "service-account-missing") == ["ServiceAccount web-deployr is not in the tree in namespace 'default'; did you mean 'web-deployer'?"])
        #expect(messages(files, rule: "pvc-missing") == ["PersistentVolumeClaim web-cahce (volume cache) is not in the tree in namespace 'default'; did you mean 'web-cache'?"])
        #expect(messages(files, rule: "volume-mount-undeclared") == ["container web mounts volume 'cahce', which the pod does not declare; did you mean 'cache'?"])
    }

    @Test func ingressesAutoscalersAndPullSecrets() {
        let objects = """
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec: {selector: {app: web}, ports: [{port: 80}]}
            ---
            apiVersion: v1
            kind: Secret
            metadata: {name: web-tls, namespace: edge}
            type: kubernetes.io/tls
            data: {tls.crt: eA==, tls.key: eA==}
            ---
            apiVersion: v1
            kind: Secret
            metadata: {name: registry}
            type: kubernetes.io/dockerconfigjson
            data: {.dockerconfigjson: e30=}
            ---
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: web}
            spec:
              tls: [{hosts: [web.example.com], secretName: web-tls}]
              rules:
              - http:
                  paths:
                  - {path: /, pathType: Prefix, backend: {service: {name: wbe, port: {number: 80}}}}
            ---
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata: {name: web}
            spec:
              scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: webb}
              maxReplicas: 3
            """
        let web = deployment(spec: """
                  imagePullSecrets: [{name: regsitry}]

            """)
        let files = ["a.yaml": objects, "web.yaml": web]
        #expect(messages(files, rule: "ingress-service-missing") == ["Service wbe is not in the tree in namespace 'default'; did you mean 'web'?"])
        // edge is the only namespace the tree's objects name, and the Ingress names none: applied
        // with `kubectl apply -n edge` it finds its Secret, so this is information.
        let tls = findings(files).filter { $0.ruleID == "ingress-tls-secret-missing" }
        #expect(tls.map(\.message) == [
            "TLS Secret web-tls is not in the tree in namespace 'default'; the tree has Secret web-tls in namespace 'edge', the only namespace its objects name: if the tree is applied to it (kubectl apply -n edge), set `defaultNamespace: edge` in .kubelint.yaml",
        ])
        #expect(tls.map(\.severity) == [.info])
        #expect(messages(files, rule: "hpa-target-missing") == ["Deployment webb is not in the tree in namespace 'default'; the autoscaler scales nothing; did you mean 'web'?"])
        #expect(messages(files, rule: "image-pull-secret-missing") == ["image pull secret regsitry is not in the tree in namespace 'default'; did you mean 'registry'?"])
    }

    @Test func selectorsThatMatchNothing() {
        let objects = """
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec: {selector: {app: wbe}, ports: [{port: 80, targetPort: http}]}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: api}
            spec: {selector: {app: web}, ports: [{port: 80, targetPort: http}]}
            ---
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata: {name: web}
            spec: {maxUnavailable: 1, selector: {matchLabels: {app: wbe}}}
            """
        let files = ["a.yaml": objects, "web.yaml": deployment(container: "        ports: [{name: web, containerPort: 8080}]\n")]
        #expect(messages(files, rule: "service-selector-no-match") == [
            "no Pod or workload template in namespace 'default' has the label app: wbe, so Service web has no endpoints",
        ])
        #expect(messages(files, rule: "pdb-selects-nothing") == [
            "the selector matches no Pod or workload template in namespace 'default'; the budget protects nothing",
        ])
        #expect(messages(files, rule: "service-target-port") == [
            "target port 'http' is not the name of a container port of Deployment web (named ports: web)",
        ])
    }
}
