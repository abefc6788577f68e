import KubeLintEngine
import KubeLintModel
import KubeLintTreeFacts
import KubeLintYAML

package struct ContractIngressTrafficRule: Rule {
    package init() {}

    package static let facts: [any Fact.Type] = [ContractSubjects.self]

    package static let description = RuleDescription(
        id: "contract-ingress-traffic",
        severity: .error,
        category: .contracts,
        summary: "An Ingress sends traffic somewhere other than its contract says",
        rationale: """
            "The ingress controller will direct all incoming traffic to web service": nothing \
            else may be reachable from outside. `allTrafficTo` names the Service and port that \
            the default backend and every rule path must use; without a default backend, \
            requests that match no rule go to the controller's own default instead, so one is \
            required. A port name and a number are equal when the Service gives that name to \
            that port.
            """,
        remediation: "Point every backend (and the default backend) at the Service and port the contract names.",
        triggeringExamples: [
            Example("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: ingress-controller
                spec:
                  defaultBackend:
                    service:
                      name: web
                      port:
                        number: 8080
                  rules:
                  - http:
                      paths:
                      - path: /api
                        pathType: Prefix
                        backend:
                          service:
                            name: ↓api
                            port:
                              number: 8000
                      - path: /
                        pathType: Prefix
                        backend:
                          service:
                            name: web
                            port:
                              number: ↓80
                ---
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: extra
                ↓spec:
                  rules:
                  - http:
                      paths:
                      - path: /
                        pathType: Prefix
                        backend:
                          service:
                            name: web
                            port:
                              name: http
                """, otherFiles: ["service.yaml": webService], contract: """
                contract: staging
                expect:
                - kind: Ingress
                  each:
                    allTrafficTo: {service: web, port: 8080}
                """),
        ],
        nonTriggeringExamples: [
            Example("""
                apiVersion: extensions/v1beta1
                kind: Ingress
                metadata:
                  name: ingress-controller
                spec:
                  backend:
                    serviceName: web
                    servicePort: 8080
                  rules:
                  - http:
                      paths:
                      - path: /
                        backend:
                          serviceName: web
                          servicePort: http
                """, otherFiles: ["service.yaml": webService], contract: """
                contract: staging
                expect:
                - kind: Ingress
                  each:
                    allTrafficTo: {service: web, port: 8080}
                """),
        ]
    )

    static let webService = """
        apiVersion: v1
        kind: Service
        metadata:
          name: web
        spec:
          type: NodePort
          selector:
            app: web
          ports:
          - name: http
            port: 8080
        """

    package func check(_ context: LintContext) -> [Finding] {
        var findings: [Finding] = []
        for subject in context[ContractSubjects.self].all {
            guard let expected = subject.clauses.allTrafficTo, case .ingress(let ingress) = subject.resource.body else { continue }
            let resource = subject.resource
            let related = [subject.contract.related(expected.mark)]
            let target = expected.value
            let namespace = context.index.namespace(of: resource)
            let targetService = context.service(named: target.service, namespace: namespace)?.spec
            if ingress.defaultBackend == nil {
                findings.append(finding(
                    "\(resource.kindAndName) has no default backend, so requests that match no rule do not reach \(target) as \(subject.contract.title) expects",
                    at: resource.root.pair("spec")?.key.start ?? resource.nameMark, in: resource, related: related
                ))
            }
            for backend in ingress.backends {
                guard !backend.isResource, let name = backend.serviceName else {
                    findings.append(finding(
                        "the backend does not send traffic to \(target), as \(subject.contract.title) expects",
                        at: backend.mark, in: resource, related: related
                    ))
                    continue
                }
                guard name.value == target.service else {
                    findings.append(finding(
                        "the backend sends traffic to Service \(name.value); \(subject.contract.title) expects all traffic to go to \(target)",
                        at: name.mark, in: resource, related: related
                    ))
                    continue
                }
                guard let port = backend.servicePort else { continue }
                if !Self.samePort(port.value, target.port, service: targetService) {
                    findings.append(finding(
                        "the backend uses port \(port.value) of Service \(name.value); \(subject.contract.title) expects port \(target.port)",
                        at: port.mark, in: resource, related: related
                    ))
                }
            }
        }
        return findings
    }

    /// Whether two port references name the same Service port, by number or through its name.
    static func samePort(_ lhs: IntOrString, _ rhs: IntOrString, service: Service?) -> Bool {
        if lhs == rhs { return true }
        guard let service, let left = service.port(matching: lhs), let right = service.port(matching: rhs) else { return false }
        return left.mark == right.mark
    }
}
