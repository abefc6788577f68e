import KubeLintEngine
import KubeLintModel
import KubeLintTreeFacts
import KubeLintYAML

package struct ContractServicePortsRule: Rule {
    package init() {}

    package static let facts: [any Fact.Type] = [ContractSubjects.self]

    package static let description = RuleDescription(
        id: "contract-service-ports",
        severity: .error,
        category: .contracts,
        summary: "A Service has other ports than its contract says",
        rationale: """
            Components find each other by Service name and port (the API connects to rdms:5432 \
            and broker:6379). `ports` lists the Service's port numbers (`spec.ports[].port`) as a \
            set: a port the contract does not list is reported where it is written, a listed \
            port the Service lacks at the Service's `ports`.
            """,
        remediation: "Make the Service's ports the ones the contract lists, or update the contract.",
        triggeringExamples: [
            Example("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: broker
                spec:
                  selector:
                    app: broker
                  ports:
                  - port: ↓6380
                ---
                apiVersion: v1
                kind: Service
                metadata:
                  name: api
                spec:
                  selector:
                    app: api
                  ↓ports:
                  - port: 8000
                """, contract: """
                contract: staging
                expect:
                - kind: Service
                  objects:
                  - name: broker
                    ports: [6379]
                  - name: api
                    ports: [8000, 8443]
                """),
        ],
        nonTriggeringExamples: [
            Example("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: broker
                spec:
                  selector:
                    app: broker
                  ports:
                  - name: redis
                    port: 6379
                    targetPort: 6379
                """, contract: """
                contract: staging
                expect:
                - kind: Service
                  objects:
                  - name: broker
                    ports: [6379]
                """),
        ]
    )

    package func check(_ context: LintContext) -> [Finding] {
        var findings: [Finding] = []
        for subject in context[ContractSubjects.self].all {
            guard let expected = subject.clauses.ports, case .service(let service) = subject.resource.body else { continue }
            let resource = subject.resource
            let expectedNumbers = Set(expected.value.map(\.value))
            let actualNumbers = Set(service.ports.compactMap { $0.port?.value })
            let related = [subject.contract.related(expected.mark)]
            let listed = expectedNumbers.sorted().map(String.init).joined(separator: ", ")
            var reportedExtra = false
            for port in service.ports {
                guard let number = port.port, !expectedNumbers.contains(number.value) else { continue }
                reportedExtra = true
                findings.append(finding(
                    "\(resource.kindAndName) has port \(number.value), which \(subject.contract.title) does not list (it expects \(listed))",
                    at: number.mark, in: resource, related: related
                ))
            }
            // A changed port is one mistake: the extra port's finding already names the expected one.
            let missing = expectedNumbers.subtracting(actualNumbers).sorted()
            if !missing.isEmpty, !reportedExtra {
                let mark = resource.root["spec"]?.pair("ports")?.key.start ?? service.specMark ?? resource.nameMark
                findings.append(finding(
                    "\(resource.kindAndName) has no \(missing.count == 1 ? "port" : "ports") \(missing.map(String.init).joined(separator: ", ")), which \(subject.contract.title) expects",
                    at: mark, in: resource, related: related
                ))
            }
        }
        return findings
    }
}
