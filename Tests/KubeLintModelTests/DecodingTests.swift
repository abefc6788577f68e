import Testing
import KubeLintYAML
@testable import KubeLintModel

private func decode(_ text: String, file: String = "test.yaml") -> [Resource] {
    Loader.load([.bytes(name: file, Array(text.utf8))]).resources
}

@Suite("Decoding Kubernetes objects")
struct DecodingTests {
    @Test func komposeDeploymentDecodesWithoutIssues() throws {
        let text = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              annotations:
                kompose.cmd: kompose convert -f docker-compose.yml
                kompose.version: 1.19.0 (f63a961c)
              creationTimestamp: null
              labels:
                io.kompose.service: broker
              name: broker
            spec:
              replicas: 1
              selector:
                matchLabels:
                  io.kompose.service: broker
              strategy:
                type: Recreate
              template:
                metadata:
                  creationTimestamp: null
                  labels:
                    io.kompose.service: broker
                spec:
                  containers:
                  - image: redis:5.0.7
                    name: broker
                    ports:
                    - containerPort: 6379
                    resources: {}
                    volumeMounts:
                    - mountPath: /data
                      name: broker-pv
                  restartPolicy: Always
                  volumes:
                  - name: broker-pv
                    persistentVolumeClaim:
                      claimName: broker-pv
            status: {}
            """
        let resource = try #require(decode(text).first)
        #expect(resource.issues.isEmpty)
        #expect(resource.identity == ResourceIdentity(apiVersion: "apps/v1", kind: "Deployment", namespace: nil, name: "broker"))
        let workload = try #require(resource.workload)
        #expect(workload.kind == .deployment)
        #expect(workload.effectiveReplicas == 1)
        #expect(workload.replicas?.mark.line == 12 && workload.replicas?.mark.column == 13)
        #expect(workload.strategyType?.value == "Recreate")
        #expect(workload.selectorMatchesTemplate == true)
        let container = try #require(workload.template?.spec?.containers.first)
        #expect(container.ports.first?.containerPort?.value == 6379)
        #expect(container.ports.first?.containerPort?.mark.line == 28)
        #expect(container.ports.first?.containerPort?.mark.column == 26)
        #expect(workload.template?.spec?.volumes.first?.persistentVolumeClaim?.claimName?.value == "broker-pv")
        #expect(resource.metadata.annotations["kompose.version"] == "1.19.0 (f63a961c)")
    }

    @Test func wrongTypesAreRecordedAtTheValue() throws {
        let text = """
            apiVersion: v1
            kind: Service
            metadata:
              name: web
            spec:
              ports:
              - port: "80"
                targetPort: http
              selector: [app]
            """
        let resource = try #require(decode(text).first)
        #expect(resource.issues.map(\.message) == [
            "spec.selector must be a mapping of strings, found a list",
            "spec.ports[0].port must be an integer, found a string",
        ])
        #expect(resource.issues[1].mark.line == 7 && resource.issues[1].mark.column == 11)
        guard case .service(let service) = resource.body else {
            Issue.record("expected a Service")
            return
        }
        #expect(service.ports.first?.targetPort?.value == .string("http"))
    }

    /// Beside an object, a document without apiVersion and kind is a broken object (alone in
    /// its file it is not a manifest: `FileContentTests`).
    @Test func missingApiVersionAndKindAreRecorded() throws {
        let resource = try #require(decode("apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n---\nmetadata:\n  name: x\n").last)
        #expect(resource.issues.map(\.message) == [
            "required field 'apiVersion' is missing",
            "required field 'kind' is missing",
        ])
        #expect(resource.issues.allSatisfy { $0.mark.line == 5 && $0.mark.column == 1 })
    }

    @Test func scalarDocumentIsNotAnObject() throws {
        let resource = try #require(decode("apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n---\njust some text\n").last)
        #expect(resource.issues.map(\.message) == ["document must be a mapping (a Kubernetes object), found a string"])
    }

    @Test func listItemsBecomeResources() throws {
        let text = """
            apiVersion: v1
            kind: List
            items:
            - apiVersion: v1
              kind: ConfigMap
              metadata: {name: one}
            - apiVersion: v1
              kind: ConfigMap
              metadata: {name: two}
              data: {port: 8080}
            """
        let resources = decode(text)
        #expect(resources.map(\.name) == ["one", "two"])
        #expect(resources.map(\.source.itemIndex) == [0, 1])
        #expect(resources[1].issues.map(\.message) == ["items[1].data.port must be a string, found an integer"])
    }

    @Test func legacyAndV1IngressShapesAreReadUnderTheirOwnVersion() throws {
        let legacy = """
            apiVersion: extensions/v1beta1
            kind: Ingress
            metadata: {name: legacy}
            spec:
              backend: {serviceName: web, servicePort: 8080}
            """
        let modern = """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: modern}
            spec:
              backend: {serviceName: web, servicePort: 8080}
              rules:
              - http:
                  paths:
                  - path: /
                    pathType: Prefix
                    backend:
                      service: {name: api, port: {name: http}}
            """
        guard case .ingress(let old) = try #require(decode(legacy).first).body,
              case .ingress(let new) = try #require(decode(modern).first).body else {
            Issue.record("expected two Ingresses")
            return
        }
        #expect(old.shape == .legacy)
        #expect(old.defaultBackend?.serviceName?.value == "web")
        #expect(old.defaultBackend?.servicePort?.value == .int(8080))
        #expect(new.shape == .v1)
        // `backend.serviceName` means nothing under networking.k8s.io/v1.
        #expect(new.defaultBackend == nil)
        #expect(new.backends.map { $0.serviceName?.value } == ["api"])
        #expect(new.backends.first?.servicePort?.value == .string("http"))
    }

    @Test func ingressTLSIsReadUnderEveryVersionWithPositions() throws {
        for apiVersion in ["networking.k8s.io/v1", "networking.k8s.io/v1beta1", "extensions/v1beta1"] {
            let text = """
                apiVersion: \(apiVersion)
                kind: Ingress
                metadata: {name: web}
                spec:
                  tls:
                  - hosts: [shop.example.com, www.example.com]
                    secretName: shop-tls
                  - hosts: [default.example.com]
                """
            let resource = try #require(decode(text).first)
            guard case .ingress(let ingress) = resource.body else {
                Issue.record("expected an Ingress under \(apiVersion)")
                continue
            }
            #expect(resource.issues.isEmpty)
            #expect(ingress.tls.map { $0.hosts.map(\.value) } == [["shop.example.com", "www.example.com"], ["default.example.com"]])
            #expect(ingress.tls.map { $0.secretName?.value } == ["shop-tls", nil])
            let secretName = try #require(ingress.tls.first?.secretName)
            #expect((secretName.mark.line, secretName.mark.column) == (7, 17))
            #expect(secretName.keyMark.map { ($0.line, $0.column) } ?? (0, 0) == (7, 5))
            #expect(ingress.tls.map { ($0.mark.line, $0.mark.column) }.elementsEqual([(6, 5), (8, 5)], by: ==))
        }
    }

    @Test func ingressTLSOfTheWrongShapeIsAnIssueNotACrash() throws {
        let text = """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: web}
            spec:
              tls:
              - secretName: 42
              - just-a-string
            """
        let resource = try #require(decode(text).first)
        guard case .ingress(let ingress) = resource.body else {
            Issue.record("expected an Ingress")
            return
        }
        #expect(ingress.tls.count == 1)
        #expect(ingress.tls.first?.secretName == nil)
        #expect(resource.issues.count == 2)
    }

    @Test func kindUnderWrongGroupIsGeneric() throws {
        let resource = try #require(decode("apiVersion: v1\nkind: Deployment\nmetadata: {name: x}\n").first)
        guard case .generic = resource.body else {
            Issue.record("expected a generic resource")
            return
        }
    }

    @Test func cronJobTemplateIsReached() throws {
        let text = """
            apiVersion: batch/v1
            kind: CronJob
            metadata: {name: nightly}
            spec:
              schedule: "0 3 * * *"
              jobTemplate:
                spec:
                  template:
                    metadata: {labels: {app: nightly}}
                    spec:
                      restartPolicy: OnFailure
                      containers: [{name: job, image: busybox}]
            """
        let resource = try #require(decode(text).first)
        #expect(resource.issues.isEmpty)
        #expect(resource.podTemplate?.labels["app"] == "nightly")
        #expect(resource.workload?.effectiveReplicas == nil)
    }

    @Test func configDataKeysAreEveryKeyWrittenWhateverItsValue() {
        let resources = decode("""
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: settings}
            data: {DEBUG: False, WORKERS: 4, EMPTY: , THEME: dark, 8080: port}
            binaryData: {logo.png: iVBORw0KGgo=}
            ---
            apiVersion: v1
            kind: Secret
            metadata: {name: credentials}
            data: {api-key: [c2VjcmV0]}
            stringData: {username: shop}
            ---
            apiVersion: v1
            kind: ServiceAccount
            metadata: {name: deployer}
            """)
        #expect(resources.map(\.configDataKeys) == [
            ["DEBUG", "WORKERS", "EMPTY", "THEME", "8080", "logo.png"],
            ["api-key", "username"],
            nil,
        ])
        // The typed values keep strings only.
        guard case .configMap(let configMap) = resources[0].body else { Issue.record("not a ConfigMap"); return }
        #expect(configMap.data.keys == ["THEME", "8080"])
    }
}
