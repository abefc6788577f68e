import Testing
@testable import KubeLintGraph

struct HostMentionTests {
    private func find(_ value: String, _ variable: String, environment: [String: String] = [:]) -> [HostMention] {
        HostMention.find(in: value, variable: variable) { environment[$0] }
    }

    @Test func urlsInAnyVariable() {
        #expect(find("redis://broker:6379/0", "CELERY_BROKER_URL") == [HostMention(host: "broker", port: .explicit(6379))])
        #expect(find("postgres://user:secret@rdms:5432/db", "DSN") == [HostMention(host: "rdms", port: .explicit(5432))])
        #expect(find("http://api/health", "CHECK") == [HostMention(host: "api", port: .schemeDefault(80, scheme: "http"))])
        #expect(find("jdbc:postgresql://rdms/db", "SPRING_DATASOURCE_URL") == [HostMention(host: "rdms", port: .schemeDefault(5432, scheme: "postgresql"))])
        #expect(find("mongodb://a:27017,b:27018/db?replicaSet=rs0", "MONGO") == [
            HostMention(host: "a", port: .explicit(27017)), HostMention(host: "b", port: .explicit(27018)),
        ])
        #expect(find("mongodb+srv://cluster0.example.net/db", "MONGO") == [HostMention(host: "cluster0.example.net", port: nil)])
        #expect(find("grpc://collector", "OTEL") == [HostMention(host: "collector", port: nil)])
        #expect(find("unix:///var/run/docker.sock", "DOCKER_HOST").isEmpty)
        #expect(find("http://[::1]:8080", "PROBE_URL").isEmpty)
    }

    @Test func hostAndPortOnlyInAddressVariables() {
        #expect(find("cart:7070", "CART_ADDR") == [HostMention(host: "cart", port: .explicit(7070))])
        #expect(find("kafka-0:9092,kafka-1:9092", "KAFKA_BOOTSTRAP_SERVERS").count == 2)
        #expect(find("redis:7", "REDIS_IMAGE").isEmpty)
        #expect(find("12:30", "BACKUP_TIME").isEmpty)
        #expect(find("cart:7070", "ADDR").isEmpty)
    }

    @Test func bareHostsPairWithTheirPort() {
        #expect(find("rdms", "DATABASE_HOST", environment: ["DATABASE_PORT": "5432"]) == [HostMention(host: "rdms", port: .paired(5432, variable: "DATABASE_PORT"))])
        #expect(find("rdms", "database_host", environment: ["database_port": "5432"]) == [HostMention(host: "rdms", port: .paired(5432, variable: "database_port"))])
        #expect(find("rdms", "DATABASE_HOST", environment: ["DATABASE_PORT": "tcp://10.0.0.1:5432"]) == [HostMention(host: "rdms", port: nil)])
        #expect(find("rdms", "DATABASE_HOST") == [HostMention(host: "rdms", port: nil)])
        #expect(find("rdms", "DATABASE_URL").isEmpty)
        #expect(find("0.0.0.0", "HOST").isEmpty)
    }

    @Test func whatIsLeftAlone() {
        #expect(find("api,web,localhost", "ALLOWED_HOSTS").isEmpty)
        #expect(find("http://$(POD_IP):8080", "SELF_URL").isEmpty)
        #expect(find("{{ .Values.host }}", "DB_HOST").isEmpty)
        #expect(find("0.0.0.0:8080", "LISTEN_ADDR").isEmpty)
        #expect(find("PLAINTEXT://kafka:9092", "KAFKA_ADVERTISED_LISTENERS").isEmpty)
        #expect(find("a value with words", "SOME_HOST").isEmpty == false)
    }

    @Test func serviceForms() {
        let namespaces: Set<String> = ["staging", "data"]
        #expect(ServiceHost("rdms", podNamespace: "staging", treeNamespaces: namespaces) == service("rdms", "staging", false))
        #expect(ServiceHost("rdms.data", podNamespace: "staging", treeNamespaces: namespaces) == service("rdms", "data", true))
        #expect(ServiceHost("rdms.data.svc", podNamespace: "staging", treeNamespaces: namespaces) == service("rdms", "data", true))
        #expect(ServiceHost("rdms.data.svc.cluster.local", podNamespace: "staging", treeNamespaces: namespaces) == service("rdms", "data", true))
        #expect(ServiceHost("rdms.data.svc.cluster.local.", podNamespace: "staging", treeNamespaces: namespaces) == service("rdms", "data", true))
        #expect(ServiceHost("api.github.com", podNamespace: "staging", treeNamespaces: namespaces) == nil)
        #expect(ServiceHost("api.github", podNamespace: "staging", treeNamespaces: namespaces) == nil)
        #expect(ServiceHost("rdms.elsewhere.svc", podNamespace: "staging", treeNamespaces: namespaces) == nil)
        #expect(ServiceHost("web-0.web.data.svc", podNamespace: "staging", treeNamespaces: namespaces) == nil)
        #expect(ServiceHost("10.0.0.1", podNamespace: "staging", treeNamespaces: namespaces) == nil)
        #expect(ServiceHost("localhost", podNamespace: "staging", treeNamespaces: namespaces) == nil)
        #expect(ServiceHost("my_host", podNamespace: "staging", treeNamespaces: namespaces) == nil)
    }

    private func service(_ name: String, _ namespace: String, _ namesNamespace: Bool) -> ServiceHost {
        var host = ServiceHost("x", podNamespace: namespace, treeNamespaces: [])!
        host.name = name
        host.namesNamespace = namesNamespace
        return host
    }
}
