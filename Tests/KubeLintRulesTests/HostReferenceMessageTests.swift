import Foundation
import Testing
import KubeLintModel
@testable import KubeLintEngine
@testable import KubeLintDriver

/// The full text and position of every message `host-reference-unresolved` writes, and the
/// values it leaves alone.
@Suite("Messages of host references")
struct HostReferenceMessageTests {
    private func findings(_ files: [String: String], configuration: String? = nil) -> [Finding] {
        let tree = Loader.load(files.sorted { $0.key < $1.key }.map { .bytes(name: $0.key, Array($0.value.utf8)) })
        let parsed = configuration.map { ConfigurationParser.parse($0, file: ".kubelint.yaml").configuration } ?? LintConfiguration()
        return Linter(configuration: parsed).lint(tree).findings.filter { $0.ruleID == "host-reference-unresolved" }
    }

    private func described(_ found: [Finding]) -> [String] {
        found.map { "\($0.location.file):\($0.location.line):\($0.location.column): \($0.message)" }
    }

    /// A Deployment `name` in `namespace` (labels `app: name`) whose container `app` reads
    /// `envFrom` ConfigMaps and carries the fields `env` (indented as a block of its own).
    private func workload(_ name: String, namespace: String? = nil, envFrom: [String] = [], env: String = "") -> String {
        let from = envFrom.isEmpty ? "" : "        envFrom:\n" + envFrom.map { "        - configMapRef: {name: \($0)}\n" }.joined()
        let lines = env.split(separator: "\n", omittingEmptySubsequences: false)
        let indentation = lines.filter { !$0.allSatisfy(\.isWhitespace) }.map { $0.prefix { $0 == " " }.count }.min() ?? 0
        let container = lines.map { $0.isEmpty ? "" : "        " + $0.dropFirst(indentation) }.joined(separator: "\n")
        return """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: \(name)
            \(namespace.map { "  namespace: \($0)\n" } ?? "")spec:
              selector:
                matchLabels: {app: \(name)}
              template:
                metadata:
                  labels: {app: \(name)}
                spec:
                  containers:
                  - name: app
                    image: example/\(name):1.0
            \(from)\(container)
            """
    }

    private func service(_ name: String, namespace: String? = nil, selector: String? = nil, port: Int, extra: String = "") -> String {
        """
        apiVersion: v1
        kind: Service
        metadata:
          name: \(name)
        \(namespace.map { "  namespace: \($0)\n" } ?? "")spec:
          selector: {app: \(selector ?? name)}
          ports:
          - port: \(port)
        \(extra)
        """
    }

    private var broker: [String: String] {
        ["broker.yaml": workload("broker") + "\n---\n" + service("broker", port: 6379)]
    }

    @Test func aMissingServiceIsOneFindingPerValueWithItsReadersAndANearName() {
        let configMap = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: shared-env
            data:
              CELERY_BROKER_URL: redis://brokr:6379/0
            """
        var files = broker
        files["env.yaml"] = configMap
        files["api.yaml"] = workload("api", envFrom: ["shared-env"])
        files["worker.yaml"] = workload("worker", envFrom: ["shared-env"])
        let found = findings(files)
        #expect(described(found) == [
            "env.yaml:6:22: CELERY_BROKER_URL (read by Deployment api, Deployment worker) connects to brokr:6379, but Service brokr is not in the tree in namespace 'default'; did you mean 'broker'?",
        ])
        #expect(found.map(\.severity) == [.warning])
    }

    @Test func aPortFromTheMatchingPortVariableIsReportedWhereThePortIsWritten() {
        var files = broker
        files["rdms.yaml"] = workload("rdms") + "\n---\n" + service("rdms", port: 5432)
        files["api.yaml"] = workload("api", env: """
                        env:
                        - {name: DATABASE_HOST, value: rdms}
                        - {name: DATABASE_PORT, value: "5433"}
                        - {name: CACHE_ADDR, value: "broker:6380"}
            """)
        let found = findings(files)
        #expect(described(found) == [
            "api.yaml:17:40: DATABASE_HOST connects to rdms:5433 (port from DATABASE_PORT), but Service rdms does not expose port 5433 (its ports: 5432)",
            "api.yaml:18:37: CACHE_ADDR connects to broker:6380, but Service broker does not expose port 6380 (its ports: 6379)",
        ])
        #expect(found.map { $0.related.map(\.message) } == [["Service rdms is defined here"], ["Service broker is defined here"]])
    }

    @Test func aURLWithoutAPortConnectsToTheSchemesPort() {
        var files: [String: String] = [:]
        files["api.yaml"] = workload("api") + "\n---\n" + service("api", port: 8000)
        files["web.yaml"] = workload("web", env: """
                        env:
                        - {name: API_HEALTH, value: "http://api/health"}
            """)
        #expect(described(findings(files)) == [
            "web.yaml:16:37: API_HEALTH connects to api:80 (the http default port), but Service api does not expose port 80 (its ports: 8000)",
        ])
    }

    @Test func aServiceThatSelectsNoPods() {
        var files: [String: String] = [:]
        files["broker.yaml"] = service("broker", selector: "redis", port: 6379)
        files["api.yaml"] = workload("api", env: """
                        env:
                        - {name: BROKER_URL, value: "redis://broker:6379/0"}
            """)
        #expect(described(findings(files)) == [
            "api.yaml:16:37: BROKER_URL connects to Service broker, which selects no pods (selector app: redis)",
        ])
    }

    @Test func aHostInAnotherNamespaceIsLookedUpThere() {
        var files = broker
        files["data.yaml"] = workload("rdms", namespace: "data") + "\n---\n" + service("rdms", namespace: "data", port: 5432)
        files["api.yaml"] = workload("api", env: """
                        env:
                        - {name: DATABASE_URL, value: "postgres://app@rdms.data.svc.cluster.local/app"}
                        - {name: CACHE_URL, value: "redis://broker.data:6379"}
                        - {name: DB_URL, value: "postgres://rdmss.data.svc:5432/app"}
            """)
        #expect(described(findings(files)) == [
            "api.yaml:17:36: CACHE_URL connects to broker.data:6379, but Service broker is not in the tree in namespace 'data'; the tree has Service broker in namespace 'default': name that namespace in the host",
            "api.yaml:18:33: DB_URL connects to rdmss.data.svc:5432, but Service rdmss is not in the tree in namespace 'data'; did you mean 'rdms'?",
        ])
    }

    @Test func aConfigMapKeyReadUnderAnotherNameSaysBoth() {
        let configMap = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: api-env
            data:
              redis: "redis://cache:6379"
            """
        var files = broker
        files["env.yaml"] = configMap
        files["api.yaml"] = workload("api", env: """
                        env:
                        - name: REDIS_URL
                          valueFrom:
                            configMapKeyRef: {name: api-env, key: redis}
            """)
        #expect(described(findings(files)) == [
            "env.yaml:6:10: redis (as REDIS_URL) (read by Deployment api) connects to cache:6379, but Service cache is not in the tree in namespace 'default'",
        ])
    }

    @Test func whatIsLeftAlone() {
        var files = broker
        files["headless.yaml"] = workload("db") + "\n---\n" + service("db", port: 5432, extra: "  clusterIP: None")
        files["api.yaml"] = workload("api", env: """
                        env:
                        - {name: SENTRY_URL, value: "https://sentry.example.com/12"}
                        - {name: METRICS_ADDR, value: "10.0.0.7:9090"}
                        - {name: SELF_URL, value: "http://localhost:8080"}
                        - {name: KUBE_API_URL, value: "https://kubernetes.default.svc"}
                        - {name: DATABASE_HOST, value: db}
                        - {name: DATABASE_PORT, value: "6000"}
                        - {name: PAYMENTS_URL, value: "http://payments:8080"}
                        - {name: ALLOWED_HOSTS, value: "api,web"}
                        - {name: LISTEN_ADDR, value: "api:9000"}
                        - {name: PEER_URL, value: "http://$(PEER_HOST):8080"}
                        - {name: REDIS_URL, value: "redis://broker:6379/0"}
            """)
        let configuration = """
            externalObjects:
            - kind: Service
              name: payments
            """
        #expect(described(findings(files, configuration: configuration)) == [])
    }

    @Test func aTreeWithoutServicesInTheNamespaceIsNotAskedForThem() {
        let files = ["api.yaml": workload("api", env: """
                        env:
                        - {name: BROKER_URL, value: "redis://broker:6379/0"}
            """)]
        #expect(findings(files).isEmpty)
        var withAService = files
        withAService["api-service.yaml"] = service("api", port: 8000)
        #expect(described(findings(withAService)) == [
            "api.yaml:16:37: BROKER_URL connects to broker:6379, but Service broker is not in the tree in namespace 'default'",
        ])
    }

    @Test func theStagingStackHasNoFinding() {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let tree = Loader.load(paths: [root.path + "/fixtures/staging/k8s"])
        let found = Linter(configuration: LintConfiguration()).lint(tree).findings.filter { $0.ruleID == "host-reference-unresolved" }
        #expect(tree.resources.count == 24)
        #expect(found.isEmpty)
    }
}
