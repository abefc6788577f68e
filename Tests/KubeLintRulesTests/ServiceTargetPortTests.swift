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

private func lint(_ files: [(String, String)]) -> [Finding] {
    let tree = Loader.load(files.map { .bytes(name: $0.0, Array($0.1.utf8)) })
    return Linter(configuration: LintConfiguration()).lint(tree).findings
}

private func messages(_ findings: [Finding], of ruleIDs: Set<String>) -> [String] {
    findings.filter { ruleIDs.contains($0.ruleID) }.map { "\($0.location) \($0.severity.rawValue): \($0.message) [\($0.ruleID)]" }
}

/// Ports a Service targets: `targetPort: 0` is `port`; a port the containers use without
/// declaring it is a note.
@Suite("Service target ports")
struct ServiceTargetPortTests {
    private static let deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: manager}
        spec:
          selector: {matchLabels: {app: manager}}
          template:
            metadata: {labels: {app: manager}}
            spec:
              containers:
              - name: manager
                image: manager
                command: ["/manager", "--listen=0.0.0.0:7000"]
                args: ["--metrics-bind-address=:8443", "--port", "9000"]
                env: [{name: PORT, value: "8080"}, {name: TIMEOUT, value: "9443ms"}]
                ports: [{name: health, containerPort: 8081}]
                readinessProbe: {httpGet: {path: /readyz, port: 9090}}
        """

    @Test func eachPortGetsOneFindingWithItsFullMessage() {
        let service = """
            apiVersion: v1
            kind: Service
            metadata: {name: manager}
            spec:
              selector: {app: manager}
              ports:
              - {name: a, port: 8443}
              - {name: b, port: 80, targetPort: 9000}
              - {name: c, port: 80, targetPort: 8080}
              - {name: d, port: 7000, targetPort: 0}
              - {name: e, port: 80, targetPort: 9090}
              - {name: f, port: 9443}
              - {name: g, port: 6379, targetPort: 0}
              - {name: h, port: 80, targetPort: health}
              - {name: i, port: 80, targetPort: metrics}
            """
        let findings = lint([("manager.yaml", Self.deployment), ("service.yaml", service)])
        #expect(messages(findings, of: ["service-target-port", "service-target-port-undeclared"]) == [
            "service.yaml:7:21 info: target port 8443 is not a declared containerPort of Deployment manager (it declares 8081), but container 'manager' names it in its args (`--metrics-bind-address=:8443`); declare it under ports [service-target-port-undeclared]",
            "service.yaml:8:37 info: target port 9000 is not a declared containerPort of Deployment manager (it declares 8081), but container 'manager' names it in its args (`9000`); declare it under ports [service-target-port-undeclared]",
            "service.yaml:9:37 info: target port 8080 is not a declared containerPort of Deployment manager (it declares 8081), but container 'manager' names it in its env PORT (`8080`); declare it under ports [service-target-port-undeclared]",
            "service.yaml:10:39 info: target port 7000 (`targetPort: 0` stands for the Service's port) is not a declared containerPort of Deployment manager (it declares 8081), but container 'manager' names it in its command (`--listen=0.0.0.0:7000`); declare it under ports [service-target-port-undeclared]",
            "service.yaml:11:37 info: target port 9090 is not a declared containerPort of Deployment manager (it declares 8081), but container 'manager' names it in its readinessProbe (`9090`); declare it under ports [service-target-port-undeclared]",
            "service.yaml:12:21 error: target port 9443 is not a containerPort of Deployment manager (it declares 8081) [service-target-port]",
            "service.yaml:13:39 error: target port 6379 (`targetPort: 0` stands for the Service's port) is not a containerPort of Deployment manager (it declares 8081) [service-target-port]",
            "service.yaml:15:37 error: target port 'metrics' is not the name of a container port of Deployment manager (named ports: health) [service-target-port]",
        ])
        // The note points back at where the container names the port.
        let note = findings.first { $0.ruleID == "service-target-port-undeclared" }
        #expect(note?.related.first.map { "\($0.location) \($0.message)" } == "manager.yaml:13:16 container 'manager' names port 8443 here")
    }

    @Test(arguments: [
        ("--port=8443", "--port=8443"), (":8443", ":8443"), ("8443", "8443"), ("0.0.0.0:8443", "0.0.0.0:8443"),
        ("--web.listen-address=:8443,:9443", "--web.listen-address=:8443,:9443"), ("http://localhost:8443/metrics", "http://localhost:8443/metrics"),
        ("app --port 8443\n--verbose", "app --port 8443 --verbose"),
        (String(repeating: "x", count: 40) + " --port=8443 " + String(repeating: "y", count: 40),
         "… " + String(repeating: "x", count: 22) + " --port=8443 " + String(repeating: "y", count: 29) + " …"),
    ])
    func portsNamedInTextAreFound(_ text: String, _ excerpt: String) {
        #expect(ServicePortTargets.portExcerpt("8443", in: text) == excerpt)
    }

    @Test(arguments: ["18443", "84430", "8443ms", "v1.8443", "--timeout=8443s", "port-8443", ""])
    func otherNumbersAreNot(_ text: String) {
        #expect(ServicePortTargets.portExcerpt("8443", in: text) == nil)
    }
}
